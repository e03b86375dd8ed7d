import { describe, expect, it } from 'vitest';
import type { Card, PainBucket } from '../../../shared/domain/board';
import { buildPainList } from '../../../shared/export/build-pain-list';

const bucket = (id: string, rank: number | undefined, createdAt: number): PainBucket => ({
  id,
  roundId: 'r',
  title: `Bucket ${id}`,
  statement: `Statement ${id}`,
  solutionKind: 'eliminate',
  ...(rank === undefined ? {} : { rank }),
  createdAt,
  updatedAt: createdAt,
});

let position = 0;
const card = (
  bucketId: string | undefined,
  noteId: string,
  options: { highlightId?: string; people?: string[]; teams?: string[]; channel?: Card['snapshot']['channel']; quote?: string; excerpt?: string; sla?: Card['snapshot']['sla'] } = {},
): Card => ({
  id: `c${(position += 1)}`,
  roundId: 'r',
  ...(bucketId === undefined ? {} : { bucketId }),
  position,
  source: options.highlightId === undefined ? { kind: 'note', noteId } : { kind: 'highlight', noteId, highlightId: options.highlightId },
  snapshot: {
    title: `Note ${noteId}`,
    excerpt: options.excerpt ?? `Excerpt of ${noteId}`,
    channel: options.channel ?? 'coffee-chat',
    occurredAt: Date.UTC(2026, 2, 2),
    personIds: (options.people ?? []).map((name) => `p-${name}`),
    people: options.people ?? [],
    teams: options.teams ?? [],
    tags: [],
    ...(options.quote === undefined ? {} : { quote: options.quote }),
    ...(options.sla === undefined ? {} : { sla: options.sla }),
  },
});

describe('buildPainList', () => {
  it('lists ranked buckets by rank, then unranked ones in the order they were made', () => {
    const list = buildPainList([bucket('c', undefined, 2), bucket('b', 2, 1), bucket('a', 1, 3), bucket('d', undefined, 1)], []);
    expect(list.map((entry) => [entry.rank, entry.title])).toEqual([
      [1, 'Bucket a'],
      [2, 'Bucket b'],
      [null, 'Bucket d'],
      [null, 'Bucket c'],
    ]);
    expect(list[0]).toMatchObject({
      statement: 'Statement a',
      solutionKind: 'eliminate',
      evidence: ['0 people', '0 teams', '0 user channels', '0 user notes'],
      strength: 'no user evidence',
      slaGaps: [],
      quotes: [],
      marketQuotes: [],
    });
  });

  it('counts users’ evidence apart from the market’s and quotes users and the market separately, highlights first and one per note', () => {
    const cards = [
      card('a', 'n1', { people: ['Dana Lee'], teams: ['Payments'] }),
      card('a', 'n1', { highlightId: 'h1', people: ['Dana Lee'], teams: ['Payments'], quote: 'Deploys take an hour' }),
      card('a', 'n2', { people: ['Sam Ortiz'], teams: ['Search'], channel: 'survey-response', excerpt: '  I   wait for CI  ' }),
      card('a', 'n3', { channel: 'research', excerpt: 'Paper: deploy frequency' }),
      card('a', 'v1', { channel: 'cloud-vendor', people: ['Vera Vendor'], excerpt: 'Managed deploys in minutes' }),
      card('a', 'n4', { people: ['Kim'], excerpt: 'Fourth' }),
      card('a', 'n5', { people: ['Lou'], excerpt: 'Fifth' }),
      card('other', 'n9', { people: ['Zed'] }),
    ];
    const [entry] = buildPainList([bucket('a', 1, 1)], cards);
    expect(entry?.evidence).toEqual(['4 people', '2 teams', '2 user channels', '4 user notes', '2 market or research notes']);
    expect(entry?.strength).toBe('across channels');
    expect(entry?.quotes).toEqual([
      { text: 'Deploys take an hour', attribution: 'Dana Lee, Coffee chat, 2026-03-02' },
      { text: 'I wait for CI', attribution: 'Sam Ortiz, Survey response, 2026-03-02' },
      { text: 'Fourth', attribution: 'Kim, Coffee chat, 2026-03-02' },
    ]);
    // A vendor is cited by its page, never presented as a user.
    expect(entry?.marketQuotes).toEqual([
      { text: 'Paper: deploy frequency', attribution: 'Note n3, Research, 2026-03-02' },
      { text: 'Managed deploys in minutes', attribution: 'Note v1, Cloud vendor, 2026-03-02' },
    ]);
  });

  it('lists the bucket’s SLA gaps by the one SLA rule: its own SLA cards and attached ones, best effort and measurements included', () => {
    const sla = (offered: string | undefined, measured?: string) => ({
      service: 'Build cache',
      metric: 'availability' as const,
      expected: '99.95%',
      ...(offered === undefined ? {} : { offered }),
      ...(measured === undefined ? {} : { measured }),
      comparison: 'unknown' as const,
    });
    const cards = [
      card('a', 's1', { channel: 'sla', sla: sla('best effort') }),
      card('a', 's2', { channel: 'sla', sla: sla('99.99%', '99.8%') }),
      card('a', 's3', { channel: 'sla', sla: sla('99.99%', '99.99%') }),
      { ...card(undefined, 's4', { channel: 'sla', sla: sla(undefined) }), id: 'attached' },
    ];
    const [entry] = buildPainList([{ ...bucket('a', 1, 1), slaGapCardIds: ['attached', 'missing'] }], cards);
    expect(entry?.slaGaps).toEqual([
      'Build cache (availability): users expect 99.95%, offered best effort',
      'Build cache (availability): users expect 99.95%, offered 99.99%, measured 99.8%',
      'Build cache (availability): users expect 99.95%, nothing offered',
    ]);
  });
});
