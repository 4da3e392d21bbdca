import { redirect } from "next/navigation";
import { OnboardingWizard } from "@/components/profile/onboarding-wizard";
import { currentProfile, requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Welcome" };

export default async function OnboardingPage() {
  const user = await requireUser("/onboarding");
  if ((await currentProfile(user.id)).onboardingCompleted) redirect("/dashboard");
  await prefetch(trpc.profile.onboarding.get.queryOptions());
  return (
    <HydrateClient>
      <div className="flex flex-col gap-6 py-4">
        <div className="mx-auto max-w-xl text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Welcome to BioSync</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Four quick questions. Your answers are saved as you go.</p>
        </div>
        <OnboardingWizard />
      </div>
    </HydrateClient>
  );
}
