import type { MutationArgs, MutationName } from "../mutations";
import { formatHlc, tick, type Hlc } from "../hlc";
import type { Mutation, PullResult, PushResult } from "../protocol";
import type { callerFor } from "@/server/testing";

type Caller = ReturnType<typeof callerFor>;

/**
 * A device as the server sees it, for tests: a client group and client, numbered mutations with a
 * hybrid logical clock, and a cookie. `clockAt` pins its wall clock (to order concurrent edits).
 */
export class TestDevice {
  readonly clientGroupId: string;
  readonly clientId: string;
  cookie: string | null = null;
  private nextId = 1;
  private clock: Hlc;
  private queued: Mutation[] = [];

  constructor(
    private readonly caller: Caller,
    readonly name: string,
  ) {
    const suffix = `${name}-${Math.random().toString(36).slice(2, 10)}`;
    this.clientGroupId = `group-${suffix}`;
    this.clientId = `client-${suffix}`;
    this.clock = { wall: 0, counter: 0, node: name };
  }

  /** Queues a mutation (not sent until push); `base` is what this device saw in the fields it sets. */
  queue<N extends MutationName>(name: N, args: MutationArgs<N>, options: { base?: Record<string, unknown> | null; at?: number } = {}): Mutation {
    this.clock = tick(this.clock, options.at ?? Date.now());
    const mutation: Mutation = { id: this.nextId++, name, args, timestamp: formatHlc(this.clock), base: options.base };
    this.queued.push(mutation);
    return mutation;
  }

  /** Sends the queued mutations (or these), keeping them for a replay. */
  async push(mutations: Mutation[] = this.queued): Promise<PushResult> {
    const result = await this.caller.sync.push({ clientGroupId: this.clientGroupId, clientId: this.clientId, deviceLabel: this.name, mutations });
    this.queued = this.queued.filter((m) => m.id > result.lastMutationId);
    return result;
  }

  /** Pulls every page from the cookie on; the changes in order. */
  async pullAll(limit?: number): Promise<{ pages: PullResult[]; changes: PullResult["changes"] }> {
    const pages: PullResult[] = [];
    for (;;) {
      const page = await this.caller.sync.pull({ clientGroupId: this.clientGroupId, cookie: this.cookie, limit });
      pages.push(page);
      this.cookie = page.cookie;
      if (!page.more) break;
    }
    return { pages, changes: pages.flatMap((p) => p.changes) };
  }
}
