import { YourData } from "@/components/exports/your-data";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Your data" };

export default async function YourDataPage() {
  await requireUser("/settings/data");
  await Promise.all([prefetch(trpc.profile.get.queryOptions()), prefetch(trpc.exports.kinds.queryOptions())]);
  return (
    <HydrateClient>
      <YourData />
    </HydrateClient>
  );
}
