"use client";

import { KeyRound } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { browserSupportsWebAuthn, postSignIn, signWithPasskey } from "./passkey-client";

const noSubscription = () => () => {};

/** "Continue with a passkey": password-less sign-in, offered only where the browser supports WebAuthn. */
export function PasskeySignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Known only in the browser: the server (and hydration) render nothing, then the browser decides.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);
  if (!supported) return null;

  async function onClick() {
    setPending(true);
    setError(null);
    const signed = await signWithPasskey("/api/auth/passkey/options");
    if ("error" in signed) {
      setError(signed.error);
      setPending(false);
      return;
    }
    const answer = await postSignIn("/api/auth/passkey", { passkey: signed.assertion, callbackUrl }).catch(() => null);
    if (answer?.ok) {
      window.location.assign(answer.redirectTo ?? "/dashboard");
      return;
    }
    setError(answer?.message ?? "We could not reach BioSync. Check your connection and try again.");
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-2">
      <Button variant="outline" onClick={onClick} pending={pending} className="w-full">
        <KeyRound className="size-4" aria-hidden />
        Continue with a passkey
      </Button>
      {error ? <Alert variant="error">{error}</Alert> : null}
    </div>
  );
}
