import { ScoreWeightsSettings } from "@/components/energy-score/score-weights-settings";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Score settings" };

export default async function ScoreSettingsPage() {
  await requireUser("/settings/score");
  await prefetch(trpc.energyScore.weights.queryOptions());
  return (
    <HydrateClient>
      <ScoreWeightsSettings />
    </HydrateClient>
  );
}
