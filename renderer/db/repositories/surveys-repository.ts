import { Dexie } from 'dexie';
import type { Note } from '../../../shared/domain/note';
import type { Survey, SurveyQuestion, SurveyResponse } from '../../../shared/domain/survey';
import { plainTextToRichText } from '../../../shared/rich-text/plain-text-to-rich-text';
import { chatStartHash } from '../../../shared/surveys/follow-up-chat';
import { respondentPath } from '../../../shared/surveys/survey-routes';
import { matchQuestionKeys } from '../../../shared/surveys/match-question-keys';
import { matchStoredResponses } from '../../../shared/surveys/match-stored-responses';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { toNote, type NewNote } from './notes-repository';
import { surveyAnswerNoteTitle } from './survey-import-writer';
import { writeTransaction } from './write-transaction';

/** A stored survey a file looks like a newer export of, with the share of its questions found in the file. */
export interface SurveyMatch {
  readonly surveyId: string;
  readonly title: string;
  readonly responseCount: number;
  /** 0..1: stored question keys also in the file, or renamed slightly there. */
  readonly overlap: number;
  /** Questions renamed slightly since the stored import: the file's key → the stored question's key. */
  readonly renamedKeys?: Readonly<Record<string, string>>;
  /**
   * The file's responses against the stored ones (by respondent key: the response id, or without
   * one the email or the answers themselves): not stored yet, stored with the same answers, stored
   * with other answers. Absent when the file's answers could not be read with the guessed columns.
   */
  readonly responses?: { readonly added: number; readonly unchanged: number; readonly changed: number };
}

export interface SurveysRepository {
  /** Every survey, most recently imported first (a directory: tens, not thousands). */
  list(): Promise<readonly Survey[]>;
  get(id: string): Promise<Survey | undefined>;
  /** A survey's questions in column order. */
  questions(surveyId: string): Promise<readonly SurveyQuestion[]>;
  /** Stored surveys holding at least `threshold` of their question keys among `keys`, best first. */
  findByQuestionKeys(keys: ReadonlySet<string>, threshold: number): Promise<readonly SurveyMatch[]>;
  /**
   * The stored surveys holding any of these responses (by respondent key), with how many of the
   * file's responses each holds unchanged and changed, so a file whose questions were renamed or
   * that has no respondent key is still recognised by its content.
   */
  compareResponses(responses: readonly { readonly respondentKey: string; readonly answersHash: string }[], surveyIds: readonly string[]): Promise<ReadonlyMap<string, { readonly added: number; readonly unchanged: number; readonly changed: number }>>;
  /**
   * Hands a survey's responses to `visit` a page at a time, in respondent-key order: one getAll per
   * page instead of a cursor step per row (100,000 cursor steps take seconds in Chromium).
   */
  eachResponsePage(surveyId: string, visit: (page: readonly SurveyResponse[]) => void, pageSize?: number): Promise<void>;
  /** The responses with these ids, in the same order; missing ones are left out. */
  responses(ids: readonly string[]): Promise<readonly SurveyResponse[]>;
  /** Marks (or unmarks) a respondent "to follow up"; `done` records that the follow-up happened. */
  setFollowUp(responseId: string, state: 'marked' | 'done' | 'none'): Promise<SurveyResponse | undefined>;
  /**
   * Plans a coffee chat for a respondent in one transaction: writes the chat note (linked back to
   * the response) and links it from the follow-up (marking the respondent if needed). The follow-up
   * is done only when the note is saved with more than it starts with (see the notes repository).
   */
  planFollowUpChat(responseId: string, note: NewNote): Promise<Note | undefined>;
  /** One response with its survey's questions; undefined when either is gone. */
  response(responseId: string): Promise<SurveyResponse | undefined>;
  /** The survey-response notes made from this response's answers, by question id. */
  answerNotes(response: SurveyResponse): Promise<ReadonlyMap<string, Note>>;
  /** Makes a note of one free-text answer kept as an answer only (so it can be highlighted); returns the note. */
  noteOfAnswer(responseId: string, questionId: string): Promise<Note | undefined>;
}

const RESPONSE_INDEX = '[surveyId+respondentKey]';

