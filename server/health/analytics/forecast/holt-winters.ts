/**
 * Exponential smoothing for daily series (pure): additive Holt–Winters with a damped trend and a
 * weekly season (ETS(A,Ad,A), m = 7) in its innovations form, and simple exponential smoothing
 * (ETS(A,N,N)) when there is too little data for a season. For day t with one-step error
 * e_t = y_t − (ℓ + φb + s_{t−m}):
 *
 *   ℓ_t = ℓ_{t−1} + φ·b_{t−1} + α·e_t      b_t = φ·b_{t−1} + β·e_t      s_t = s_{t−m} + γ·e_t
 *
 * A missing day has no error to learn from: the states move on with e_t = 0 (the level follows
 * the trend, the seasonal term is carried to the next week), so no value is invented.
 *
 * The h-step forecast is ℓ + (φ + … + φ^h)·b + s, and its error variance (Hyndman et al.,
 * "Forecasting with Exponential Smoothing", 2008, §6.1, the linear innovations state space
 * models) is
 *
 *   σ_h² = σ² · (1 + Σ_{j=1}^{h−1} c_j²),   c_j = α + β·(φ + φ² + … + φ^j) + γ·[j mod m = 0]
 *
 * with σ² the mean squared one-step error of the fit. (Undamped, φ = 1, this is the textbook
 * σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6}] for h ≤ m; simple smoothing has c_j = α.)
 */

export const SEASON_LENGTH = 7;
/** Fewer observed days than this: no forecast at all. */
export const MIN_OBSERVED_DAYS = 14;
/** Below this many observed days (three weeks), simple smoothing instead of a weekly season. */
export const MIN_SEASONAL_DAYS = 21;

export interface Smoothing {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface FittedModel {
  method: "holt-winters" | "simple";
  params: Smoothing;
  /** The states after the last day of the series. */
  level: number;
  trend: number;
  /** Seasonal terms by day index modulo 7 (all 0 for simple smoothing). */
  season: number[];
  /** Residual standard deviation of the one-step errors the fit was chosen on. */
  sigma: number;
  /** Index of the last day (the forecast origin), counted from the first observed day like the season. */
  lastIndex: number;
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7];
const TRENDS: readonly { beta: number; phi: number }[] = [
  { beta: 0, phi: 1 },
  { beta: 0.01, phi: 0.9 },
  { beta: 0.01, phi: 0.98 },
  { beta: 0.05, phi: 0.9 },
  { beta: 0.05, phi: 0.98 },
];
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3];
const SIMPLE_ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9];

/** The grid the one-step squared error is minimised over (β ≤ α and α + γ ≤ 1 keep it stable). */
export function parameterGrid(method: FittedModel["method"]): Smoothing[] {
  if (method === "simple") return SIMPLE_ALPHAS.map((alpha) => ({ alpha, beta: 0, gamma: 0, phi: 1 }));
  const out: Smoothing[] = [];
  for (const alpha of ALPHAS) for (const { beta, phi } of TRENDS) for (const gamma of GAMMAS) if (beta <= alpha && alpha + gamma <= 1) out.push({ alpha, beta, gamma, phi });
  return out;
}

interface Start {
  level: number;
  season: number[];
  /** Errors from this index on count toward the fit (the days before it made the start). */
  scoreFrom: number;
}

/**
 * Starting states. Holt–Winters: the level is the mean of the first two weeks, each weekday's
 * seasonal term its mean there less the level (centred to sum to 0), no trend; errors count
 * from day 14. Simple: the first value, errors from the next day.
 */
function startStates(values: (number | null)[], method: FittedModel["method"]): Start {
  if (method === "simple") return { level: values[0]!, season: new Array(SEASON_LENGTH).fill(0), scoreFrom: 1 };
  const window = 2 * SEASON_LENGTH;
  const seen = values.slice(0, window).filter((v): v is number => v !== null);
  const level = seen.reduce((a, b) => a + b, 0) / seen.length;
  const season = Array.from({ length: SEASON_LENGTH }, (_, k) => {
    const same = values.slice(0, window).filter((v, i): v is number => v !== null && i % SEASON_LENGTH === k);
    return same.length ? same.reduce((a, b) => a + b, 0) / same.length - level : 0;
  });
  const shift = season.reduce((a, b) => a + b, 0) / SEASON_LENGTH;
  return { level, season: season.map((s) => s - shift), scoreFrom: window };
}

function smooth(values: (number | null)[], p: Smoothing, start: Start) {
  let level = start.level;
  let trend = 0;
  const season = [...start.season];
  let sse = 0;
  let count = 0;
  for (let t = 0; t < values.length; t++) {
    const k = t % SEASON_LENGTH;
    const y = values[t];
    const e = y === null || y === undefined ? 0 : y - (level + p.phi * trend + season[k]!);
    if (y !== null && y !== undefined && t >= start.scoreFrom) {
      sse += e * e;
      count++;
    }
    level = level + p.phi * trend + p.alpha * e;
    trend = p.phi * trend + p.beta * e;
    season[k] = season[k]! + p.gamma * e;
  }
  return { level, trend, season, sse, count };
}

/**
 * Fits a model to consecutive days (null = no data that day), choosing the smoothing parameters
 * with the least one-step squared error over the grid. Null with fewer than 14 observed days.
 */
export function fitModel(series: (number | null)[]): FittedModel | null {
  const first = series.findIndex((v) => v !== null);
  if (first < 0) return null;
  const values = series.slice(first);
  const observed = values.filter((v) => v !== null).length;
  if (observed < MIN_OBSERVED_DAYS) return null;
  const method = observed >= MIN_SEASONAL_DAYS ? "holt-winters" : "simple";
  const start = startStates(values, method);
  let best: (ReturnType<typeof smooth> & { params: Smoothing }) | null = null;
  for (const params of parameterGrid(method)) {
    const run = smooth(values, params, start);
    if (!best || run.sse < best.sse) best = { ...run, params };
  }
  const b = best!;
  return {
    method,
    params: b.params,
    level: b.level,
    trend: b.trend,
    season: b.season,
    sigma: b.count ? Math.sqrt(b.sse / b.count) : 0,
    lastIndex: values.length - 1,
  };
}

/** Point forecasts and their standard errors for horizons 1..h after the series' last day. */
export function forecastAhead(model: FittedModel, horizons: number): { horizon: number; mean: number; sd: number }[] {
  const { alpha, beta, gamma, phi } = model.params;
  const out: { horizon: number; mean: number; sd: number }[] = [];
  let dampedSum = 0;
  let varianceFactor = 1;
  for (let h = 1; h <= horizons; h++) {
    dampedSum += phi ** h;
    const t = model.lastIndex + h;
    out.push({ horizon: h, mean: model.level + dampedSum * model.trend + model.season[t % SEASON_LENGTH]!, sd: model.sigma * Math.sqrt(varianceFactor) });
    // c_h = α + β(φ + … + φ^h) + γ[h mod m = 0] joins the sum for horizon h + 1.
    const c = alpha + beta * dampedSum + (h % SEASON_LENGTH === 0 ? gamma : 0);
    varianceFactor += c * c;
  }
  return out;
}
