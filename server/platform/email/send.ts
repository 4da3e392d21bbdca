import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { z } from "zod";
import type { Database } from "@/db";
import { emailOutbox } from "@/db/schema";
import { env } from "../../env";
import { AppError } from "../../errors";
import { logger } from "../../logger";

/** A message already rendered (e.g. held back and sent later). */
export interface RenderedEmail {
  html: string;
  text: string;
}

interface EmailMessageBase {
  to: string;
  subject: string;
  /** Category shown in the outbox and sent to Resend as a tag, e.g. "verify-email". */
  tag?: string;
  /** The user the email is about, when there is one. */
  userId?: string | null;
  /** Resend de-duplicates sends with the same key (for 24 h): pass one when a job may retry. */
  idempotencyKey?: string;
  /**
   * Links in the message that open the account (single-use reset, verification, email-change
   * tokens). Without Resend the outbox is the mailbox and keeps them (each opening is audited);
   * with Resend the stored copy has them replaced by REMOVED_LINK.
   */
  secretLinks?: readonly string[];
  /** Extra headers (e.g. List-Unsubscribe), sent to Resend and kept in the outbox row. */
  headers?: Readonly<Record<string, string>>;
}

export type EmailMessage = EmailMessageBase &
  (
    | {
        /** A React Email template element, e.g. `<VerifyEmail url={…} />`. */
        react: ReactElement;
      }
    | { rendered: RenderedEmail }
  );

/** The HTML and plain-text parts of a React Email template. */
export async function renderEmail(react: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);
  return { html, text };
}

export interface SentEmail {
  /** The outbox row id. */
  id: string;
  transport: "resend" | "outbox";
}

export interface EmailConfig {
  from: string;
  appUrl: string;
  /** Set → send through Resend; unset → write to the outbox only. */
  resendApiKey?: string;
  resendBaseUrl?: string;
  /** Include the recipient in the "stored in the outbox" log line. */
  logRecipients: boolean;
}

export function emailConfigFromEnv(): EmailConfig {
  const e = env();
  return {
    from: e.EMAIL_FROM,
    appUrl: e.APP_URL,
    resendApiKey: e.RESEND_API_KEY,
    resendBaseUrl: e.RESEND_BASE_URL,
    logRecipients: e.NODE_ENV === "development",
  };
}

/** The one way BioSync sends email: Resend when configured, otherwise the outbox admins read. */
export function sendEmail(db: Database, message: EmailMessage): Promise<SentEmail> {
  return sendEmailWith(emailConfigFromEnv(), db, message);
}

const recipient = z.email();

export async function sendEmailWith(config: EmailConfig, db: Database, message: EmailMessage): Promise<SentEmail> {
  const to = message.to.trim().toLowerCase();
  if (!recipient.safeParse(to).success) throw AppError.field("to", "Not a valid email address.");
  const { html, text } = "rendered" in message ? message.rendered : await renderEmail(message.react);
  const headers = { ...message.headers };
  const base = { to, from: config.from, subject: message.subject, html, text, tag: message.tag ?? null, userId: message.userId ?? null, headers };
  const secretLinks = message.secretLinks ?? [];

  const { resendApiKey } = config;
  if (!resendApiKey) {
    const [row] = await db
      .insert(emailOutbox)
      .values({ ...base, transport: "outbox", status: "stored", secretLink: secretLinks.length ? "stored" : "none" })
      .returning({ id: emailOutbox.id });
    if (!row) throw new Error("The outbox insert returned no row");
    const url = new URL(`/admin/outbox/${row.id}`, config.appUrl).toString();
    logger.info({ emailId: row.id, tag: message.tag, ...(config.logRecipients ? { to } : {}), url }, `Email "${message.subject}" stored in the outbox: ${url}`);
    return { id: row.id, transport: "outbox" };
  }

  const outcome = await sendThroughResend({ ...config, resendApiKey }, { ...base, tag: message.tag }, message.idempotencyKey);
  // Failed hand-overs too: the job's retry issues a new link, but the last attempt's would stay live.
  const [row] = await db
    .insert(emailOutbox)
    .values({
      ...base,
      ...withoutLinks({ html, text }, secretLinks),
      secretLink: secretLinks.length ? "removed" : "none",
      transport: "resend",
      status: outcome.ok ? "sent" : "failed",
      providerMessageId: outcome.ok ? outcome.id : null,
      error: outcome.ok ? null : outcome.error,
    })
    .returning({ id: emailOutbox.id });
  // Thrown so that the job sending it retries; the failed attempt stays visible in the outbox.
  if (!outcome.ok) throw new Error(`Resend did not accept the email: ${outcome.error}`);
  if (!row) throw new Error("The outbox insert returned no row");
  logger.info({ emailId: row.id, resendId: outcome.id, tag: message.tag }, "Email sent through Resend");
  return { id: row.id, transport: "resend" };
}

/** What the stored copy of a delivered message shows where its secret link was. */
export const REMOVED_LINK = "[link removed: it was delivered by email and is not kept]";

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);

/**
 * The message with every secret link replaced by REMOVED_LINK. Should a link's token survive
 * (written in a form not replaced here), nothing of the content is kept: fail closed.
 */
function withoutLinks(content: { html: string; text: string }, links: readonly string[]): { html: string; text: string } {
  let { html, text } = content;
  for (const link of links) {
    for (const form of new Set([link, escapeHtml(link)])) {
      html = html.replaceAll(form, REMOVED_LINK);
      text = text.replaceAll(form, REMOVED_LINK);
    }
  }
  // The end of a link is its token.
  const leaked = links.some((link) => {
    const tail = link.slice(-16);
    return html.includes(tail) || text.includes(tail);
  });
  return leaked ? { html: `<p>${REMOVED_LINK}</p>`, text: REMOVED_LINK } : { html, text };
}

type ResendOutcome = { ok: true; id: string } | { ok: false; error: string };

async function sendThroughResend(
  config: EmailConfig & { resendApiKey: string },
  email: { to: string; from: string; subject: string; html: string; text: string; tag?: string; headers: Record<string, string> },
  idempotencyKey: string | undefined,
): Promise<ResendOutcome> {
  try {
    const { data, error } = await resendClient(config.resendApiKey, config.resendBaseUrl).emails.send(
      {
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(Object.keys(email.headers).length ? { headers: email.headers } : {}),
        // Resend tags allow only ASCII letters, digits, "_" and "-".
        ...(email.tag ? { tags: [{ name: "category", value: email.tag.replace(/[^A-Za-z0-9_-]/g, "_") }] } : {}),
      },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    if (error) return { ok: false, error: `${error.name}: ${error.message}` };
    if (!data?.id) return { ok: false, error: "no message id in the response" };
    return { ok: true, id: data.id };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

// `new Resend()` throws without a key, so clients are created on first use only.
const clients = new Map<string, Resend>();

function resendClient(key: string, baseUrl: string | undefined): Resend {
  const cacheKey = `${baseUrl ?? ""} ${key}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Resend(key, baseUrl ? { baseUrl } : undefined);
    clients.set(cacheKey, client);
  }
  return client;
}
