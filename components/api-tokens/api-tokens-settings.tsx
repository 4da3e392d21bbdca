"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { KeySquare } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoadMore } from "@/components/ui/load-more";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { CreateTokenDialog } from "./create-token-dialog";
import { TOKEN_PAGE_SIZE } from "./page-size";
import { RevokeTokenDialog } from "./revoke-token-dialog";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: "read" | "write";
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  expired: boolean;
}

/** The user's personal API tokens for /api/v1: list, create (the secret shown once), revoke. */
export function ApiTokensSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(trpc.apiTokens.list.infiniteQueryOptions({ limit: TOKEN_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.pathKey() });
  const tokens = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle id="api-tokens-title">API tokens</CardTitle>
        <CardDescription>
          Personal tokens let your own scripts and apps read your data from the BioSync REST API (<code>/api/v1</code>, documented at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          ). Send one as <code>Authorization: Bearer …</code>. A read token can only read; a write token can also change your journal.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <CreateTokenDialog onCreated={refresh} />
        {list.isPending ? (
          <Skeleton className="h-16" />
        ) : list.isError ? (
          <Alert variant="error">{list.error.message}</Alert>
        ) : tokens.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No API tokens yet.</p>
        ) : (
          <ul aria-labelledby="api-tokens-title" className="flex flex-col divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {tokens.map((token) => (
              <TokenItem key={token.id} token={token} onRevoked={refresh} />
            ))}
          </ul>
        )}
        <LoadMore list={list} />
      </CardContent>
    </Card>
  );
}

function TokenItem({ token, onRevoked }: { token: TokenRow; onRevoked: () => void }) {
  return (
    <li aria-label={`API token: ${token.name}`} className="flex flex-wrap items-center gap-3 p-3">
      <KeySquare className="size-5 shrink-0 text-zinc-500" aria-hidden />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {token.name}
          <Badge variant={token.scope === "write" ? "warning" : "neutral"}>{token.scope}</Badge>
          {token.expired ? <Badge variant="danger">expired</Badge> : null}
        </span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          <code>{token.prefix}…</code> · created <RelativeTime date={token.createdAt} /> ·{" "}
          {token.lastUsedAt ? (
            <>
              last used <RelativeTime date={token.lastUsedAt} />
            </>
          ) : (
            "never used"
          )}
          {token.expiresAt && !token.expired ? (
            <>
              {" "}
              · expires <RelativeTime date={token.expiresAt} />
            </>
          ) : null}
        </span>
      </div>
      <RevokeTokenDialog token={token} onRevoked={onRevoked} />
    </li>
  );
}
