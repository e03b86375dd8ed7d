import type { Card, PainBucket } from '../domain/board';
import { bucketEvidence, evidenceWords } from '../domain/bucket-evidence';
import { CHANNELS } from '../domain/channel';
import { evidenceOrigin } from '../domain/evidence-origin';
import { assessSla, describeSla } from '../domain/sla-gap';
import { formatExportDate, type PainListEntry, type PainQuote } from './artifact-export-document';

/** Representative quotes of users shown per bucket. */
export const QUOTES_PER_BUCKET = 3;
/** Quotes from the market and research shown per bucket, apart from users'. */
export const MARKET_QUOTES_PER_BUCKET = 2;

type PainCard = Pick<Card, 'id' | 'bucketId' | 'source' | 'snapshot' | 'position'>;

/**
 * The prioritized user-pain list from the board: ranked buckets first (by rank), then the rest in
 * the order they were made; each with its statement, kind of solution, users' evidence counts
 * and strength (see bucketEvidence), its SLA gaps (its own SLA cards and those attached to it that
 * assessSla calls a gap), up to three quotes of users, highlights first, one per note, and apart
 * from them up to two quotes from the market and research, attributed to their source, never to
 * a user.
 */
export function buildPainList(buckets: readonly PainBucket[], cards: readonly PainCard[]): PainListEntry[] {
  const ordered = [...buckets].sort(
    (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ordered.map((bucket) => {
    const own = cards.filter((card) => card.bucketId === bucket.id).sort((a, b) => a.position - b.position);
    const evidence = bucketEvidence(own);
    return {
      rank: bucket.rank ?? null,
      title: bucket.title,
      statement: bucket.statement,
      ...(bucket.solutionKind === undefined ? {} : { solutionKind: bucket.solutionKind }),
      evidence: evidenceWords(evidence),
      strength: evidence.strength,
      slaGaps: bucketSlaGaps(bucket, own, byId),
      quotes: representativeQuotes(own.filter((card) => evidenceOrigin(card.snapshot.channel) === 'users'), QUOTES_PER_BUCKET, true),
      marketQuotes: representativeQuotes(own.filter((card) => evidenceOrigin(card.snapshot.channel) === 'market'), MARKET_QUOTES_PER_BUCKET, false),
    };
  });
}

/** The worded SLA gaps of a bucket: its own SLA cards and the attached ones, each once, kept only when assessSla says gap. */
export function bucketSlaGaps(bucket: Pick<PainBucket, 'slaGapCardIds'>, own: readonly PainCard[], byId: ReadonlyMap<string, PainCard>): string[] {
  const candidates = [...own, ...(bucket.slaGapCardIds ?? []).flatMap((id) => byId.get(id) ?? [])];
  const seen = new Set<string>();
  const gaps: string[] = [];
  for (const card of candidates) {
    const sla = card.snapshot.sla;
    if (sla === undefined || seen.has(card.source.noteId) || !assessSla(sla).hasGap) continue;
    seen.add(card.source.noteId);
    gaps.push(describeSla(sla));
  }
  return gaps;
}

function representativeQuotes(cards: readonly PainCard[], limit: number, isUsers: boolean): PainQuote[] {
  const highlightsFirst = [...cards.filter((card) => card.source.kind === 'highlight'), ...cards.filter((card) => card.source.kind === 'note')];
  const quotes: PainQuote[] = [];
  const usedNotes = new Set<string>();
  for (const card of highlightsFirst) {
    if (quotes.length >= limit) break;
    if (usedNotes.has(card.source.noteId)) continue;
    const text = (card.snapshot.quote ?? card.snapshot.excerpt).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    usedNotes.add(card.source.noteId);
    const title = card.snapshot.title.trim() || 'Untitled note';
    // A vendor page or a paper is cited by its title, never by the people linked to it.
    const who = isUsers ? card.snapshot.people.join(', ') || card.snapshot.teams.join(', ') || title : title;
    const channel = CHANNELS.find((entry) => entry.id === card.snapshot.channel)?.label ?? card.snapshot.channel;
    quotes.push({ text, attribution: `${who}, ${channel}, ${formatExportDate(card.snapshot.occurredAt)}` });
  }
  return quotes;
}
