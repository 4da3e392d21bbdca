/**
 * A hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events within
 * one millisecond (or while the wall clock lags a clock already seen), and the node that made it.
 * Serialized so that string order is clock order: "000001764661234567:0000:node".
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
export const HLC_PATTERN = /^\d{15}:[0-9a-z]{4}:[\w-]{1,64}$/;

export const formatHlc = (clock: Hlc): string =>
  `${String(clock.wall).padStart(WALL_DIGITS, "0")}:${clock.counter.toString(36).padStart(COUNTER_DIGITS, "0")}:${clock.node}`;

export function parseHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new Error(`Not a clock: ${text}`);
  const [wall, counter, node] = text.split(":") as [string, string, string];
  return { wall: Number(wall), counter: parseInt(counter, 36), node };
}

/** The clock of a write made at `date` outside sync (no counter, no node): any sync write of a later millisecond wins. */
export const hlcOfDate = (date: Date): string => formatHlc({ wall: date.getTime(), counter: 0, node: "server" });

/** The next clock for a local event. */
export function tick(last: Hlc, now: number = Date.now()): Hlc {
  return now > last.wall ? { wall: now, counter: 0, node: last.node } : { wall: last.wall, counter: last.counter + 1, node: last.node };
}

/** The clock after receiving `remote`: later than both it and the local one. */
export function receive(last: Hlc, remote: Hlc, now: number = Date.now()): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  const counter =
    wall === last.wall && wall === remote.wall ? Math.max(last.counter, remote.counter) + 1 : wall === last.wall ? last.counter + 1 : wall === remote.wall ? remote.counter + 1 : 0;
  return { wall, counter, node: last.node };
}
