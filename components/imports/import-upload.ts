/** Browser upload of an export file to POST /api/imports, with progress (fetch cannot report upload progress). */

export interface UploadOutcome {
  importId: string;
  /** The same file was imported before: `importId` is that earlier import. */
  duplicate: boolean;
}

export interface UploadFieldIssue {
  path: string;
  message: string;
}

export class UploadError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer arrived. */
    readonly status: number,
    readonly fields: UploadFieldIssue[] = [],
    readonly aborted = false,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

const FALLBACK_MESSAGE: Record<number, string> = {
  400: "This file could not be imported.",
  401: "Your session has ended. Sign in again, then upload the file.",
  413: "This file is too large to import.",
  429: "Too many uploads at once. Wait a moment and try again.",
};

interface ErrorBody {
  error?: { message?: unknown; fields?: unknown };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function fieldsOf(value: unknown): UploadFieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

function errorFrom(status: number, text: string): UploadError {
  const body = parseJson(text) as ErrorBody | null;
  const message = typeof body?.error?.message === "string" ? body.error.message : (FALLBACK_MESSAGE[status] ?? `The upload failed (HTTP ${status}). Try again.`);
  return new UploadError(message, status, fieldsOf(body?.error?.fields));
}

function outcomeFrom(text: string): UploadOutcome | null {
  const body = parseJson(text) as { import?: { id?: unknown }; duplicate?: unknown } | null;
  const id = body?.import?.id;
  return typeof id === "string" ? { importId: id, duplicate: body?.duplicate === true } : null;
}

export interface UploadOptions {
  /** Fitbit person Id to import (multi-person files); empty for the first person. */
  accountId?: string;
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/** Streams `file` as the request body; resolves with the queued (or earlier) import, rejects with an UploadError. */
export function uploadImportFile(file: File, { accountId, onProgress, signal }: UploadOptions): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ filename: file.name });
    if (accountId) params.set("accountId", accountId);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?${params.toString()}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 202) {
        const outcome = outcomeFrom(xhr.responseText);
        if (outcome) resolve(outcome);
        else reject(new UploadError("The server gave an unexpected answer. Try again.", xhr.status));
        return;
      }
      reject(errorFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new UploadError("The upload was interrupted. Check your connection and try again.", 0));
    xhr.onabort = () => reject(new UploadError("Upload cancelled.", 0, [], true));
    if (signal?.aborted) {
      reject(new UploadError("Upload cancelled.", 0, [], true));
      return;
    }
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
