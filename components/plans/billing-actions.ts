"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** Checkout and the Customer Portal: each answers a Stripe URL the browser goes to. */
export function useBillingActions() {
  const trpc = useTRPC();
  const go = ({ url }: { url: string }) => window.location.assign(url);
  const checkout = useMutation(trpc.billing.checkout.mutationOptions({ onSuccess: go }));
  const portal = useMutation(trpc.billing.portal.mutationOptions({ onSuccess: go }));
  return { checkout, portal, error: checkout.error ?? portal.error };
}
