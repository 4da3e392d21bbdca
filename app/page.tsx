import { Activity, BatteryCharging, LineChart, Lock, Moon, Watch } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/shell/logo";
import { currentUser } from "@/components/shell/session";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { Button } from "@/components/ui/button";

/** Signed-in visitors are sent on to the dashboard: decided per request. */
export const dynamic = "force-dynamic";

const features = [
  { icon: BatteryCharging, title: "A daily energy score", text: "One number from 0 to 100 each morning, with the sleep, heart and activity signals that moved it." },
  { icon: Moon, title: "Sleep and recovery", text: "Sleep stages, efficiency and debt, resting heart rate and HRV compared with your own baseline." },
  { icon: LineChart, title: "Trends and insights", text: "Any metric over any range, correlations in plain sentences and a forecast for the week ahead." },
  { icon: Watch, title: "Your wearables in one place", text: "Data from the devices you already wear, normalised into one timeline." },
  { icon: Activity, title: "Recommendations you can act on", text: "A short plan for today based on how your body is actually doing." },
  { icon: Lock, title: "Yours to keep", text: "Self-hostable, exportable, and nothing is shared without your explicit consent." },
];

export default async function LandingPage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center gap-2 px-4 py-4 sm:px-6">
        <Logo />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <ThemeToggle />
          <Button asChild variant="ghost">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </header>
      <main id="main-content" className="flex-1">
        <section className="mx-auto flex max-w-3xl flex-col items-center gap-6 px-4 py-16 text-center sm:py-24">
          <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Know how much energy you have today.</h1>
          <p className="text-lg text-zinc-600 dark:text-zinc-400">
            BioSync turns the data from your wearable into one clear picture of your energy, sleep and recovery, and tells you what to do about it.
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button asChild size="lg">
              <Link href="/register">Create your account</Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="border-t border-zinc-200 bg-zinc-50 py-16 dark:border-zinc-800 dark:bg-zinc-900/40">
          <div className="mx-auto max-w-6xl px-4 sm:px-6">
            <h2 id="features-heading" className="sr-only">
              What BioSync does
            </h2>
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {features.map(({ icon: Icon, title, text }) => (
                <li key={title} className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
                  <Icon className="size-6 text-brand-600" aria-hidden />
                  <h3 className="font-semibold">{title}</h3>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>
      <footer className="border-t border-zinc-200 py-6 text-center text-sm text-zinc-500 dark:border-zinc-800">
        BioSync is general wellness information, not medical advice.
      </footer>
    </div>
  );
}
