"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SecondStepForm } from "@/components/two-factor/second-step-form";
import { CurrentPasswordField, EmailField } from "./credential-fields";
import { retryPhrase } from "./messages";
import { useCountdown } from "./use-countdown";

interface SignInFormProps {
  callbackUrl: string;
  /** A message carried in the URL (e.g. a refused Google sign-in). */
  initialError?: string | null;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[]; retryAfter?: number };
}

/** Email + password sign-in through /api/auth/sign-in (which throttles repeated failures). */
export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [throttled, setThrottled] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const blocked = useCountdown();
  // Set when the password was right and the account asks for a second step.
  const [secondStep, setSecondStep] = useState<{ methods: string[] } | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = "Enter your email address.";
    if (!password) missing.password = "Enter your password.";
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;

    setPending(true);
    setError(null);
    setThrottled(false);
    try {
      const response = await fetch("/api/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: email.trim(), password, callbackUrl }),
      });
      if (response.ok) {
        const body = (await response.json()) as { redirectTo?: string; secondStep?: { methods: string[] } };
        if (body.secondStep) {
          setSecondStep(body.secondStep);
          setPassword("");
          setPending(false);
          return;
        }
        // A full navigation, so every server component renders with the new session cookie.
        window.location.assign(body.redirectTo ?? "/dashboard");
        return;
      }
      const body = (await response.json().catch(() => ({}))) as ErrorBody;
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after") ?? body.error?.retryAfter ?? 60);
        blocked.start(seconds);
        setThrottled(true);
        setError(`Too many sign-in attempts. Try again ${retryPhrase(seconds)}.`);
      } else {
        setError(body.error?.message ?? "Signing in did not work. Try again.");
      }
      setPending(false);
    } catch {
      setError("We could not reach BioSync. Check your connection and try again.");
      setPending(false);
    }
  }

  const waiting = blocked.remaining > 0;
  if (secondStep) {
    return <SecondStepForm callbackUrl={callbackUrl} passkey={secondStep.methods.includes("passkey")} onRestart={() => setSecondStep(null)} />;
  }
  return (
    <form
      method="post"
      action="/api/auth/sign-in"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-describedby={error ? "sign-in-error" : undefined}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField autoComplete="username" value={email} onValueChange={setEmail} error={fieldErrors.email} autoFocus />
      <div className="flex flex-col gap-1">
        <CurrentPasswordField label="Password" name="password" value={password} onValueChange={setPassword} error={fieldErrors.password} />
        <Link href="/forgot-password" className="self-end text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
          Forgot password?
        </Link>
      </div>
      {error ? (
        <Alert variant="error" id="sign-in-error">
          {!throttled ? error : waiting ? `Too many sign-in attempts. Try again ${retryPhrase(blocked.remaining)}.` : "You can try signing in again now."}
        </Alert>
      ) : null}
      <Button type="submit" pending={pending} disabled={waiting} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
