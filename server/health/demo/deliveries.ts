/**
 * Signed HTTP deliveries for `/api/webhooks/demo`, using Terra's signature scheme under the demo
 * header: `x-demo-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 */
import { DEMO_SIGNATURE_HEADER, signDemoWebhook as demoSignature } from "@/server/health/providers/demo/adapter";
import type { DemoDay, DemoDeliveryReason } from "./generator";
import type { TerraDataType } from "./terra-payloads";

export { DEMO_SIGNATURE_HEADER };

/** A type alias rather than an interface so it is assignable to `HeadersInit` / `Record<string, string>`. */
export type DemoWebhookHeaders = {
  "content-type": "application/json";
  [DEMO_SIGNATURE_HEADER]: string;
};

/** Request headers for one delivery; the signature itself comes from the provider module, the one place the scheme lives. */
export function signDemoWebhook(body: string, secret: string, now: Date = new Date()): DemoWebhookHeaders {
  return { "content-type": "application/json", [DEMO_SIGNATURE_HEADER]: demoSignature(body, secret, now) };
}

export interface DemoDelivery {
  body: string;
  headers: DemoWebhookHeaders;
  type: TerraDataType;
  reason: DemoDeliveryReason;
  localDate: string;
  /** When the provider would have sent it (the signature uses `now`, so the route's replay window accepts it). */
  scheduledAt: Date;
}

export interface BuildDeliveriesOptions {
  secret: string;
  /** Signing time; a function is called per delivery so a long replay stays inside the replay window. */
  now?: Date | (() => Date);
}

/** Every payload of the given days in the order the provider would send them, signed and ready to POST. */
export function buildDemoDeliveries(days: readonly DemoDay[], { secret, now = () => new Date() }: BuildDeliveriesOptions): DemoDelivery[] {
  const clock = typeof now === "function" ? now : () => now;
  return days
    .flatMap((day) => day.payloads.map((payload) => ({ payload, localDate: day.localDate })))
    .sort((a, b) => a.payload.deliverAt.getTime() - b.payload.deliverAt.getTime())
    .map(({ payload, localDate }) => ({
      body: payload.body,
      headers: signDemoWebhook(payload.body, secret, clock()),
      type: payload.type,
      reason: payload.reason,
      localDate,
      scheduledAt: payload.deliverAt,
    }));
}
