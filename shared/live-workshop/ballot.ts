import { scoreSpread, SIMPLE_CRITERIA, type ScoreSpread } from '../domain/score';
import { tallyVotes, type VoteTally } from '../domain/workshop';

/** A participant's ballot as read from their document: dots per bucket and a score sheet. */
export interface Ballot {
  readonly dots: Readonly<Record<string, number>>;
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const EMPTY_BALLOT: Ballot = { dots: {}, scores: {} };

const isScoreValue = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/**
 * Keeps only what a ballot may say: whole dots on existing buckets, at most `budget` in all
 * (counted in bucket order, so an over-full ballot loses its last dots), and scores of 1 to 5 on
 * the simple criteria. A participant's document can hold anything; the tally reads only this.
 */
export function cleanBallot(raw: { readonly dots: Readonly<Record<string, unknown>>; readonly scores: Readonly<Record<string, unknown>> }, bucketIds: readonly string[], budget: number): Ballot {
  const dots: Record<string, number> = {};
  let left = budget;
  for (const bucketId of bucketIds) {
    const value = raw.dots[bucketId];
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || left <= 0) continue;
    dots[bucketId] = Math.min(value, left);
    left -= dots[bucketId];
  }
  const scores: Record<string, Record<string, number>> = {};
  for (const bucketId of bucketIds) {
    const sheet = raw.scores[bucketId];
    if (typeof sheet !== 'object' || sheet === null) continue;
    const values: Record<string, number> = {};
    for (const criterion of SIMPLE_CRITERIA) {
      const value: unknown = (sheet as Record<string, unknown>)[criterion];
      if (isScoreValue(value)) values[criterion] = value;
    }
    if (Object.keys(values).length > 0) scores[bucketId] = values;
  }
  return { dots, scores };
}

export function dotsUsed(ballot: Ballot): number {
  return Object.values(ballot.dots).reduce((sum, dots) => sum + dots, 0);
}

/** A fixed text form of a ballot, to tell whether it changed after it was tallied. */
export function ballotFingerprint(ballot: Ballot): string {
  const dots = Object.keys(ballot.dots).sort().map((id) => `${id}=${ballot.dots[id]}`);
  const scores = Object.keys(ballot.scores)
    .sort()
    .map((id) => `${id}=${SIMPLE_CRITERIA.map((criterion) => ballot.scores[id]?.[criterion] ?? '').join(',')}`);
  return `${dots.join(';')}|${scores.join(';')}`;
}

export interface LiveResults {
  readonly votes: readonly VoteTally[];
  readonly spreads: Readonly<Record<string, readonly ScoreSpread[]>>;
  /** Participants whose ballot was counted. */
  readonly counted: readonly string[];
}

/** The dot tally (every bucket kept, most dots first) and each bucket's score spread over ballots. */
export function tallyBallots(bucketIds: readonly string[], ballots: readonly { readonly participantId: string; readonly ballot: Ballot }[]): LiveResults {
  const votes = tallyVotes(
    bucketIds,
    ballots.flatMap(({ participantId, ballot }) => Object.entries(ballot.dots).map(([bucketId, dots]) => ({ bucketId, participant: participantId, dots }))),
  );
  const spreads: Record<string, readonly ScoreSpread[]> = {};
  for (const bucketId of bucketIds) {
    const sheets = ballots.flatMap(({ ballot }) => (ballot.scores[bucketId] ? [{ values: ballot.scores[bucketId] }] : []));
    if (sheets.length > 0) spreads[bucketId] = scoreSpread(sheets, SIMPLE_CRITERIA);
  }
  return { votes, spreads, counted: ballots.filter(({ ballot }) => dotsUsed(ballot) > 0 || Object.keys(ballot.scores).length > 0).map(({ participantId }) => participantId) };
}
