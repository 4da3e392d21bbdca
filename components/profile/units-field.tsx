"use client";

import { useId } from "react";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import type { UnitSystem } from "@/server/account/profile/units";
import type { EnergyUnit } from "@/server/health/analytics/trends/units";
import { ENERGY_OPTIONS, UNIT_OPTIONS } from "./labels";

export function UnitsField({ value, onChange }: { value: UnitSystem; onChange: (units: UnitSystem) => void }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium leading-none">Units</legend>
      <RadioGroup value={value} onValueChange={(next) => onChange(next === "imperial" ? "imperial" : "metric")} className="grid-cols-1 sm:grid-cols-2">
        {UNIT_OPTIONS.map((option) => (
          <RadioCard key={option.value} id={`${id}-${option.value}`} value={option.value} title={option.label} description={option.description} />
        ))}
      </RadioGroup>
    </fieldset>
  );
}

export function EnergyUnitField({ value, onChange }: { value: EnergyUnit; onChange: (unit: EnergyUnit) => void }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium leading-none">Energy</legend>
      <RadioGroup value={value} onValueChange={(next) => onChange(next === "kJ" ? "kJ" : "kcal")} className="grid-cols-1 sm:grid-cols-2">
        {ENERGY_OPTIONS.map((option) => (
          <RadioCard key={option.value} id={`${id}-${option.value}`} value={option.value} title={option.label} description={option.description} />
        ))}
      </RadioGroup>
    </fieldset>
  );
}
