"use client";

import type { z } from "zod";
import type { profilePreferencesInput } from "@/server/account/profile/sync-mutations";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useSyncedRows } from "@/components/sync/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { formatHeight, formatWeight, heightFields, weightField, type UnitSystem } from "@/server/account/profile/units";
import { fieldErrorsOf, formErrorOf } from "./field-errors";
import { parseMeasurements, type MeasurementFields } from "./measurements";
import { SettingsSkeleton } from "./settings-skeleton";
import { profilePreferencesOf, type ProfilePreferences } from "./synced-settings";
import { TimeZoneField } from "./time-zone-field";
import { EnergyUnitField, UnitsField } from "./units-field";
import { useSyncedAction } from "./use-synced-action";
import { useDraft } from "@/components/sync/use-draft";

/**
 * Name, measurements, time zone, units and the energy unit. The preferences come from this device's
 * synced copy and save offline; the name is the account's, read and saved online. A change that
 * arrives while it is open (another device's, or the first pull) shows in the fields not edited.
 */
export function ProfileForm() {
  const trpc = useTRPC();
  const rows = useSyncedRows("profiles");
  const account = useQuery(trpc.profile.get.queryOptions());
  // Offline the account's query waits ("paused"): the form opens without the name then.
  if (!rows || (account.isPending && account.fetchStatus !== "paused")) return <SettingsSkeleton label="Loading your profile" />;
  const preferences = profilePreferencesOf(rows[0]);
  const name = account.data ? account.data.name : undefined;
  return <ProfileFormFields saved={preferences} savedName={name} />;
}

function fieldsFor(heightCm: number | null, weightKg: number | null, units: UnitSystem): MeasurementFields {
  const height = heightFields(heightCm, units);
  return { heightCm: height.cm, heightFeet: height.feet, heightInches: height.inches, weight: weightField(weightKg, units) };
}

/** `savedName` undefined: the account could not be read (offline), so the name cannot change now. */
function ProfileFormFields({ saved: profile, savedName }: { saved: ProfilePreferences; savedName: string | null | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const draft = useDraft({ name: savedName ?? "", units: profile.units, energyUnit: profile.energyUnit, timeZone: profile.timeZone });
  const { name, units, energyUnit, timeZone } = draft.values;
  // What is typed in the units shown; untouched, the saved measurements in those units.
  const typed = useDraft(fieldsFor(profile.heightCm, profile.weightKg, units));
  const measurements = typed.values;
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const update = useSyncedAction<z.infer<typeof profilePreferencesInput>>("profile.updatePreferences");
  const rename = useMutation(trpc.profile.update.mutationOptions({ onSuccess: (saved) => queryClient.setQueryData(trpc.profile.get.queryKey(), saved) }));
  const failure = update.error ?? rename.error;
  const serverErrors = fieldErrorsOf(failure, { heightCm: "height", weightKg: "weight" });
  const errors = { ...serverErrors, ...localErrors };
  const formError = formErrorOf(failure, serverErrors);
  const pending = update.isPending || rename.isPending;

  /** Switching units converts what is typed, so nothing entered is lost. */
  function changeUnits(next: UnitSystem) {
    if (next === units) return;
    draft.set("units", next);
    if (typed.edited) {
      const parsed = parseMeasurements(measurements, units);
      const converted = fieldsFor(parsed.heightCm ?? null, parsed.weightKg ?? null, next);
      for (const field of Object.keys(converted) as (keyof MeasurementFields)[]) typed.set(field, converted[field]);
    }
    setLocalErrors({});
  }

  const setField = (field: keyof MeasurementFields, value: string) => typed.set(field, value);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = parseMeasurements(measurements, units);
    setLocalErrors(parsed.errors);
    if (Object.keys(parsed.errors).length > 0) return;
    // An account that never had a name can save its measurements without giving one.
    const nameChange = savedName === undefined || name === (savedName ?? "") || (name.trim() === "" && savedName === null) ? undefined : name;
    rename.reset();
    const saved = draft.values;
    const savedMeasurements = typed.values;
    void Promise.all([
      update.mutateAsync({ units, energyUnit, timeZone, heightCm: parsed.heightCm, weightKg: parsed.weightKg }),
      nameChange === undefined ? null : rename.mutateAsync({ name: nameChange }),
    ]).then(
      () => {
        draft.settle(saved);
        typed.settle(savedMeasurements);
        toast({ title: "Profile saved", variant: "success" });
      },
      () => undefined,
    );
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="profile-form-title">
        <CardHeader>
          <CardTitle id="profile-form-title">Profile</CardTitle>
          <CardDescription>
            Saved: <span data-testid="saved-height">{formatHeight(profile.heightCm, profile.units)}</span>,{" "}
            <span data-testid="saved-weight">{formatWeight(profile.weightKg, profile.units)}</span>
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <FormField
            label="Name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(event) => draft.set("name", event.target.value)}
            error={errors.name}
            maxLength={100}
            disabled={savedName === undefined}
            hint={savedName === undefined ? "Your name can be changed when you are online." : undefined}
          />
          <UnitsField value={units} onChange={changeUnits} />
          <EnergyUnitField value={energyUnit} onChange={(value) => draft.set("energyUnit", value)} />
          {units === "metric" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Height (cm)" name="heightCm" type="number" inputMode="decimal" step="0.1" value={measurements.heightCm} onChange={(event) => setField("heightCm", event.target.value)} error={errors.height} />
              <FormField label="Weight (kg)" name="weightKg" type="number" inputMode="decimal" step="0.1" value={measurements.weight} onChange={(event) => setField("weight", event.target.value)} error={errors.weight} />
            </div>
          ) : (
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField label="Height (ft)" name="heightFeet" type="number" inputMode="numeric" step="1" value={measurements.heightFeet} onChange={(event) => setField("heightFeet", event.target.value)} error={errors.height} />
              <FormField label="Height (in)" name="heightInches" type="number" inputMode="numeric" step="1" min={0} max={11} value={measurements.heightInches} onChange={(event) => setField("heightInches", event.target.value)} error={errors.heightInches} />
              <FormField label="Weight (lb)" name="weightLb" type="number" inputMode="decimal" step="0.1" value={measurements.weight} onChange={(event) => setField("weight", event.target.value)} error={errors.weight} />
            </div>
          )}
          <TimeZoneField value={timeZone} onChange={(value) => draft.set("timeZone", value)} error={errors.timeZone} hint="Your days, summaries and reminders follow this zone." />
          {formError ? <Alert variant="error">{formError}</Alert> : null}
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save profile"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
