import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AiConfig } from "../config";

/*
 * A local fake of the OpenAI HTTP API for tests: POST /v1/chat/completions answering with the
 * documented chat.completion shape (choices[].message, finish_reason, usage). Each request is
 * recorded as received (headers and parsed body); `reply` decides the next answers.
 */

export type FakeReply =
  /** A completion whose message content is `content` (a string the gateway must parse). */
  | { content: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  /** An error status with OpenAI's error body. */
  | { status: number; message?: string }
  /** Accept the request and never answer. */
  | { hang: true };

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    max_tokens?: number;
    max_completion_tokens?: number;
    response_format?: { type: string };
    [key: string]: unknown;
  };
  /** The raw body text, for scanning. */
  raw: string;
}

export interface FakeOpenAI {
  /** Give as baseURL (ends in /v1). */
  baseURL: string;
  requests: ReceivedRequest[];
  /** What the following requests get (a function sees each request). Default: `{ content: "{}" }`. */
  reply(next: FakeReply | ((request: ReceivedRequest) => FakeReply)): void;
  /** An AiConfig pointing at this server (short timeout unless given). */
  config(overrides?: Partial<AiConfig>): AiConfig;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: ReceivedRequest[] = [];
  let replyWith: (request: ReceivedRequest) => FakeReply = () => ({ content: "{}" });
  let sequence = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: ReceivedRequest["body"] = {};
      try {
        body = JSON.parse(raw || "{}") as ReceivedRequest["body"];
      } catch {
        return send(res, 400, { error: { message: "body is not JSON", type: "invalid_request_error", param: null, code: null } });
      }
      const received: ReceivedRequest = { path: req.url ?? "", headers: req.headers, body, raw };
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error", param: null, code: null } });
      }
      if (req.headers.authorization !== "Bearer sk-fake-test-key") {
        return send(res, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error", param: null, code: "invalid_api_key" } });
      }
      requests.push(received);
      const reply = replyWith(received);
      if ("hang" in reply) return;
      if ("status" in reply) return send(res, reply.status, { error: { message: reply.message ?? "The server had an error", type: "server_error", param: null, code: null } });
      const usage = reply.usage ?? { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(reply.content.length / 4) };
      send(res, 200, {
        id: `chatcmpl-fake-${++sequence}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? "gpt-4o-mini",
        choices: [{ index: 0, message: { role: "assistant", content: reply.content, refusal: null }, logprobs: null, finish_reason: "stop" }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        system_fingerprint: "fp_fake",
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseURL = `http://127.0.0.1:${port}/v1`;

  return {
    baseURL,
    requests,
    reply(next) {
      replyWith = typeof next === "function" ? next : () => next;
    },
    config: (overrides = {}) => ({
      apiKey: FAKE_OPENAI_KEY,
      baseURL,
      model: "gpt-4o-mini",
      maxOutputTokens: 300,
      timeoutMs: 1_000,
      maxPromptChars: 12_000,
      maxRequestsPerDay: 48,
      ...overrides,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const FAKE_OPENAI_KEY = "sk-fake-test-key";

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
