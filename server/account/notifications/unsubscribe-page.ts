import { KIND_LABELS } from "./preferences";
import { PREFERENCES_PATH } from "./links";
import type { UnsubscribeCheck } from "./unsubscribe";

/*
 * The unsubscribe link's page, answered by its route: a GET asks to confirm (mail scanners open
 * links), a POST — the button, or a mail client's one-click (RFC 8058) — turns the emails off. Plain
 * HTML with its own small style: it is the page of a signed-out visitor and needs no script.
 */

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

const STYLE = `
:root{color-scheme:light dark;--bg:#fafafa;--card:#fff;--text:#18181b;--muted:#52525b;--border:#e4e4e7;--brand:#059669;--brand-text:#fff;--error:#b91c1c}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--card:#18181b;--text:#fafafa;--muted:#a1a1aa;--border:#27272a;--brand:#10b981;--brand-text:#022c22;--error:#f87171}}
*{box-sizing:border-box}body{margin:0;min-height:100dvh;background:var(--bg);color:var(--text);font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{max-width:72rem;margin:0 auto;padding:1rem 1.5rem;font-weight:600;font-size:1.125rem}
header a{color:inherit;text-decoration:none;display:inline-flex;gap:.5rem;align-items:center}
header span{display:inline-flex;width:2rem;height:2rem;border-radius:.375rem;background:var(--brand);color:var(--brand-text);align-items:center;justify-content:center;font-size:.875rem}
main{display:flex;justify-content:center;padding:1rem}
section{width:100%;max-width:28rem;background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:0 0 1rem;color:var(--muted)}
.error h1{color:var(--error)}
button{font:inherit;font-weight:600;border:0;border-radius:.5rem;padding:.625rem 1rem;background:var(--brand);color:var(--brand-text);cursor:pointer;width:100%}
button:focus-visible,a:focus-visible{outline:2px solid var(--brand);outline-offset:2px}
.links{margin-top:1rem;font-size:.875rem}.links a{color:var(--brand)}
`;

function page(status: number, title: string, body: string, error = false): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · BioSync</title><style>${STYLE}</style></head><body><header><a href="/"><span aria-hidden="true">B</span>BioSync</a></header><main id="main-content"><section${error ? ' class="error" role="alert"' : ""}><h1>${escape(title)}</h1>${body}</section></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

const settingsLink = `<p class="links"><a href="${PREFERENCES_PATH}">Notification settings</a> (sign-in needed)</p>`;

function refusal(check: Exclude<UnsubscribeCheck, { ok: true }>): Response {
  switch (check.reason) {
    case "malformed":
      return page(400, "This unsubscribe link is incomplete", `<p>The link is cut short or changed. Open it again from the email, or change your emails in the notification settings.</p>${settingsLink}`, true);
    case "forged":
      return page(403, "This unsubscribe link is not valid", `<p>It was not issued by BioSync for this address, so nothing was changed. Use the link from the email itself, or the notification settings.</p>${settingsLink}`, true);
    case "unknown-account":
      return page(404, "This account no longer exists", "<p>BioSync sends it no email any more.</p>", true);
  }
}

/** GET: what the link would turn off, and a button to do it. */
export function confirmPage(check: UnsubscribeCheck): Response {
  if (!check.ok) return refusal(check);
  const label = KIND_LABELS[check.kind];
  return page(
    200,
    `Unsubscribe from ${label}?`,
    `<p>BioSync will stop emailing you ${escape(label)}. It still shows in your notification list in the app.</p><form method="post"><button type="submit">Unsubscribe</button></form>${settingsLink}`,
  );
}

/** POST: the emails are off. */
export function donePage(check: UnsubscribeCheck): Response {
  if (!check.ok) return refusal(check);
  const label = KIND_LABELS[check.kind];
  return page(200, "You are unsubscribed", `<p role="status">BioSync will not email you ${escape(label)} any more. You can turn it back on in the notification settings.</p>${settingsLink}`);
}
