import { describe, expect, it } from 'vitest';
import { changesFromDraft, draftFromNote } from '../../../../renderer/db/forms/note-form';
import type { Note } from '../../../../shared/domain/note';

const surveyNote: Note = {
  id: 'n1',
  channel: 'survey-response',
  title: 'What slows you down?',
  body: { type: 'doc', content: [] },
  plainText: '',
  occurredAt: 1,
  personIds: ['c1'],
  teams: [],
  tags: [],
  links: [],
  channelFields: { kind: 'survey-response', surveyId: 's1', responseId: 'r1', questionId: 'q1' },
  createdAt: 1,
  updatedAt: 1,
};

describe('changesFromDraft', () => {
  it('keeps a survey response note linked to its survey, response and question when it is edited', () => {
    const changes = changesFromDraft({ ...draftFromNote(surveyNote), title: 'Edited' });
    expect(changes.title).toBe('Edited');
    // Absent means "keep what is stored"; null would clear the link.
    expect('channelFields' in changes).toBe(false);
  });

  it('clears the survey link when the note is moved to another channel', () => {
    const changes = changesFromDraft({ ...draftFromNote(surveyNote), channel: 'coffee-chat' });
    expect(changes.channelFields).toBeNull();
  });

  it('saves form fields for channels that have them', () => {
    const draft = draftFromNote({ ...surveyNote, channel: 'peer-company', channelFields: { kind: 'peer-company', company: 'Acme' } });
    expect(changesFromDraft(draft).channelFields).toEqual({ kind: 'peer-company', company: 'Acme' });
  });
});
