import { describe, expect, it } from 'vitest';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { createSurveysRepository } from '../../../../renderer/db/repositories/surveys-repository';
import { writeSurveyImport } from '../../../../renderer/db/repositories/survey-import-writer';
import type { RichTextDoc } from '../../../../shared/domain/rich-text';
import { followUpChatBody } from '../../../../shared/surveys/follow-up-chat';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

async function importedResponse(label: string) {
  const db = await openTestDatabase(label);
  const deps = createTestDependencies();
  const summary = await writeSurveyImport(
    db,
    {
      title: 'Platform survey',
      sourceFileName: 'platform.csv',
      format: 'generic',
      questions: [{ key: 'pain', position: 0, text: 'What slows you down?', type: 'free-text' }],
      responses: [{ row: 2, respondentKey: 'r1', answersHash: 'h1', email: 'ada@example.com', name: 'Ada', answers: { pain: 'Flaky tests block merges' } }],
    },
    deps,
  );
  const [response] = await db.surveyResponses.toArray();
  if (response === undefined) throw new Error('no response');
  return { db, deps, surveyId: summary.surveyId, response };
}

const withLine = (doc: RichTextDoc, line: string): RichTextDoc => ({ ...doc, content: [...(doc.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: line }] }] });

describe('a follow-up coffee chat', () => {
  it('is planned with its note, and done only when that note is saved with more than it started with', async () => {
    const { db, deps, response } = await importedResponse('follow-up-done');
    const surveys = createSurveysRepository(db, deps);
    const notes = createNotesRepository(db, deps);
    const body = followUpChatBody({ surveyTitle: 'Platform survey', answers: [{ question: 'What slows you down?', answer: 'Flaky tests block merges' }], team: 'Checkout' });
    const note = await surveys.planFollowUpChat(response.id, { channel: 'coffee-chat', title: 'Follow-up with Ada', body, occurredAt: 1, personIds: response.contactId === undefined ? [] : [response.contactId] });
    if (note === undefined) throw new Error('no note');
    expect(note.plainText).toContain('Team: Checkout');
    expect(note.plainText).toContain('What slows you down?: Flaky tests block merges');
    expect(note.links.map((link) => link.url)).toEqual([`#/surveys/${response.surveyId}/respondents/${response.id}`]);

    const planned = await surveys.response(response.id);
    expect(planned?.followUp?.chatNoteId).toBe(note.id);
    expect(planned?.followUp?.doneAt).toBeUndefined();

    // Saving it as it started (a title change, the same text) does not make the chat happen.
    await notes.update(note.id, { title: 'Chat with Ada', body });
    expect((await surveys.response(response.id))?.followUp?.doneAt).toBeUndefined();

    await notes.update(note.id, { body: withLine(body, 'Merges wait for the nightly build.') });
    expect((await surveys.response(response.id))?.followUp?.doneAt).toEqual(expect.any(Number));
  });

  it('is not completed by another note that links the response', async () => {
    const { db, deps, response } = await importedResponse('follow-up-other-note');
    const surveys = createSurveysRepository(db, deps);
    const notes = createNotesRepository(db, deps);
    const body = followUpChatBody({ surveyTitle: 'Platform survey', answers: [] });
    await surveys.planFollowUpChat(response.id, { channel: 'coffee-chat', title: 'Planned', body, occurredAt: 1 });
    const other = await notes.create({ channel: 'coffee-chat', title: 'Other', body, occurredAt: 1, links: [{ url: `#/surveys/${response.surveyId}/respondents/${response.id}` }] });
    await notes.update(other.id, { body: withLine(body, 'Something else') });
    expect((await surveys.response(response.id))?.followUp?.doneAt).toBeUndefined();
  });

  it('lists the notes of a response by question, and makes a note of an answer kept as an answer only', async () => {
    const { db, deps, response } = await importedResponse('answer-notes');
    const surveys = createSurveysRepository(db, deps);
    const [question] = await db.surveyQuestions.toArray();
    const byQuestion = await surveys.answerNotes(response);
    expect([...byQuestion.keys()]).toEqual([question?.id]);
    await db.notes.clear();
    expect((await surveys.answerNotes(response)).size).toBe(0);
    const made = await surveys.noteOfAnswer(response.id, question?.id ?? '');
    expect(made?.plainText).toBe('Flaky tests block merges');
    expect((await surveys.noteOfAnswer(response.id, question?.id ?? ''))?.id).toBe(made?.id);
  });
});
