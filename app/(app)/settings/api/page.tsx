import { ApiTokensSettings } from "@/components/api-tokens/api-tokens-settings";
import { TOKEN_PAGE_SIZE } from "@/components/api-tokens/page-size";
import { requireUser } from "@/components/shell/session";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "API tokens" };

export default async function ApiSettingsPage() {
  await requireUser("/settings/api");
  await getQueryClient().prefetchInfiniteQuery(trpc.apiTokens.list.infiniteQueryOptions({ limit: TOKEN_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  return (
    <HydrateClient>
      <ApiTokensSettings />
    </HydrateClient>
  );
}
