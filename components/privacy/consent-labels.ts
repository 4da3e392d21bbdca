import type { ConsentName } from "@/db/schema/privacy";

type ConsentKey = "shareAnonymousData" | "researchOptIn";

/** Each consent: its settings field, its name in the history, and what it means. */
export const CONSENTS: readonly { name: ConsentName; key: ConsentKey; changedAt: `${ConsentKey}ChangedAt`; label: string; description: string }[] = [
  {
    name: "share_anonymous_data",
    key: "shareAnonymousData",
    changedAt: "shareAnonymousDataChangedAt",
    label: "Share anonymous usage data",
    description: "Aggregated statistics about how BioSync is used, with no name, email or health values attached. Helps us find what to improve.",
  },
  {
    name: "research",
    key: "researchOptIn",
    changedAt: "researchOptInChangedAt",
    label: "Take part in research",
    description:
      "Allow your de-identified health data to be included in approved wellness studies. You can withdraw at any time; data already included in a finished study cannot be removed from it.",
  },
];

export const consentLabel = (name: ConsentName) => CONSENTS.find((c) => c.name === name)?.label ?? name;
