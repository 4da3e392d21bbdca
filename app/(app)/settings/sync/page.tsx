import { currentProfile, requireUser } from "@/components/shell/session";
import { ConflictList } from "@/components/sync-settings/conflict-list";
import { ThisDevice } from "@/components/sync-settings/this-device";

export const metadata = { title: "Sync settings" };

/** This device's sync (status, what waits to be sent) and the conflicts between devices. */
export default async function SyncSettingsPage() {
  const user = await requireUser("/settings/sync");
  const profile = await currentProfile(user.id);
  return (
    <div className="flex flex-col gap-6">
      <ThisDevice timeZone={profile.timeZone} />
      <ConflictList timeZone={profile.timeZone} />
    </div>
  );
}
