"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/** Verifies the address from the emailed link as soon as the page opens. */
export function VerifyEmailStatus({ token, signedIn }: { token: string | null; signedIn: boolean }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  const resend = useMutation(trpc.auth.requestVerificationEmail.mutationOptions());
  const started = useRef(false);
  const { mutate } = verify;

  useEffect(() => {
    // Tokens are single use: never send the same one twice (React may run effects twice in development).
    if (!token || started.current) return;
    started.current = true;
    mutate({ token });
  }, [token, mutate]);

  const continueHref = signedIn ? "/dashboard" : "/sign-in";
  if (verify.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success">
          Your email address <strong className="break-all">{verify.data.email}</strong> is verified.
        </Alert>
        <Button asChild className="w-full">
          <Link href={continueHref}>{signedIn ? "Continue to BioSync" : "Sign in"}</Link>
        </Button>
      </div>
    );
  }
  if (token && !verify.isError) return <Spinner label="Verifying your email address" className="mx-auto size-6" />;

  return (
    <div className="flex flex-col gap-4">
      <Alert variant="error">{verify.error?.message ?? "This link is incomplete. Open the link from the email again."}</Alert>
      {signedIn ? (
        <>
          <Button variant="outline" onClick={() => resend.mutate()} disabled={resend.isPending || resend.isSuccess}>
            {resend.isPending ? "Sending…" : "Send a new verification email"}
          </Button>
          <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
            {resend.isSuccess ? (resend.data.alreadyVerified ? "Your address is already verified." : "Sent. Check your inbox.") : resend.error?.message}
          </p>
        </>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/sign-in?callbackUrl=%2Fverify-email" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
            Sign in
          </Link>{" "}
          to get a new link.
        </p>
      )}
    </div>
  );
}