export function createSurveysRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): SurveysRepository {
  const questions = (surveyId: string) =>
    db.surveyQuestions.where('[surveyId+position]').between([surveyId, Dexie.minKey], [surveyId, Dexie.maxKey]).toArray();
  const repository: SurveysRepository = {
    list: () => db.surveys.orderBy('importedAt').reverse().toArray(),
    get: (id) => db.surveys.get(id),
    questions,

    async findByQuestionKeys(keys, threshold) {
      const matches: SurveyMatch[] = [];
      const fileKeys = [...keys];
      for (const survey of await db.surveys.toArray()) {
        const withKeys = (await questions(survey.id)).filter((question) => question.key !== undefined);
        if (withKeys.length === 0) continue;
        // Questions renamed slightly between exports still count: matched by their words.
        const pairs = matchQuestionKeys(withKeys.map((question) => question.key ?? ''), fileKeys);
        const overlap = pairs.size / withKeys.length;
        const renamed = [...pairs].filter(([stored, file]) => stored !== file).map(([stored, file]) => [file, stored] as const);
        if (overlap >= threshold) {
          matches.push({
            surveyId: survey.id,
            title: survey.title,
            responseCount: survey.responseCount ?? 0,
            overlap,
            ...(renamed.length === 0 ? {} : { renamedKeys: Object.fromEntries(renamed) }),
          });
        }
      }
      return matches.sort((a, b) => b.overlap - a.overlap || a.title.localeCompare(b.title));
    },

    async compareResponses(responses, surveyIds) {
      const compared = new Map<string, { added: number; unchanged: number; changed: number }>();
      for (const surveyId of surveyIds) {
        const stored: { respondentKey: string; answersHash: string | undefined }[] = [];
        await repository.eachResponsePage(surveyId, (page) => {
          for (const row of page) stored.push({ respondentKey: row.respondentKey, answersHash: row.answersHash });
        });
        const counts = { added: 0, unchanged: 0, changed: 0 };
        for (const match of matchStoredResponses(responses, stored)) counts[match.kind] += 1;
        compared.set(surveyId, counts);
      }
      return compared;
    },

    async eachResponsePage(surveyId, visit, pageSize = 5_000) {
      let after: string | null = null;
      for (;;) {
        const lower = after === null ? [surveyId, Dexie.minKey] : [surveyId, after];
        const page: SurveyResponse[] = await db.surveyResponses
          .where(RESPONSE_INDEX)
          .between(lower, [surveyId, Dexie.maxKey], after === null, true)
          .limit(pageSize)
          .toArray();
        if (page.length > 0) visit(page);
        const last: SurveyResponse | undefined = page.at(-1);
        if (page.length < pageSize || last === undefined) return;
        after = last.respondentKey;
      }
    },

    async responses(ids) {
      const rows = await db.surveyResponses.bulkGet([...ids]);
      return rows.filter((row): row is SurveyResponse => row !== undefined);
    },

    planFollowUpChat(responseId, input) {
      return writeTransaction(db, [db.surveyResponses, db.notes], async () => {
        const response = await db.surveyResponses.get(responseId);
        if (response === undefined) return undefined;
        const now = clock();
        const link = { url: `#${respondentPath(response.surveyId, response.id)}`, label: 'The survey answers that prompted this chat' };
        const note = toNote(newId(), { ...input, links: [...(input.links ?? []), link] }, now, now);
        await db.notes.add(note);
        const followUp = { markedAt: response.followUp?.markedAt ?? now, chatNoteId: note.id, chatStartHash: chatStartHash(note.plainText) };
        await db.surveyResponses.put({ ...response, followUp });
        return note;
      });
    },

    response: (responseId) => db.surveyResponses.get(responseId),

    async answerNotes(response) {
      // Notes of a response share its respondent (a person index) or its date (the date index).
      const candidates =
        response.contactId !== undefined
          ? await db.notes.where('personIds').equals(response.contactId).toArray()
          : response.submittedAt !== undefined
            ? await db.notes.where('[occurredAt+id]').between([response.submittedAt, Dexie.minKey], [response.submittedAt, Dexie.maxKey]).toArray()
            : await db.notes.where('[channel+occurredAt+id]').between(['survey-response', Dexie.minKey, Dexie.minKey], ['survey-response', Dexie.maxKey, Dexie.maxKey]).toArray();
      const byQuestion = new Map<string, Note>();
      for (const note of candidates) {
        const fields = note.channelFields;
        if (fields?.kind === 'survey-response' && fields.responseId === response.id && fields.questionId !== undefined) byQuestion.set(fields.questionId, note);
      }
      return byQuestion;
    },

    noteOfAnswer(responseId, questionId) {
      return writeTransaction(db, [db.surveyResponses, db.surveyQuestions, db.notes], async () => {
        const response = await db.surveyResponses.get(responseId);
        const question = await db.surveyQuestions.get(questionId);
        const answer = response?.answers[questionId];
        if (response === undefined || question === undefined || typeof answer !== 'string' || answer.trim() === '') return undefined;
        const existing = (await repository.answerNotes(response)).get(questionId);
        if (existing !== undefined) return existing;
        const now = clock();
        const note = toNote(
          newId(),
          {
            channel: 'survey-response',
            title: surveyAnswerNoteTitle(question),
            body: plainTextToRichText(answer),
            occurredAt: response.submittedAt ?? now,
            personIds: response.contactId === undefined ? [] : [response.contactId],
            channelFields: { kind: 'survey-response', surveyId: response.surveyId, responseId, questionId },
          },
          now,
          now,
        );
        await db.notes.add(note);
        return note;
      });
    },

    setFollowUp(responseId, state) {
      return writeTransaction(db, [db.surveyResponses], async () => {
        const response = await db.surveyResponses.get(responseId);
        if (response === undefined) return undefined;
        const { followUp: previous, ...rest } = response;
        const now = clock();
        const updated: SurveyResponse =
          state === 'none'
            ? rest
            : { ...rest, followUp: state === 'marked' ? { markedAt: now } : { markedAt: previous?.markedAt ?? now, doneAt: now } };
        await db.surveyResponses.put(updated);
        return updated;
      });
    },
  };
  return repository;
}
