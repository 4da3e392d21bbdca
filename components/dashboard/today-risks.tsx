import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { RiskCard } from "@/components/insights/risk-card";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { RiskView } from "@/server/health/analytics/insights/schemas";
import type { UnitPrefs } from "./metric-format";

/** Risk flags of today and yesterday; a calm line when there are none. */
export function TodayRisks({ risks, units, scored }: { risks: RiskView[]; units: UnitPrefs; scored: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Risk flags</CardTitle>
        {risks.length === 0 ? (
          <CardDescription className="flex items-center gap-2">
            <ShieldCheck className="size-4 text-brand-600 dark:text-brand-400" aria-hidden />
            {scored ? "Nothing unusual against your normal ranges today." : "Risk flags start once your normal ranges are known."}
          </CardDescription>
        ) : (
          <CardDescription>Against your own normal ranges. These are signals to notice, not a diagnosis.</CardDescription>
        )}
      </CardHeader>
      {risks.length > 0 ? (
        <CardContent className="flex flex-col gap-3">
          {risks.map((risk) => (
            <RiskCard key={risk.id} risk={risk} units={units} />
          ))}
        </CardContent>
      ) : null}
      <CardFooter>
        <Button asChild variant="link" className="px-0">
          <Link href="/insights#risks">Risk history</Link>
        </Button>
      </CardFooter>
    </Card>
  );
}
