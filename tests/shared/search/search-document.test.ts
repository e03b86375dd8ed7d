import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/domain/note';
import { searchDocumentFromNote } from '../../../shared/search/search-document';

const base: Note = {
  id: 'note-1',
  channel: 'sla',
  title: 'Storage SLA',
  body: { type: 'doc', content: [] },
  plainText: 'Teams expect more.',
  occurredAt: 42,
  personIds: ['c1', 'unknown', 'c2'],
  teams: ['payments'],
  organisation: 'Acme',
  tags: ['storage', 'sla'],
  links: [{ url: 'https://example.com/a', label: 'Dashboard' }, { url: 'https://example.com/b' }],
  channelFields: { kind: 'sla', service: 'Object storage', metric: 'availability', expected: '99.95%', offered: '99.9%' },
  createdAt: 1,
  updatedAt: 2,
};

describe('searchDocumentFromNote', () => {
  it('names the people it knows, and appends channel fields and link labels to the text', () => {
    const names = new Map([
      ['c1', 'Ana Souza'],
      ['c2', 'Jörg Berg'],
    ]);
    expect(searchDocumentFromNote(base, names)).toEqual({
      id: 'note-1',
      title: 'Storage SLA',
      text: 'Teams expect more.\nObject storage\navailability\n99.95%\n99.9%\nDashboard',
      tags: ['storage', 'sla'],
      people: ['Ana Souza', 'Jörg Berg'],
      teams: ['payments'],
      organisation: 'Acme',
      channel: 'sla',
      occurredAt: 42,
    });
  });

  it('keeps the plain text alone when there is nothing to add, and leaves identifiers out', () => {
    const plain = { ...base, links: [], personIds: [], organisation: undefined, channelFields: undefined } satisfies Omit<Note, 'organisation' | 'channelFields'> & {
      organisation: undefined;
      channelFields: undefined;
    };
    const { organisation: _organisation, channelFields: _channelFields, ...withoutOptional } = plain;
    expect(searchDocumentFromNote(withoutOptional, new Map())).toMatchObject({ text: 'Teams expect more.', people: [], organisation: '' });
    const survey: Note = { ...withoutOptional, channel: 'survey-response', channelFields: { kind: 'survey-response', surveyId: 's-1', responseId: 'r-1' } };
    expect(searchDocumentFromNote(survey, new Map()).text).toBe('Teams expect more.');
  });
});
