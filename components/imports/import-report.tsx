import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportView } from "@/server/health/imports/router";
import { formatDateTime } from "../devices/format";
import { formatBytes, isImportActive, plural, type ActiveImportStatus } from "./import-format";
import { ImportProgressBar } from "./import-progress-bar";

const IMPORT_PHASE_LABEL: Record<ActiveImportStatus, (filename: string) => string> = {
  uploading: (filename) => `Waiting to import ${filename}`,
  queued: (filename) => `Waiting to import ${filename}`,
  // An Apple export is read through once before anything is stored, so a broken file keeps nothing.
  checking: (filename) => `Checking ${filename} before importing`,
  running: (filename) => `Importing ${filename}`,
};

/** Where one import stands: progress while it runs, then a summary and its row errors. */
export function ImportReport({ item, duplicate, timeZone }: { item: ImportView; duplicate: boolean; timeZone: string }) {
  if (duplicate) {
    return (
      <Alert variant="info">
        <p className="font-medium">This file was already imported.</p>
        <p>
          {item.filename} was imported on {formatDateTime(item.finishedAt ?? item.createdAt, timeZone)} with {plural(item.itemsImported, "item", "items")}. Nothing
          was changed.
        </p>
      </Alert>
    );
  }
  if (isImportActive(item.status)) {
    return (
      <div className="flex flex-col gap-2">
        <ImportProgressBar
          label={IMPORT_PHASE_LABEL[item.status](item.filename)}
          done={item.bytesProcessed}
          total={item.sizeBytes}
          detail={`${formatBytes(item.bytesProcessed)} of ${formatBytes(item.sizeBytes)}`}
        />
        <ImportCounts item={item} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {item.status === "succeeded" ? (
        <Alert variant="success">
          <p className="font-medium">Import finished: {item.filename}</p>
          <ImportCounts item={item} />
          {item.resultHref ? (
            <Link href={item.resultHref} className="text-sm font-medium underline underline-offset-2">
              See what was imported
            </Link>
          ) : null}
        </Alert>
      ) : (
        <Alert variant="error">
          <p className="font-medium">The import of {item.filename} failed.</p>
          <p>{item.error ?? "Something went wrong while reading the file."}</p>
          <ImportCounts item={item} />
        </Alert>
      )}
      {item.errorCount > 0 ? <ImportErrorTable item={item} /> : null}
    </div>
  );
}

function ImportCounts({ item }: { item: ImportView }) {
  return (
    <p className="text-sm">
      {plural(item.itemsImported, "item", "items")} imported · {plural(item.skipped, "row", "rows")} skipped · {plural(item.errorCount, "row", "rows")} with errors
      {item.accountId && item.kind === "fitbit_daily_csv" ? ` · Fitbit person ${item.accountId}` : null}
    </p>
  );
}

/** The rows that could not be imported (the server keeps the first 100). */
function ImportErrorTable({ item }: { item: ImportView }) {
  const shown = item.errors.length;
  return (
    <div className="max-h-96 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <Table>
        <TableCaption className="mb-3 px-3">
          {shown < item.errorCount
            ? `The first ${shown.toLocaleString("en")} of ${plural(item.errorCount, "row", "rows")} that could not be imported.`
            : `${plural(item.errorCount, "row", "rows")} could not be imported; everything else was.`}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className="text-right">Line</TableHead>
            <TableHead>Record type</TableHead>
            <TableHead>Problem</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {item.errors.map((error, index) => (
            <TableRow key={`${error.line ?? "-"}-${index}`}>
              <TableCell className="text-right tabular-nums">{error.line ?? "—"}</TableCell>
              <TableCell className="whitespace-nowrap">{error.recordType}</TableCell>
              <TableCell className="min-w-48">{error.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
