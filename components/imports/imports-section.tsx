"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { SUPPORTED_FILES, UNSUPPORTED_FILE_MESSAGE } from "@/server/health/imports/supported-files";
import { MAX_IMPORT_BYTES } from "@/server/health/imports/parsers/types";
import { formatBytes, hasAcceptedExtension, IMPORT_POLL_MS, isImportActive } from "./import-format";
import { ImportFilePicker } from "./import-file-picker";
import { ImportHistory } from "./import-history";
import { ImportProgressBar } from "./import-progress-bar";
import { ImportReport } from "./import-report";
import { UploadError, uploadImportFile } from "./import-upload";
import { DevicesSection } from "../devices/section";

type Phase =
  | { step: "idle" }
  | { step: "uploading"; filename: string; sent: number; total: number }
  | { step: "following"; importId: string; duplicate: boolean }
  | { step: "failed"; message: string; fields: { path: string; message: string }[] };

/** Upload of Apple Health, Fitbit and WHOOP export files, the running import's progress and report, and past imports. */
export function ImportsSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatsId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [accountId, setAccountId] = useState("");
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const upload = useRef<AbortController | null>(null);
  const report = useRef<HTMLDivElement>(null);

  useEffect(() => () => upload.current?.abort(), []);

  const refreshHistory = () => queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    if (phase.step === "failed") setPhase({ step: "idle" });
  };

  const start = async () => {
    if (!file) return setPhase({ step: "failed", message: "Choose a file to import.", fields: [{ path: "file", message: "Choose a file to import." }] });
    const problem = checkFile(file);
    if (problem) return setPhase({ step: "failed", message: problem, fields: [{ path: "file", message: problem }] });
    const controller = new AbortController();
    upload.current = controller;
    setPhase({ step: "uploading", filename: file.name, sent: 0, total: file.size });
    try {
      const outcome = await uploadImportFile(file, {
        accountId: accountId.trim() || undefined,
        signal: controller.signal,
        onProgress: (sent, total) => setPhase((current) => (current.step === "uploading" ? { ...current, sent, total } : current)),
      });
      setPhase({ step: "following", importId: outcome.importId, duplicate: outcome.duplicate });
      setFile(null);
      void refreshHistory();
    } catch (error) {
      if (error instanceof UploadError && error.aborted) setPhase({ step: "idle" });
      else if (error instanceof UploadError) setPhase({ step: "failed", message: error.message, fields: error.fields });
      else setPhase({ step: "failed", message: "The upload failed. Try again.", fields: [] });
    } finally {
      if (upload.current === controller) upload.current = null;
    }
  };

  const showReport = (importId: string) => {
    setPhase({ step: "following", importId, duplicate: false });
    report.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  };

  const uploading = phase.step === "uploading";
  const fileError = phase.step === "failed" ? (phase.fields.find((f) => f.path === "file")?.message ?? null) : null;

  return (
    <DevicesSection id="imports" title="Import files" description="Bring in history from an export file. Importing the same file again changes nothing.">
      <Card>
        <CardContent className="flex flex-col gap-5 px-4 pt-6 sm:px-6">
          <SupportedFiles id={formatsId} />
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              void start();
            }}
          >
            <ImportFilePicker file={file} onChange={chooseFile} disabled={uploading} error={fileError} describedBy={formatsId} />
            <FormField
              label="Fitbit person Id (optional)"
              hint="Only for Fitbit files that hold several people (such as research exports): the Id of the person whose data is yours. Leave empty to import the first person in the file."
              name="accountId"
              inputMode="numeric"
              autoComplete="off"
              maxLength={64}
              value={accountId}
              disabled={uploading}
              onChange={(event) => setAccountId(event.currentTarget.value)}
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={uploading || !file} className="w-full sm:w-auto">
                {uploading ? <Spinner /> : <Upload className="size-4" aria-hidden />}
                {uploading ? "Uploading…" : "Upload and import"}
              </Button>
              {uploading ? (
                <Button type="button" variant="outline" className="w-full sm:w-auto" onClick={() => upload.current?.abort()}>
                  Cancel upload
                </Button>
              ) : null}
            </div>
          </form>
          <div ref={report} aria-live="polite" className="flex flex-col gap-3 empty:hidden">
            {phase.step === "uploading" ? (
              <ImportProgressBar
                label={`Uploading ${phase.filename}`}
                done={phase.sent}
                total={phase.total}
                detail={`${formatBytes(phase.sent)} of ${formatBytes(phase.total)}`}
              />
            ) : null}
            {phase.step === "failed" && !fileError ? <Alert variant="error">{phase.message}</Alert> : null}
            {phase.step === "following" ? (
              <FollowedImport key={phase.importId} importId={phase.importId} duplicate={phase.duplicate} timeZone={timeZone} onFinished={refreshHistory} />
            ) : null}
          </div>
        </CardContent>
      </Card>
      <h3 className="text-base font-semibold">Past imports</h3>
      <ImportHistory timeZone={timeZone} onShowReport={showReport} />
    </DevicesSection>
  );
}

/** A problem the browser can see before sending anything, or null. */
function checkFile(file: File): string | null {
  if (file.size === 0) return "The file is empty.";
  if (file.size > MAX_IMPORT_BYTES) return `Files up to ${formatBytes(MAX_IMPORT_BYTES)} can be imported; this one is ${formatBytes(file.size)}.`;
  if (!hasAcceptedExtension(file.name)) return UNSUPPORTED_FILE_MESSAGE;
  return null;
}

/** Polls the import every second while it is queued or running and shows its progress, then its report. */
function FollowedImport({ importId, duplicate, timeZone, onFinished }: { importId: string; duplicate: boolean; timeZone: string; onFinished: () => void }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.imports.get.queryOptions({ id: importId }),
    refetchInterval: (q) => (q.state.status === "error" ? false : !q.state.data || isImportActive(q.state.data.status) ? IMPORT_POLL_MS : false),
  });
  const status = query.data?.status;
  const finished = useRef(false);
  const callback = useRef(onFinished);
  useEffect(() => {
    callback.current = onFinished;
  });
  useEffect(() => {
    if (!status || isImportActive(status) || finished.current) return;
    finished.current = true;
    callback.current();
  }, [status]);

  if (query.isError) return <Alert variant="error">Could not load the import: {query.error.message}</Alert>;
  if (!query.data) return <Spinner label="Loading the import" />;
  return <ImportReport item={query.data} duplicate={duplicate} timeZone={timeZone} />;
}

function SupportedFiles({ id }: { id: string }) {
  return (
    <div id={id} className="flex flex-col gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <p>Supported files:</p>
      <ul className="ml-5 list-disc space-y-1">
        {SUPPORTED_FILES.map((f) => (
          <li key={f.file}>
            <span className="font-medium">{f.provider}</span>: <code className="text-xs">{f.file}</code> ({f.detail}).
          </li>
        ))}
      </ul>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Files up to {formatBytes(MAX_IMPORT_BYTES)}. Large Apple exports take a few minutes to process after the upload.</p>
    </div>
  );
}
