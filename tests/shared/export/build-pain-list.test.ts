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
const card = (bucketId: string, noteId: string, options: { highlightId?: string; people?: string[]; teams?: string[]; channel?: Card['snapshot']['channel']; quote?: string; excerpt?: string } = {}): Card => ({
  id: `c${(position += 1)}`,
  roundId: 'r',
  bucketId,
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
    expect(list[0]).toMatchObject({ statement: 'Statement a', solutionKind: 'eliminate', evidence: ['0 people', '0 teams', '0 channels', '0 notes'], strength: 'no evidence', quotes: [] });
  });

  it('counts distinct evidence and picks up to three quotes, highlights first and one per note', () => {
    const cards = [
      card('a', 'n1', { people: ['Dana Lee'], teams: ['Payments'] }),
      card('a', 'n1', { highlightId: 'h1', people: ['Dana Lee'], teams: ['Payments'], quote: 'Deploys take an hour' }),
      card('a', 'n2', { people: ['Sam Ortiz'], teams: ['Search'], channel: 'survey-response', excerpt: '  I   wait for CI  ' }),
      card('a', 'n3', { channel: 'research', excerpt: 'Paper: deploy frequency' }),
      card('a', 'n4', { people: ['Kim'], excerpt: 'Fourth' }),
      card('other', 'n9', { people: ['Zed'] }),
    ];
    const [entry] = buildPainList([bucket('a', 1, 1)], cards);
    expect(entry?.evidence).toEqual(['3 people', '2 teams', '3 channels', '4 notes']);
    expect(entry?.strength).toBe('across channels');
    expect(entry?.quotes).toEqual([
      { text: 'Deploys take an hour', attribution: 'Dana Lee, Coffee chat, 2026-03-02' },
      { text: 'I wait for CI', attribution: 'Sam Ortiz, Survey response, 2026-03-02' },
      { text: 'Paper: deploy frequency', attribution: 'Note n3, Research, 2026-03-02' },
    ]);
  });
});
