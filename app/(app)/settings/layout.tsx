import { SettingsTabs } from "@/components/profile/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Settings" description="Your profile, sign-in security, emails, privacy, sync across devices, your data and your plan." />
      <SettingsTabs />
      {children}
    </div>
  );
}
