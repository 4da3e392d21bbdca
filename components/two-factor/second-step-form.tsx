"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { retryPhrase } from "@/components/auth/messages";
import { useCountdown } from "@/components/auth/use-countdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { postSignIn, signWithPasskey } from "./passkey-client";

interface SecondStepFormProps {
  callbackUrl: string;
  /** Whether the account has a passkey that can stand in for the code. */
  passkey: boolean;
  initialError?: string | null;
  /** Back to email and password (the ticket expired or the person wants to start over). */
  onRestart?: () => void;
}

/** The code step of a sign-in: a code from the authenticator app, a recovery code, or a passkey. */
export function SecondStepForm({ callbackUrl, passkey, initialError, onRestart }: SecondStepFormProps) {
  const [code, setCode] = useState("");
  const [pending, setPending] = useState<"code" | "passkey" | null>(null);
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [expired, setExpired] = useState(false);
  const blocked = useCountdown();

  async function finish(body: Record<string, unknown>) {
    try {
      const answer = await postSignIn("/api/auth/sign-in/second-factor", { ...body, callbackUrl });
      if (answer.ok) {
        window.location.assign(answer.redirectTo ?? "/dashboard");
        return;
      }
      if (answer.status === 429 && answer.retryAfter) blocked.start(answer.retryAfter);
      setExpired(answer.field === "ticket");
      setError(answer.message ?? "Signing in did not work. Try again.");
    } catch {
      setError("We could not reach BioSync. Check your connection and try again.");
    }
    setPending(null);
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError("Enter the code from your authenticator app, or a recovery code.");
      return;
    }
    setPending("code");
    setError(null);
    await finish({ code: code.trim() });
    setCode("");
  }

  async function answerWithPasskey() {
    setPending("passkey");
    setError(null);
    const signed = await signWithPasskey("/api/auth/sign-in/second-factor/passkey-options");
    if ("error" in signed) {
      setError(signed.error);
      setPending(null);
      return;
    }
    await finish({ passkey: signed.assertion });
  }

  const waiting = blocked.remaining > 0;
  return (
    <div className="flex flex-col gap-4">
      <form method="post" action="/api/auth/sign-in/second-factor" onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Two-step verification">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormField
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          spellCheck={false}
          maxLength={32}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        />
        {error ? (
          <Alert variant="error" role="alert">
            {waiting ? `Too many attempts. Try again ${retryPhrase(blocked.remaining)}.` : error}
          </Alert>
        ) : null}
        <Button type="submit" pending={pending === "code"} disabled={waiting || expired || pending !== null} className="w-full">
          {pending === "code" ? "Checking…" : "Verify"}
        </Button>
      </form>
      {passkey && !expired ? (
        <Button variant="outline" onClick={answerWithPasskey} pending={pending === "passkey"} disabled={waiting || pending !== null} className="w-full">
          <KeyRound className="size-4" aria-hidden />
          Use a passkey instead
        </Button>
      ) : null}
      {onRestart ? (
        <Button variant="ghost" onClick={onRestart} className="w-full">
          Start over
        </Button>
      ) : (
        <a href="/sign-in" className="text-center text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
          Start over
        </a>
      )}
    </div>
  );
}
