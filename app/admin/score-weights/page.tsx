import { AdminScoreWeights } from "@/components/energy-score/admin-score-weights";
import { requireAdmin } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Score weights" };

export default async function AdminScoreWeightsPage() {
  await requireAdmin("/admin/score-weights");
  await prefetch(trpc.admin.scoreWeights.get.queryOptions());
  return (
    <>
      <PageHeader title="Score weights" description="The default weight of each energy score contributor for everyone on this BioSync." />
      <HydrateClient>
        <AdminScoreWeights />
      </HydrateClient>
    </>
  );
}
