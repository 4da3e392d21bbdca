import { EmailLayout, EmailText } from "@/components/emails/layout";

export interface PaymentFailedProps {
  planName: string;
  billingUrl: string;
  name?: string | null;
}

/** Sent when Stripe could not take a subscription's payment: the plan stays while Stripe retries. */
export default function PaymentFailed({ planName, billingUrl, name }: PaymentFailedProps) {
  return (
    <EmailLayout
      preview={`The payment for your BioSync ${planName} plan did not go through`}
      heading="Your payment did not go through"
      reason="You received this email because you subscribe to a paid BioSync plan."
      ignorable={false}
    >
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      <EmailText>
        We could not take the payment for your <strong>{planName}</strong> plan. You keep it while the payment is retried; update your payment method at {billingUrl} so that it
        does not end.
      </EmailText>
    </EmailLayout>
  );
}

PaymentFailed.PreviewProps = { planName: "Pro", billingUrl: "https://biosync.example/settings/plan", name: "Dana" } satisfies PaymentFailedProps;
