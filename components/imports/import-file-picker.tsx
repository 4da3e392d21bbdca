"use client";

import { FileUp, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ACCEPTED_EXTENSIONS, formatBytes } from "./import-format";

interface ImportFilePickerProps {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
  /** Shown under the drop zone and linked to the input. */
  error?: string | null;
  /** Id of the text explaining which files are supported. */
  describedBy?: string;
}

/** A file chooser that also takes a dropped file; the hidden input stays focusable and shows its focus on the button. */
export function ImportFilePicker({ file, onChange, disabled, error, describedBy }: ImportFilePickerProps) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  });
  // A file chosen before the page finished hydrating fired no change event React could see: adopt it.
  useEffect(() => {
    const early = input.current?.files?.[0];
    if (early) report.current(early);
  }, []);
  // Once the chosen file is dropped (uploaded or removed), choosing the same file again must still fire a change.
  useEffect(() => {
    if (!file && input.current) input.current.value = "";
  }, [file]);

  const choose = (files: FileList | null) => {
    const chosen = files?.[0];
    if (chosen) onChange(chosen);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div
        onDragEnter={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = disabled ? "none" : "copy";
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!disabled) choose(event.dataTransfer.files);
        }}
        className={cn(
          "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors",
          dragging ? "border-brand-500 bg-brand-50 dark:bg-brand-700/10" : "border-zinc-300 dark:border-zinc-700",
          error ? "border-red-400 dark:border-red-700" : null,
        )}
      >
        <FileUp className="size-8 text-zinc-400" aria-hidden />
        {file ? (
          <p className="break-all text-sm">
            <span className="font-medium">{file.name}</span> <span className="text-zinc-600 dark:text-zinc-400">({formatBytes(file.size)})</span>
          </p>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Drag your export file here, or</p>
        )}
        <div className="flex flex-wrap justify-center gap-2">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPTED_EXTENSIONS.join(",")}
            className="peer sr-only"
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={[describedBy, error ? errorId : null].filter(Boolean).join(" ") || undefined}
            onChange={(event) => choose(event.currentTarget.files)}
          />
          <label
            htmlFor={inputId}
            className={cn(
              buttonVariants({ variant: "outline" }),
              "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 peer-focus-visible:ring-offset-2 peer-disabled:cursor-not-allowed peer-disabled:opacity-50",
            )}
          >
            {file ? "Choose another file" : "Choose a file"}
          </label>
          {file ? (
            <Button type="button" variant="ghost" onClick={() => onChange(null)} disabled={disabled}>
              <X className="size-4" aria-hidden />
              Remove
            </Button>
          ) : null}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
