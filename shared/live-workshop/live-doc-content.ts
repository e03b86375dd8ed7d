import type * as Y from 'yjs';
import type { ScoreSpread } from '../domain/score';
import type { VoteTally } from '../domain/workshop';
import { LIVE_PHASES, type LivePhase } from './live-documents';
import type { LiveCard } from './live-workshop-input';

/** The control document's settings, as every device reads them. */
export interface LiveSettings {
  readonly title: string;
  readonly phase: LivePhase;
  readonly budget: number;
  readonly areVotesRevealed: boolean;
  readonly areScoresRevealed: boolean;
  /** Server-clock epoch ms. */
  readonly timerEndsAt?: number | undefined;
  readonly timerPausedMs?: number | undefined;
  readonly isEnded: boolean;
  /** Bucket ids, most pressing first, once ranked. */
  readonly ranking: readonly string[];
}

export interface RosterEntry {
  readonly name: string;
  readonly isOnline: boolean;
  readonly hasVoted: boolean;
  readonly hasScored: boolean;
  /** Someone holds this seat (joined under this name); the facilitator can release it. */
  readonly hasJoined: boolean;
}

export interface LiveBucket {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
}

export interface RevealedResults {
  readonly votes: readonly VoteTally[] | null;
  readonly spreads: Readonly<Record<string, readonly ScoreSpread[]>> | null;
  /** Participants whose ballot changed or arrived after the reveal. */
  readonly late: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const optionalNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const stringList = (value: unknown): readonly string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function readSettings(doc: Y.Doc): LiveSettings {
  const settings = doc.getMap<unknown>('settings');
  const phase = settings.get('phase');
  return {
    title: String(settings.get('title') ?? ''),
    phase: LIVE_PHASES.find((candidate) => candidate === phase) ?? 'silent-review',
    budget: numberOr(settings.get('budget'), 5),
    areVotesRevealed: settings.get('areVotesRevealed') === true,
    areScoresRevealed: settings.get('areScoresRevealed') === true,
    timerEndsAt: optionalNumber(settings.get('timerEndsAt')),
    timerPausedMs: optionalNumber(settings.get('timerPausedMs')),
    isEnded: settings.get('isEnded') === true,
    ranking: stringList(settings.get('ranking')),
  };
}

export function readCards(doc: Y.Doc): readonly LiveCard[] {
  const cards: (LiveCard & { readonly order: number })[] = [];
  doc.getMap<unknown>('cards').forEach((value, id) => {
    if (!isRecord(value)) return;
    cards.push({ id, title: String(value.title ?? ''), excerpt: String(value.excerpt ?? ''), channel: String(value.channel ?? ''), occurredAt: numberOr(value.occurredAt, 0), people: String(value.people ?? ''), order: numberOr(value.order, 0) });
  });
  return cards.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)).map(({ order: _order, ...card }) => card);
}

export function readRoster(doc: Y.Doc): ReadonlyMap<string, RosterEntry> {
  const roster = new Map<string, RosterEntry>();
  doc.getMap<unknown>('roster').forEach((value, id) => {
    if (!isRecord(value)) return;
    roster.set(id, { name: String(value.name ?? ''), isOnline: value.isOnline === true, hasVoted: value.hasVoted === true, hasScored: value.hasScored === true, hasJoined: value.hasJoined === true });
  });
  return roster;
}

export function readResults(doc: Y.Doc): RevealedResults {
  const results = doc.getMap<unknown>('results');
  const votes = results.get('votes');
  const spreads = results.get('spreads');
  return { votes: Array.isArray(votes) ? (votes as VoteTally[]) : null, spreads: isRecord(spreads) ? (spreads as Record<string, ScoreSpread[]>) : null, late: stringList(results.get('late')) };
}

/** Buckets in creation order (ties by id, so every device lists them alike). */
export function readBuckets(doc: Y.Doc): readonly LiveBucket[] {
  const buckets: LiveBucket[] = [];
  doc.getMap<unknown>('buckets').forEach((value, id) => {
    if (!isRecord(value)) return;
    buckets.push({ id, title: String(value.title ?? '').slice(0, 300) || 'Untitled bucket', createdAt: numberOr(value.createdAt, 0) });
  });
  return buckets.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Card id to bucket id; a placement on a bucket that does not exist counts as ungrouped. */
export function readPlacements(doc: Y.Doc, bucketIds: ReadonlySet<string>): ReadonlyMap<string, string | null> {
  const placements = new Map<string, string | null>();
  doc.getMap<unknown>('placements').forEach((value, cardId) => placements.set(cardId, typeof value === 'string' && bucketIds.has(value) ? value : null));
  return placements;
}

export function readRawBallot(doc: Y.Doc): { readonly dots: Record<string, unknown>; readonly scores: Record<string, unknown> } {
  return { dots: doc.getMap<unknown>('dots').toJSON(), scores: doc.getMap<unknown>('scores').toJSON() };
}

export function writeDots(doc: Y.Doc, bucketId: string, dots: number): void {
  doc.getMap<number>('dots').set(bucketId, dots);
}

export function writeScore(doc: Y.Doc, bucketId: string, values: Readonly<Record<string, number>>): void {
  const scores = doc.getMap<unknown>('scores');
  const existing = scores.get(bucketId);
  scores.set(bucketId, { ...(isRecord(existing) ? existing : {}), ...values });
}

export function moveCard(doc: Y.Doc, cardId: string, bucketId: string | null): void {
  doc.getMap<string | null>('placements').set(cardId, bucketId);
}

export function createBucket(doc: Y.Doc, id: string, title: string, createdAt: number): void {
  doc.getMap<unknown>('buckets').set(id, { title: title.trim().slice(0, 300) || 'Untitled bucket', createdAt });
}
