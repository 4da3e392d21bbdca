import { getDb } from "@/db";
import { checkUnsubscribeLink, unsubscribe } from "@/server/account/notifications/unsubscribe";
import { confirmPage, donePage } from "@/server/account/notifications/unsubscribe-page";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** The link in every notification email and its List-Unsubscribe header: works signed out. */
export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  return confirmPage(await checkUnsubscribeLink(await getDb(), token));
}

/** The page's button, and a mail client's one-click unsubscribe (RFC 8058). */
export async function POST(_request: Request, { params }: Params) {
  const { token } = await params;
  return donePage(await unsubscribe(await getDb(), token));
}
