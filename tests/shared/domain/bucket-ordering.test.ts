import { describe, expect, it } from 'vitest';
import type { Card, Initiative, PainBucket } from '../../../shared/domain/board';
import { isDifferentOrder, orderingRows, sortOrderingRows, type OrderingInput } from '../../../shared/domain/bucket-ordering';
import { rankedBucketsWithoutInitiative } from '../../../shared/domain/immediate-pain-split';

const bucket = (id: string, rank?: number): PainBucket => ({ id, roundId: 'r', title: id, statement: '', solutionKind: 'address', ...(rank === undefined ? {} : { rank }), createdAt: id.charCodeAt(0), updatedAt: 0 });
const card = (bucketId: string, noteId: string, channel: Card['snapshot']['channel'], personIds: string[]): Pick<Card, 'bucketId' | 'source' | 'snapshot'> => ({
  bucketId,
  source: { kind: 'note', noteId },
  snapshot: { title: noteId, excerpt: '', channel, occurredAt: 0, personIds, people: personIds, teams: [], tags: [] },
});
const initiative = (bucketIds: string[], effortWeeks: number, kind: Initiative['kind'] = 'immediate-pain') => ({ kind, effortWeeks, bucketIds });

// a is ranked first with 2 dots; b second with 5; c unranked with 3.
const input: OrderingInput = {
  buckets: [bucket('c'), bucket('b', 2), bucket('a', 1)],
  cards: [
    card('a', 'n1', 'coffee-chat', ['p1']),
    card('b', 'n2', 'coffee-chat', ['p1']),
    card('b', 'n3', 'survey-response', ['p2']),
    card('c', 'n4', 'coffee-chat', ['p3']),
    card('c', 'n5', 'coffee-chat', ['p4']),
    card('c', 'v1', 'cloud-vendor', []),
  ],
  votes: [
    { bucketId: 'a', participant: 'x', dots: 2 },
    { bucketId: 'b', participant: 'x', dots: 3 },
    { bucketId: 'b', participant: 'y', dots: 2 },
    { bucketId: 'c', participant: 'y', dots: 3 },
  ],
  areVotesRevealed: true,
  scores: [
    { bucketId: 'a', values: { reach: 5, severity: 5, frequency: 5 } },
    { bucketId: 'a', values: { reach: 1, severity: 5, frequency: 5 } },
    { bucketId: 'c', values: { reach: 3, severity: 3, frequency: 3 } },
  ],
  initiatives: [initiative(['a', 'b'], 4), initiative(['b'], 1), initiative([], 9, 'vision')],
};

const ids = (rows: ReturnType<typeof orderingRows>) => rows.map((row) => row.bucket.id);

describe('ordering buckets by votes, blind score, evidence and effort', () => {
  const rows = orderingRows(input);

  it('puts every measure side by side, in the current ranking', () => {
    expect(rows.map((row) => ({ id: row.bucket.id, dots: row.dots, voters: row.voters, score: row.score, scorers: row.scorers, widestSpread: row.widestSpread, strength: row.evidence.strength, effort: row.effortWeeks }))).toEqual([
      { id: 'a', dots: 2, voters: 1, score: 13 / 3, scorers: 2, widestSpread: 4, strength: 'single source', effort: 2 },
      { id: 'b', dots: 5, voters: 2, score: null, scorers: 0, widestSpread: 0, strength: 'across channels', effort: 3 },
      { id: 'c', dots: 3, voters: 1, score: 3, scorers: 1, widestSpread: 0, strength: 'several people', effort: null },
    ]);
  });

  it('sorts by each measure, most first (least effort first), missing values last, ties by the current ranking', () => {
    expect(ids(sortOrderingRows(rows, 'rank'))).toEqual(['a', 'b', 'c']);
    // A 2-dot bucket no longer sits above a 5-dot one.
    expect(ids(sortOrderingRows(rows, 'votes'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortOrderingRows(rows, 'score'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortOrderingRows(rows, 'evidence'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortOrderingRows(rows, 'effort'))).toEqual(['a', 'b', 'c']);
  });

  it('keeps votes out of every order while they are hidden', () => {
    const hidden = orderingRows({ ...input, areVotesRevealed: false });
    expect(hidden.map((row) => row.dots)).toEqual([null, null, null]);
    expect(ids(sortOrderingRows(hidden, 'votes'))).toEqual(['a', 'b', 'c']);
  });

  it('says whether an order would change the ranking', () => {
    expect(isDifferentOrder(sortOrderingRows(rows, 'votes'), input.buckets)).toBe(true);
    // c is unranked, so even the current order changes the ranking.
    expect(isDifferentOrder(rows, input.buckets)).toBe(true);
    const ranked = [bucket('a', 1), bucket('b', 2)];
    expect(isDifferentOrder(orderingRows({ ...input, buckets: ranked }), ranked)).toBe(false);
  });
});

describe('rankedBucketsWithoutInitiative', () => {
  it('flags ranked pains no immediate-pain initiative is planned for, in rank order', () => {
    const buckets = [bucket('a', 2), bucket('b', 1), bucket('c', 3), bucket('d')];
    expect(rankedBucketsWithoutInitiative(buckets, [initiative(['c'], 1), { kind: 'vision', bucketIds: ['a'] }]).map((entry) => entry.id)).toEqual(['b', 'a']);
  });
});
