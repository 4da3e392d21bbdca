import { Hourglass, Watch } from "lucide-react";
import Link from "next/link";
import { ScoreRing } from "@/components/charts/score-ring";
import { CONTRIBUTOR_LABELS, confidenceLabel, relativeDay, STATUS_WORDS } from "@/components/insights/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { DashboardView, ScoreDayView } from "@/server/health/analytics/insights/schemas";
import { CALIBRATION_DAYS, calibrationProgress, sortedContributors, STATUS_TONE } from "./score-format";

/** Today's energy score with its status, confidence and the contributors that moved it, or the state before there is one. */
export function ScoreCard({ view }: { view: DashboardView }) {
  const { latest, today } = view;
  if (!latest) return view.hasData ? <FirstScoreComing /> : <NoDataYet connections={view.sync.connections} />;
  return (
    <Card data-testid="energy-score">
      <CardHeader>
        <CardTitle>Energy score</CardTitle>
        <CardDescription>
          {latest.localDate === today ? "Today" : `Latest: ${relativeDay(latest.localDate, today)}. Today's score appears after your next sync.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {latest.state === "calibrating" ? <Calibrating daysLeft={latest.calibrationDaysLeft ?? CALIBRATION_DAYS} /> : null}
        {latest.state === "no_data" ? <NotEnoughToday /> : null}
        {latest.state === "scored" ? <Scored day={latest} /> : null}
      </CardContent>
    </Card>
  );
}

function Scored({ day }: { day: ScoreDayView }) {
  const status = day.status ? STATUS_WORDS[day.status] : null;
  const contributors = sortedContributors(day.contributors);
  return (
    <>
      <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-center">
        <ScoreRing score={day.score} label={`Energy score ${day.score ?? "–"} of 100${status ? `, ${status.word}` : ""}`} toneClass={day.status ? STATUS_TONE[day.status] : undefined} />
        <div className="flex flex-col gap-1 text-center sm:text-left">
          {status ? <p className="text-2xl font-semibold" data-testid="score-status">{status.word}</p> : null}
          {status ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{status.meaning}</p> : null}
          <p className="text-xs text-zinc-500">{confidenceLabel(day.confidence)}</p>
        </div>
      </div>
      {day.guard ? (
        <Alert variant="info" data-testid="score-guard">
          {day.guard}
        </Alert>
      ) : null}
      <section aria-labelledby="contributors-heading">
        <h3 id="contributors-heading" className="mb-2 text-sm font-semibold">
          What moved it
        </h3>
        <ul className="flex flex-col divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="contributors">
          {contributors.map((c) => (
            <li key={c.key} className={cn("flex items-start gap-3 py-2 text-sm", c.value === null && "text-zinc-500")}>
              <span
                aria-hidden
                className={cn(
                  "mt-1.5 size-2 shrink-0 rounded-full",
                  c.value === null || Math.abs(c.points) < 0.5 ? "bg-zinc-300 dark:bg-zinc-700" : c.points > 0 ? "bg-brand-500" : "bg-amber-500",
                )}
              />
              <span className="flex flex-col">
                <span className="font-medium">{CONTRIBUTOR_LABELS[c.key]}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{c.explanation}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Calibrating({ daysLeft }: { daysLeft: number }) {
  const progress = calibrationProgress(daysLeft);
  return (
    <div className="flex flex-col gap-3" data-testid="score-calibrating">
      <div className="flex items-center gap-3">
        <Hourglass className="size-6 text-brand-600 dark:text-brand-400" aria-hidden />
        <p className="text-lg font-semibold">
          Calibrating: {daysLeft} more {daysLeft === 1 ? "day" : "days"}
        </p>
      </div>
      <div role="progressbar" aria-label="Calibration" aria-valuemin={0} aria-valuemax={CALIBRATION_DAYS} aria-valuenow={CALIBRATION_DAYS - daysLeft} className="h-2 w-full rounded-full bg-zinc-100 dark:bg-zinc-800">
        <div className="h-full rounded-full bg-brand-500" style={{ width: `${progress * 100}%` }} />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your score compares each day with your own normal range, so BioSync first needs {CALIBRATION_DAYS} days of your data. Keep wearing your device at night and
        let it sync; your first score appears when calibration is complete.
      </p>
    </div>
  );
}

function NotEnoughToday() {
  return (
    <div className="flex flex-col gap-3" data-testid="score-no-data">
      <p className="text-lg font-semibold">Not enough data today</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Today&apos;s score needs at least one of last night&apos;s sleep, your HRV or your resting heart rate. If you wore your device, sync it to bring the night in.
      </p>
      <div>
        <Button asChild variant="outline" size="sm">
          <Link href="/devices">Go to Devices</Link>
        </Button>
      </div>
    </div>
  );
}

function FirstScoreComing() {
  return (
    <Card data-testid="energy-score">
      <CardHeader>
        <CardTitle>Energy score</CardTitle>
        <CardDescription>Your data has arrived. Your scores are being worked out; this page updates itself in a minute or so.</CardDescription>
      </CardHeader>
    </Card>
  );
}

function NoDataYet({ connections }: { connections: number }) {
  return (
    <EmptyState
      icon={<Watch />}
      title="No wearable data yet"
      description={
        <>
          <p data-testid="score-calibrating">Calibrating: {CALIBRATION_DAYS} more days.</p>
          <p className="mt-2">
            {connections > 0
              ? "Your device is connected: its data appears here after the first sync. "
              : "Connect a wearable or import an export file to start. "}
            Your energy score compares each day with your own normal range, so it needs {CALIBRATION_DAYS} days of data first.
          </p>
        </>
      }
      action={
        <Button asChild>
          <Link href="/devices">{connections > 0 ? "See your devices" : "Connect a device"}</Link>
        </Button>
      }
      className="min-h-64"
    />
  );
}
