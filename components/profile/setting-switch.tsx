"use client";

import { useId } from "react";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

interface SettingSwitchProps {
  label: string;
  description: React.ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Extra line under the description (e.g. when it last changed). */
  footnote?: React.ReactNode;
}

/** One labelled on/off setting in a list. */
export function SettingSwitch({ label, description, checked, onCheckedChange, disabled, footnote }: SettingSwitchProps) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4 py-4">
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-description`} className="text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
        {footnote ? <p className="text-xs text-zinc-500">{footnote}</p> : null}
      </div>
      <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} disabled={disabled} aria-describedby={`${id}-description`} />
    </div>
  );
}
