import type { Card } from './board';

/**
 * "One bucket per tag, then adjust": which cards go into which tag's bucket. Each card goes to the
 * one of its tags that most of the given cards share (a card sits in one bucket), ties broken by the
 * card's own tag order; cards without tags stay where they are. Tags compare case-insensitively and
 * keep the spelling met first. Buckets come out largest first, then by tag.
 */
export function groupCardsByTag(cards: readonly Card[]): readonly { readonly tag: string; readonly cardIds: readonly string[] }[] {
  const counts = new Map<string, number>();
  const spelling = new Map<string, string>();
  const tagsOf = (card: Card) => [...new Set(card.snapshot.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  for (const card of cards) {
    for (const tag of new Set(tagsOf(card).map((one) => one.toLowerCase()))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    for (const tag of tagsOf(card)) if (!spelling.has(tag.toLowerCase())) spelling.set(tag.toLowerCase(), tag);
  }
  const groups = new Map<string, string[]>();
  for (const card of cards) {
    let best: string | null = null;
    for (const tag of tagsOf(card).map((one) => one.toLowerCase())) if (best === null || (counts.get(tag) ?? 0) > (counts.get(best) ?? 0)) best = tag;
    if (best === null) continue;
    groups.set(best, [...(groups.get(best) ?? []), card.id]);
  }
  return [...groups.entries()]
    .map(([key, cardIds]) => ({ tag: spelling.get(key) ?? key, cardIds }))
    .sort((a, b) => b.cardIds.length - a.cardIds.length || a.tag.localeCompare(b.tag));
}
