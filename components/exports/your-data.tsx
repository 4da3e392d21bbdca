"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { ExportList } from "./export-list";
import { ExportRequestForm } from "./export-request-form";

/** Settings → Your data: ask for an export, follow it, download it. */
export function YourData() {
  const trpc = useTRPC();
  const { data: profile } = useSuspenseQuery(trpc.profile.get.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      <ExportRequestForm timeZone={profile.timeZone} />
      <ExportList timeZone={profile.timeZone} />
    </div>
  );
}
