/**
 * The files the importer reads, as users know them: one list for the upload's refusal message and
 * the upload page (pure, so client components can import it).
 */
export const SUPPORTED_FILES: readonly { provider: string; file: string; alternative?: string; detail: string }[] = [
  { provider: "Apple Health", file: "export.zip", alternative: "export.xml", detail: "Health app → profile → Export All Health Data, or the export.xml inside it" },
  { provider: "Fitbit", file: "dailyActivity_merged.csv", detail: "daily steps, distance, active minutes and calories" },
  { provider: "WHOOP", file: "physiological_cycles.csv", detail: "from the WHOOP data export" },
  { provider: "WHOOP", file: "journal_entries.csv", detail: "journal answers and notes, into your journal (English or Spanish export)" },
  { provider: "BioSync", file: "biosync-archive-<date>.zip", detail: "Download all my data, into an account that holds no health data yet" },
  { provider: "BioSync", file: "biosync-….csv", detail: "a CSV export of metrics from Settings → Your data (this or another BioSync account)" },
];

/** Why an upload was refused: the file is none of SUPPORTED_FILES. */
export const UNSUPPORTED_FILE_MESSAGE = `This file is not one BioSync can import. Supported files: ${SUPPORTED_FILES.map(
  (f) => `${f.provider} ${f.file}${f.alternative ? ` (or ${f.alternative})` : ""}`,
).join(", ")}.`;
