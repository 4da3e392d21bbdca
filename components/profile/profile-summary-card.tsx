import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ProfileView } from "@/server/account/profile/service";
import { formatHeight, formatWeight } from "@/server/account/profile/units";
import { goalLabel, timeZoneLabel, UNIT_OPTIONS } from "./labels";

/** The profile at a glance, in the user's own units. */
export function ProfileSummaryCard({ profile }: { profile: ProfileView }) {
  const rows = [
    { term: "Goal", value: goalLabel(profile.goal) },
    { term: "Units", value: UNIT_OPTIONS.find((option) => option.value === profile.units)?.label ?? profile.units },
    { term: "Time zone", value: timeZoneLabel(profile.timeZone) },
    { term: "Height", value: formatHeight(profile.heightCm, profile.units) },
    { term: "Weight", value: formatWeight(profile.weightKg, profile.units) },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your profile</CardTitle>
        <CardDescription>What BioSync uses to personalise your numbers.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          {rows.map((row) => (
            <div key={row.term} className="contents">
              <dt className="text-zinc-500">{row.term}</dt>
              <dd className="font-medium">{row.value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
      <CardFooter>
        <Button asChild variant="outline" size="sm">
          <Link href="/settings/profile">Edit profile</Link>
        </Button>
      </CardFooter>
    </Card>
  );
}
