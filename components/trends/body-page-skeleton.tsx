import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";

const FIGURES = ["h-28", "h-28", "h-28", "h-28"];
const CHARTS = ["h-80", "h-80"];

/**
 * A body page's figures and charts while they load: the row of four figures, then two charts laid
 * out by `charts` (side by side by default). With a label it is the busy region that names itself.
 */
export function BodyOverviewSkeleton({ label, charts = "grid gap-6 lg:grid-cols-2" }: { label?: string; charts?: string }) {
  return (
    <div className="flex flex-col gap-6" aria-busy={label ? true : undefined} aria-label={label}>
      <SkeletonBlocks blocks={FIGURES} className="grid grid-cols-2 gap-3 lg:grid-cols-4" />
      <SkeletonBlocks blocks={CHARTS} className={charts} />
    </div>
  );
}

/** The loading state of a body page: header, a row of figures, two charts. */
export function BodyPageSkeleton({ label }: { label: string }) {
  return (
    <PageSkeleton label={label}>
      <BodyOverviewSkeleton />
    </PageSkeleton>
  );
}
