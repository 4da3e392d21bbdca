import type { FakeReply, ReceivedRequest } from "../../../../ai/testing/fake-openai";

/** A fake model's valid answer to the recommendations prompt: "Narrative for <id>." for every item it was asked about. */
export function narrativeForEveryItem(request: ReceivedRequest): FakeReply {
  const facts = JSON.parse(request.body.messages?.[1]?.content ?? "{}") as { items?: { id: string }[] };
  return { content: JSON.stringify({ items: (facts.items ?? []).map((i) => ({ id: i.id, narrative: `Narrative for ${i.id}.` })) }) };
}
