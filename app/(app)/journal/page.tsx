import { JournalPage } from "@/components/journal/journal-page";
import { dateFrom, viewFrom } from "@/components/journal/journal-constants";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { localDate } from "@/server/health/local-date";

export const metadata = { title: "Journal" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The journal (read from this device's synced copy, so nothing is prefetched): the day's entry (mood, energy, tags, notes), a calendar of past entries and a list. */
export default async function JournalRoute({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/journal");
  const profile = await currentProfile(user.id);
  const params = await searchParams;
  const today = localDate(new Date(), null, profile.timeZone);
  const date = dateFrom(params.date) ?? today;
  const view = viewFrom(params.view);
  return (
    <>
      <PageHeader title="Journal" description="How you felt and what happened, one entry a day. Your ratings and tags feed your energy score and insights; your notes stay private." />
      <JournalPage initialDate={date > today ? today : date} initialView={view} today={today} />
    </>
  );
}
