import "server-only";
import { redirect } from "next/navigation";
import { currentProfile, requireUser } from "@/components/shell/session";
import { unitPrefsOf, type UnitPrefs } from "@/server/health/analytics/trends/units";
import { localDate } from "@/server/health/local-date";

/** What every body page (sleep, heart, activity, trends) starts from: the signed-in, onboarded user, their local today and units. */
export async function bodyPage(path: string): Promise<{ today: string; prefs: UnitPrefs; timeZone: string }> {
  const user = await requireUser(path);
  const profile = await currentProfile(user.id);
  if (!profile.onboardingCompleted) redirect("/onboarding");
  return { today: localDate(new Date(), null, profile.timeZone), prefs: unitPrefsOf(profile), timeZone: profile.timeZone };
}
