"use client";

import { buttonVariants } from "@/components/ui/button-variants";

interface ErrorPanelProps {
  error: Error & { digest?: string };
  onRetry: () => void;
  title?: string;
  /** Shown above the title (decorative); the root boundary goes without, to stay small. */
  icon?: React.ReactNode;
}

/**
 * What a route's error boundary shows: a plain explanation, a retry, and a way out. Plain elements
 * (not <Button> or next/link): the root boundary is part of every page's first load, and after an
 * error a full load of the home page is the surer way out.
 */
export function ErrorPanel({ error, onRetry, title = "Something went wrong", icon }: ErrorPanelProps) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      {icon}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        This page could not be loaded. Try again; if it keeps happening, come back in a few minutes.
      </p>
      {error.digest ? <p className="text-xs text-zinc-500">Reference: {error.digest}</p> : null}
      <div className="flex gap-2">
        <button type="button" className={buttonVariants()} onClick={onRetry}>
          Try again
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load is the way out after an error, and next/link would add its code to every page */}
        <a href="/" className={buttonVariants({ variant: "outline" })}>
          Home
        </a>
      </div>
    </div>
  );
}
