import type { Card, PainBucket } from '../domain/board';
import { bucketEvidence } from '../domain/bucket-evidence';
import { CHANNELS } from '../domain/channel';
import { formatExportDate, type PainListEntry, type PainQuote } from './artifact-export-document';

/** Representative quotes shown per bucket. */
export const QUOTES_PER_BUCKET = 3;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The prioritized user-pain list from the board: ranked buckets first (by rank), then the rest in
 * the order they were made; each with its statement, kind of solution, evidence counts (see
 * bucketEvidence) and up to three representative quotes, highlights first, one per note.
 */
export function buildPainList(buckets: readonly PainBucket[], cards: readonly Pick<Card, 'bucketId' | 'source' | 'snapshot' | 'position'>[]): PainListEntry[] {
  const ordered = [...buckets].sort(
    (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
  return ordered.map((bucket) => {
    const own = cards.filter((card) => card.bucketId === bucket.id).sort((a, b) => a.position - b.position);
    const evidence = bucketEvidence(own);
    return {
      rank: bucket.rank ?? null,
      title: bucket.title,
      statement: bucket.statement,
      solutionKind: bucket.solutionKind,
      evidence: [
        plural(evidence.people, 'person', 'people'),
        plural(evidence.teams, 'team', 'teams'),
        plural(evidence.channels, 'channel', 'channels'),
        plural(evidence.notes, 'note', 'notes'),
      ],
      strength: evidence.strength,
      quotes: representativeQuotes(own),
    };
  });
}

function representativeQuotes(cards: readonly Pick<Card, 'source' | 'snapshot'>[]): PainQuote[] {
  const highlightsFirst = [...cards.filter((card) => card.source.kind === 'highlight'), ...cards.filter((card) => card.source.kind === 'note')];
  const quotes: PainQuote[] = [];
  const usedNotes = new Set<string>();
  for (const card of highlightsFirst) {
    if (quotes.length >= QUOTES_PER_BUCKET) break;
    if (usedNotes.has(card.source.noteId)) continue;
    const text = (card.snapshot.quote ?? card.snapshot.excerpt).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    usedNotes.add(card.source.noteId);
    const who = card.snapshot.people.join(', ') || card.snapshot.teams.join(', ') || card.snapshot.title.trim() || 'Untitled note';
    const channel = CHANNELS.find((entry) => entry.id === card.snapshot.channel)?.label ?? card.snapshot.channel;
    quotes.push({ text, attribution: `${who}, ${channel}, ${formatExportDate(card.snapshot.occurredAt)}` });
  }
  return quotes;
}
