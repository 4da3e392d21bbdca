"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { ONBOARDING_STEPS, type OnboardingStepInput, type OnboardingStepName } from "@/server/account/profile/inputs";
import type { UnitSystem } from "@/server/account/profile/units";
import { fieldErrorsOf, formErrorOf } from "./field-errors";
import { GOAL_OPTIONS, ONBOARDING_TITLES } from "./labels";
import { TimeZoneField } from "./time-zone-field";
import { detectTimeZone } from "./time-zones";
import { UnitsField } from "./units-field";

type Goal = (typeof GOAL_OPTIONS)[number]["value"];
const noSubscription = () => () => {};

/** The four onboarding steps; each "Continue" saves the step, so a reload resumes where the user was. */
export function OnboardingWizard() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: state } = useSuspenseQuery(trpc.profile.onboarding.get.queryOptions());
  const browserZone = useSyncExternalStore(noSubscription, detectTimeZone, () => null);
  // Until the page is live a click (or Enter) would make the browser submit the form itself, as a GET
  // that saves nothing: the submit button stays disabled until then, which blocks both.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const formId = useId();

  const [stepIndex, setStepIndex] = useState(state.stepIndex);
  const [age, setAge] = useState(state.data.age?.toString() ?? "");
  const [goal, setGoal] = useState<Goal | null>(state.data.goal);
  const [deviceChoice, setDeviceChoice] = useState<"now" | "later" | null>(state.data.deviceChoice);
  const [units, setUnits] = useState<UnitSystem>(state.data.units);
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  // "UTC" is the stored default, so it means "not chosen yet": suggest the browser's zone instead.
  const timeZone = chosenZone ?? (state.data.timeZone === "UTC" && browserZone ? browserZone : state.data.timeZone);

  const saveStep = useMutation(trpc.profile.onboarding.saveStep.mutationOptions());
  const complete = useMutation(trpc.profile.onboarding.complete.mutationOptions());
  const step: OnboardingStepName = ONBOARDING_STEPS[stepIndex] ?? "age";
  const isLast = stepIndex === ONBOARDING_STEPS.length - 1;
  const busy = saveStep.isPending || complete.isPending;
  const failure = saveStep.error ?? complete.error;
  const fieldErrors = fieldErrorsOf(failure, { "data.age": "age", "data.goal": "goal", "data.deviceChoice": "deviceChoice", "data.timeZone": "timeZone", "data.units": "units" });
  const formError = localError ?? formErrorOf(failure, fieldErrors);

  function inputForStep(): OnboardingStepInput | string {
    switch (step) {
      case "age": {
        const parsed = Number(age);
        if (age.trim() === "" || !Number.isFinite(parsed)) return "Enter your age.";
        return { step, data: { age: parsed } };
      }
      case "goal":
        return goal ? { step, data: { goal } } : "Choose a goal to continue.";
      case "device":
        return deviceChoice ? { step, data: { deviceChoice } } : "Choose now or later to continue.";
      case "preferences":
        return { step, data: { units, timeZone } };
    }
  }

  async function onContinue(event: React.FormEvent) {
    event.preventDefault();
    saveStep.reset();
    complete.reset();
    const input = inputForStep();
    if (typeof input === "string") {
      setLocalError(input);
      return;
    }
    setLocalError(null);
    try {
      const saved = await saveStep.mutateAsync(input);
      queryClient.setQueryData(trpc.profile.onboarding.get.queryKey(), saved);
      if (!isLast) {
        setStepIndex(stepIndex + 1);
        return;
      }
      await complete.mutateAsync();
      await queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() });
      router.push("/dashboard");
      router.refresh();
    } catch {
      // The mutation's error state renders the message.
    }
  }

  function goBack() {
    saveStep.reset();
    setLocalError(null);
    setStepIndex(Math.max(0, stepIndex - 1));
  }

  const { title, description } = ONBOARDING_TITLES[step];
  return (
    <Card className="mx-auto w-full max-w-xl">
      <form id={formId} onSubmit={onContinue} noValidate aria-labelledby={`${formId}-title`}>
        <CardHeader>
          <p className="text-sm font-medium text-brand-700 dark:text-brand-500">
            Step {stepIndex + 1} of {ONBOARDING_STEPS.length}
          </p>
          <div
            role="progressbar"
            aria-label="Onboarding progress"
            aria-valuemin={1}
            aria-valuemax={ONBOARDING_STEPS.length}
            aria-valuenow={stepIndex + 1}
            className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${((stepIndex + 1) / ONBOARDING_STEPS.length) * 100}%` }} />
          </div>
          <CardTitle id={`${formId}-title`} className="mt-2 text-xl">
            {title}
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {step === "age" ? (
            <FormField
              label="Age"
              name="age"
              type="number"
              inputMode="numeric"
              min={13}
              max={120}
              step={1}
              value={age}
              onChange={(event) => setAge(event.target.value)}
              error={fieldErrors.age}
              hint="In years. You must be 13 or older."
              autoFocus
            />
          ) : null}
          {step === "goal" ? (
            <fieldset>
              <legend className="sr-only">Goal</legend>
              <RadioGroup value={goal ?? ""} onValueChange={(value) => setGoal(value as Goal)} aria-label="Goal">
                {GOAL_OPTIONS.map((option) => (
                  <RadioCard key={option.value} id={`${formId}-goal-${option.value}`} value={option.value} title={option.label} description={option.description} />
                ))}
              </RadioGroup>
            </fieldset>
          ) : null}
          {step === "device" ? (
            <fieldset>
              <legend className="sr-only">Connect a device</legend>
              <RadioGroup value={deviceChoice ?? ""} onValueChange={(value) => setDeviceChoice(value === "now" ? "now" : "later")} aria-label="Connect a device">
                <RadioCard id={`${formId}-device-now`} value="now" title="Now" description="I have a wearable I want to connect." />
                <RadioCard id={`${formId}-device-later`} value="later" title="Later" description="I will start without a device." />
              </RadioGroup>
            </fieldset>
          ) : null}
          {step === "preferences" ? (
            <>
              <UnitsField value={units} onChange={setUnits} />
              <TimeZoneField
                value={timeZone}
                onChange={setChosenZone}
                error={fieldErrors.timeZone}
                hint={browserZone && browserZone === timeZone ? "Detected from this browser." : undefined}
              />
            </>
          ) : null}
          {formError ? <Alert variant="error">{formError}</Alert> : null}
        </CardContent>
        <CardFooter className="justify-between">
          <Button type="button" variant="ghost" onClick={goBack} disabled={stepIndex === 0 || busy}>
            Back
          </Button>
          <Button type="submit" disabled={busy || !hydrated}>
            {busy ? "Saving…" : isLast ? "Finish" : "Continue"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
