"use client";

import { ListChecks } from "lucide-react";
import Link from "next/link";
import { RecommendationCard } from "@/components/action-plan/recommendation-card";
import { NarrativeHint } from "@/components/plans/narrative-hint";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardView } from "@/server/health/analytics/insights/schemas";

/** Today's top recommendations, marked done or dismissed in place. */
export function TodayPlan({ view }: { view: DashboardView }) {
  const more = view.openRecommendations - view.recommendations.length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Today&apos;s plan</CardTitle>
        <CardDescription>
          {view.recommendations.length === 0
            ? view.latest?.state === "scored"
              ? "Nothing open for today. New recommendations arrive with your next sync."
              : "Recommendations start once your score is calibrated."
            : "What is most likely to help today, from your own data."}
        </CardDescription>
      </CardHeader>
      {view.recommendations.length > 0 ? (
        <CardContent className="flex flex-col gap-3">
          {view.recommendations.map((r) => (
            <RecommendationCard key={r.id} recommendation={r} today={view.today} compact />
          ))}
          <NarrativeHint />
        </CardContent>
      ) : null}
      <CardFooter>
        <Button asChild variant="link" className="px-0">
          <Link href="/action-plan">
            <ListChecks className="size-4" aria-hidden />
            {more > 0 ? `${more} more in your action plan` : "Open your action plan"}
          </Link>
        </Button>
      </CardFooter>
    </Card>
  );
}
