import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { StripeConfig } from "../config";
import { parseStripeForm, type FormObject } from "./form-body";

/*
 * A local fake of the Stripe API endpoints BioSync calls, per Stripe's protocol: bearer secret key,
 * form-encoded bodies with bracketed keys, JSON objects with `object` and `id`, errors as
 * `{ error: { type, message } }`. POST /v1/customers, GET /v1/customers/search (metadata['key']:'value'),
 * POST /v1/checkout/sessions, POST /v1/billing_portal/sessions. Every request is recorded.
 */

export const FAKE_STRIPE_KEY = "sk_test_fake_biosync";
export const FAKE_WEBHOOK_SECRET = "whsec_fake_biosync_signing_secret";
export const FAKE_PRICES = { pro: "price_fake_pro_monthly", team: "price_fake_team_monthly" } as const;

export interface StripeRequest {
  method: string;
  path: string;
  body: FormObject;
  query: URLSearchParams;
  idempotencyKey: string | undefined;
}

export interface FakeCustomer {
  id: string;
  object: "customer";
  email: string | null;
  name: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface FakeStripe {
  url: string;
  requests: StripeRequest[];
  customers: FakeCustomer[];
  /** A StripeConfig pointing at this fake (webhook secret and both prices set). */
  config(overrides?: Partial<StripeConfig>): StripeConfig;
  close(): Promise<void>;
}

const stringRecord = (value: unknown): Record<string, string> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, string>) : {});

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: StripeRequest[] = [];
  const customers: FakeCustomer[] = [];
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++sequence).padStart(6, "0")}`;
  const now = () => Math.floor(Date.now() / 1000);
  let base = "";

  const routes: Record<string, (request: StripeRequest) => [number, unknown]> = {
    "POST /v1/customers": ({ body }) => {
      const customer: FakeCustomer = {
        id: nextId("cus"),
        object: "customer",
        email: typeof body.email === "string" ? body.email : null,
        name: typeof body.name === "string" ? body.name : null,
        metadata: stringRecord(body.metadata),
        created: now(),
      };
      customers.push(customer);
      return [200, customer];
    },
    "GET /v1/customers/search": ({ query }) => {
      const match = /^metadata\['([^']+)'\]:'([^']*)'$/.exec(query.get("query") ?? "");
      if (!match) return [400, { error: { type: "invalid_request_error", message: "The fake understands metadata['key']:'value' queries only." } }];
      const data = customers.filter((c) => c.metadata[match[1]!] === match[2]);
      return [200, { object: "search_result", url: "/v1/customers/search", has_more: false, next_page: null, data }];
    },
    "POST /v1/checkout/sessions": ({ body }) => {
      const missing = ["mode", "success_url", "line_items"].filter((field) => body[field] === undefined);
      if (missing.length) return [400, { error: { type: "invalid_request_error", message: `Missing required param: ${missing[0]}.`, param: missing[0] } }];
      const id = nextId("cs_test");
      return [200, { id, object: "checkout.session", mode: body.mode, customer: body.customer ?? null, client_reference_id: body.client_reference_id ?? null, success_url: body.success_url, cancel_url: body.cancel_url ?? null, status: "open", url: `${base}/checkout/${id}`, line_items: body.line_items, subscription_data: body.subscription_data ?? null }];
    },
    "POST /v1/billing_portal/sessions": ({ body }) => {
      const customer = typeof body.customer === "string" ? body.customer : "";
      if (!customers.some((c) => c.id === customer) && !customer.startsWith("cus_")) return [404, { error: { type: "invalid_request_error", message: `No such customer: '${customer}'`, param: "customer" } }];
      const id = nextId("bps");
      return [200, { id, object: "billing_portal.session", customer, return_url: body.return_url ?? null, url: `${base}/portal/${id}`, created: now(), livemode: false }];
    },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const request: StripeRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        body: parseStripeForm(Buffer.concat(chunks).toString("utf8")),
        query: url.searchParams,
        idempotencyKey: req.headers["idempotency-key"] as string | undefined,
      };
      if (req.headers.authorization !== `Bearer ${FAKE_STRIPE_KEY}`) {
        return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      requests.push(request);
      const route = routes[`${request.method} ${request.path}`];
      if (!route) return send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${request.path}).` } });
      const [status, payload] = route(request);
      send(res, status, payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    customers,
    config: (overrides = {}) => ({
      secretKey: FAKE_STRIPE_KEY,
      webhookSecret: FAKE_WEBHOOK_SECRET,
      prices: { ...FAKE_PRICES },
      apiBase: new URL(base),
      appUrl: "http://localhost:3000",
      ...overrides,
    }),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${Date.now()}` });
  res.end(JSON.stringify(payload));
}
