import type { ContributorKey } from "../types";

/** What each contributor is called and what it measures, in the words the pages use (safe to import from the client). */
export const CONTRIBUTOR_INFO: Readonly<Record<ContributorKey, { label: string; description: string }>> = {
  hrv: {
    label: "Heart rate variability",
    description:
      "Your 7-day average HRV (rMSSD, or SDNN from Apple Health, each against its own baseline) compared with your last 60 days. Higher than usual is a sign of recovery.",
  },
  resting_heart_rate: {
    label: "Resting heart rate",
    description: "Last night's resting heart rate against your 60-day normal. Lower than usual is better; well above it can mean strain or an illness coming on.",
  },
  sleep_duration: {
    label: "Sleep duration",
    description: "Time asleep against your sleep need. Short nights cost in proportion; sleeping past your need earns a little, not more.",
  },
  sleep_efficiency: {
    label: "Sleep efficiency",
    description: "The share of your time in bed spent asleep, against your own normal.",
  },
  sleep_regularity: {
    label: "Sleep regularity",
    description: "How much the middle of your sleep moved over the last 14 nights. A steady rhythm (under about 45 minutes) helps; a shifting one costs.",
  },
  activity_balance: {
    label: "Activity balance",
    description: "Your last 7 days of activity against your 28-day load. Within 0.8–1.3 times is balanced; a sudden spike or slump both cost.",
  },
  temperature: {
    label: "Body temperature",
    description: "Nightly temperature deviation against your normal. Any clear change costs, and a rise of 0.5 °C or more keeps the day from peak.",
  },
  respiratory_rate: {
    label: "Breathing rate",
    description: "Breaths per minute during sleep against your normal. It is usually very stable, so a clear change either way costs.",
  },
  journal_mood: {
    label: "Mood (journal)",
    description: "Your own 1–10 mood rating, on days you log one.",
  },
  journal_energy: {
    label: "Energy (journal)",
    description: "Your own 1–10 energy rating, on days you log one.",
  },
};
