import { Button } from "./button";

/** The "Load more" button under a paged list (an infinite query); nothing once the last page is in. */
export function LoadMore({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="flex justify-center">
      <Button variant="outline" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
        Load more
      </Button>
    </div>
  );
}
