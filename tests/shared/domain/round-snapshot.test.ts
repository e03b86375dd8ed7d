import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/domain/highlight';
import type { Note } from '../../../shared/domain/note';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';
import { excerptOf, snapshotCards } from '../../../shared/domain/round-snapshot';

const note = (id: string, fields: Partial<Note> = {}): Note => ({
  id,
  channel: 'coffee-chat',
  title: `Note ${id}`,
  body: EMPTY_RICH_TEXT_DOC,
  plainText: `Text of ${id}`,
  occurredAt: 10,
  personIds: [],
  teams: [],
  tags: [],
  links: [],
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

describe('round snapshot', () => {
  it('makes one card per note followed by its highlights, copying what the card shows', () => {
    let count = 0;
    const contacts = new Map([['p1', { name: 'Ada Lovelace', team: 'Payments' }]]);
    const notes = [
      note('n1', { personIds: ['p1', 'p-missing'], teams: ['Platform'], tags: ['ci'], title: '  ' }),
      note('n2', { channel: 'sla', channelFields: { kind: 'sla', service: 'CI', metric: 'latency', expected: '10 min', offered: '40 min' } }),
    ];
    const highlights: Highlight[] = [
      { id: 'h2', noteId: 'n1', quote: 'later', tags: ['flaky'], createdAt: 9, updatedAt: 9 },
      { id: 'h1', noteId: 'n1', quote: 'builds take 40 minutes', tags: [], createdAt: 5, updatedAt: 5 },
    ];
    const cards = snapshotCards('r1', notes, highlights, contacts, () => `c${(count += 1)}`);
    expect(cards.map((card) => [card.id, card.source, card.position])).toEqual([
      ['c1', { kind: 'note', noteId: 'n1' }, 0],
      ['c2', { kind: 'highlight', noteId: 'n1', highlightId: 'h1' }, 1],
      ['c3', { kind: 'highlight', noteId: 'n1', highlightId: 'h2' }, 2],
      ['c4', { kind: 'note', noteId: 'n2' }, 3],
    ]);
    expect(cards[0]?.snapshot).toEqual({
      title: 'Untitled note',
      excerpt: 'Text of n1',
      channel: 'coffee-chat',
      occurredAt: 10,
      personIds: ['p1', 'p-missing'],
      people: ['Ada Lovelace', 'Unknown person'],
      teams: ['Platform', 'Payments'],
      tags: ['ci'],
    });
    expect(cards[2]?.snapshot).toMatchObject({ quote: 'later', excerpt: 'later', tags: ['ci', 'flaky'] });
    expect(cards[3]?.snapshot.sla).toEqual({ service: 'CI', metric: 'latency', expected: '10 min', offered: '40 min', comparison: 'gap' });
    expect(cards.every((card) => card.bucketId === undefined && card.roundId === 'r1')).toBe(true);
  });

  it("shows the note's own words, not the channel template's prompt headings", () => {
    const chat = note('n1', { plainText: 'What are you working on?\nThe build farm\nWhat could we improve?\nBuilds take forty minutes' });
    const [card] = snapshotCards('r1', [chat], [], new Map(), () => 'c1');
    expect(card?.snapshot.excerpt).toBe('The build farm · Builds take forty minutes');
  });

  it('cuts long text at a word with an ellipsis', () => {
    expect(excerptOf('one two three four', 9)).toBe('one two…');
    expect(excerptOf('  short\n text ')).toBe('short text');
  });
});
