import type { ComboboxOption } from "@/components/ui/combobox";
import { timeZoneLabel } from "./labels";

/** Every IANA zone this runtime knows, plus `current` if the list lacks it (e.g. "UTC"). */
export function timeZoneOptions(current?: string | null): ComboboxOption[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = current && !zones.includes(current) ? [current, ...zones] : zones;
  return all.map((zone) => ({ value: zone, label: timeZoneLabel(zone) }));
}

/** The browser's own zone; null on the server or when the runtime will not say. */
export function detectTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
