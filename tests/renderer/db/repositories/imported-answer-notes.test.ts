import { describe, expect, it } from 'vitest';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { ImportedAnswerEditError } from '../../../../shared/domain/imported-answer';
import { isUserError } from '../../../../shared/errors/user-error';
import type { RichTextDoc } from '../../../../shared/domain/rich-text';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

const text = (value: string, marks?: RichTextDoc['content']): RichTextDoc => ({
  type: 'doc',
  content: marks ?? [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
});

const FIELDS = { kind: 'survey-response', surveyId: 's1', responseId: 'r1', questionId: 'q1' } as const;

describe('imported survey answers in the write path', () => {
  it('refuses a change to the answer text or its survey link, and takes highlights, tags, title and people', async () => {
    const db = await openTestDatabase('imported-answer-lock');
    const notes = createNotesRepository(db, createTestDependencies());
    const answer = await notes.create({ channel: 'survey-response', title: 'What slows you down?', body: text('Flaky tests'), occurredAt: 1, channelFields: FIELDS });

    await expect(notes.update(answer.id, { body: text('Flaky tests, fixed by me') })).rejects.toBeInstanceOf(ImportedAnswerEditError);
    await expect(notes.update(answer.id, { channel: 'coffee-chat', channelFields: null })).rejects.toBeInstanceOf(ImportedAnswerEditError);
    await expect(notes.update(answer.id, { channelFields: { ...FIELDS, questionId: 'q2' } })).rejects.toThrow(/cannot be changed/);
    expect((await notes.get(answer.id))?.plainText).toBe('Flaky tests');

    const highlighted = text('', [
      { type: 'paragraph', content: [{ type: 'text', text: 'Flaky', marks: [{ type: 'evidenceHighlight', attrs: { highlightId: 'h1' } }] }, { type: 'text', text: ' tests' }] },
    ]);
    const updated = await notes.update(answer.id, { body: highlighted, tags: ['ci'], title: 'Flaky tests', personIds: ['p1'] });
    expect(updated?.plainText).toBe('Flaky tests');
    expect(updated?.tags).toEqual(['ci']);
    expect(JSON.stringify(updated?.body)).toContain('evidenceHighlight');
  });

  it('leaves other notes, survey-response ones written by hand included, editable', async () => {
    const db = await openTestDatabase('imported-answer-free');
    const notes = createNotesRepository(db, createTestDependencies());
    const chat = await notes.create({ channel: 'coffee-chat', title: 'Chat', body: text('Hello'), occurredAt: 1 });
    expect((await notes.update(chat.id, { body: text('Hello again') }))?.plainText).toBe('Hello again');
    const typed = await notes.create({ channel: 'survey-response', title: 'Typed', body: text('A'), occurredAt: 1 });
    expect((await notes.update(typed.id, { body: text('B') }))?.plainText).toBe('B');
  });
});

describe('the refusal', () => {
  it('is an error meant for people, shown as it is', () => {
    expect(isUserError(new ImportedAnswerEditError())).toBe(true);
  });
});
