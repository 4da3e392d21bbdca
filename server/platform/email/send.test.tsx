import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { emailOutbox } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { EmailButton, EmailLayout, EmailText } from "@/components/emails/layout";
import { REMOVED_LINK, sendEmailWith, type EmailConfig } from "./send";

function TestEmail({ url }: { url: string }) {
  return (
    <EmailLayout preview="Confirm it" heading="Confirm your address">
      <EmailText>Hello from the test.</EmailText>
      <EmailButton href={url}>Confirm</EmailButton>
    </EmailLayout>
  );
}

const link = "http://localhost:3000/verify?token=abc123";
const outboxConfig: EmailConfig = { from: "BioSync <no-reply@biosync.test>", appUrl: "http://localhost:3000", logRecipients: false };

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

describe("sendEmail without Resend", () => {
  it("writes the rendered HTML and plain text to the outbox", async () => {
    const sent = await sendEmailWith(outboxConfig, handle.db, { to: " Ada@Example.com ", subject: "Confirm", react: <TestEmail url={link} />, tag: "verify-email" });
    expect(sent.transport).toBe("outbox");
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, sent.id));
    expect(row).toMatchObject({ to: "ada@example.com", from: outboxConfig.from, subject: "Confirm", tag: "verify-email", transport: "outbox", status: "stored" });
    expect(row?.html).toContain("<html");
    expect(row?.html).toContain(link);
    expect(row?.text).toContain("Hello from the test.");
    expect(row?.text).toContain(link);
    expect(row?.text).not.toContain("<");
  });

  it("keeps the link of a message that holds one (the outbox is the mailbox), and says so", async () => {
    const sent = await sendEmailWith(outboxConfig, handle.db, { to: "fay@example.com", subject: "Confirm", react: <TestEmail url={link} />, secretLinks: [link] });
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, sent.id));
    expect(row).toMatchObject({ secretLink: "stored" });
    expect(row?.text).toContain(link);
  });

  it("rejects an invalid recipient", async () => {
    await expect(sendEmailWith(outboxConfig, handle.db, { to: "nope", subject: "x", react: <TestEmail url={link} /> })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("sendEmail with Resend", () => {
  const requests: { method?: string; url?: string; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> }[] = [];
  let respond: { status: number; body: unknown } = { status: 200, body: { id: "re_123" } };
  let server: Server;
  let config: EmailConfig;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        requests.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(respond.status, { "content-type": "application/json" });
        res.end(JSON.stringify(respond.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    config = { ...outboxConfig, resendApiKey: "re_test_key", resendBaseUrl: `http://127.0.0.1:${port}` };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("posts the email to Resend and records it with Resend's id", async () => {
    const sent = await sendEmailWith(config, handle.db, { to: "bob@example.com", subject: "Confirm", react: <TestEmail url={link} />, tag: "verify email", idempotencyKey: "verify/1" });
    expect(sent.transport).toBe("resend");
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["idempotency-key"]).toBe("verify/1");
    expect(request?.body).toMatchObject({ from: config.from, to: "bob@example.com", subject: "Confirm", tags: [{ name: "category", value: "verify_email" }] });
    expect(request?.body.html).toContain(link);
    expect(request?.body.text).toContain(link);
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, sent.id));
    expect(row).toMatchObject({ transport: "resend", status: "sent", providerMessageId: "re_123" });
  });

  it("keeps no usable link in the stored copy: the link handed to Resend is replaced by a marker", async () => {
    respond = { status: 200, body: { id: "re_456" } };
    const secret = "http://localhost:3000/reset-password?token=Sekr3t-token_value-0123456789abcdef";
    const sent = await sendEmailWith(config, handle.db, { to: "dave@example.com", subject: "Reset", react: <TestEmail url={secret} />, secretLinks: [secret] });
    expect(requests.at(-1)?.body.text).toContain(secret);
    expect(requests.at(-1)?.body.html).toContain(secret);
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, sent.id));
    expect(row).toMatchObject({ status: "sent", secretLink: "removed" });
    for (const content of [row!.html, row!.text]) {
      expect(content).not.toContain("Sekr3t-token_value");
      expect(content).toContain(REMOVED_LINK);
    }
    expect(row?.text).toContain("Hello from the test.");
  });

  it("keeps no usable link in the copy of a failed hand-over either (a retry may never come)", async () => {
    respond = { status: 500, body: { statusCode: 500, name: "application_error", message: "down" } };
    const secret = "http://localhost:3000/verify-email?token=Failed-send-token-0123456789abcdefgh";
    await expect(sendEmailWith(config, handle.db, { to: "erin@example.com", subject: "Verify", react: <TestEmail url={secret} />, secretLinks: [secret] })).rejects.toThrow();
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, "erin@example.com"));
    expect(row).toMatchObject({ status: "failed", secretLink: "removed" });
    expect(`${row?.html}${row?.text}`).not.toContain("Failed-send-token");
  });

  it("throws when Resend refuses, and records the failed attempt", async () => {
    respond = { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } };
    await expect(sendEmailWith(config, handle.db, { to: "carol@example.com", subject: "Confirm", react: <TestEmail url={link} /> })).rejects.toThrow(/Invalid `to` field/);
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, "carol@example.com"));
    expect(row).toMatchObject({ transport: "resend", status: "failed", providerMessageId: null });
    expect(row?.error).toContain("validation_error");
  });
});
