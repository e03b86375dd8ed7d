import { Dexie } from 'dexie';
import { contactNameKey, normaliseEmail, type Contact } from '../../../shared/domain/contact';
import type { Note } from '../../../shared/domain/note';
import type { Survey, SurveyAnswer, SurveyQuestion, SurveyResponse } from '../../../shared/domain/survey';
import { plainTextToRichText } from '../../../shared/rich-text/plain-text-to-rich-text';
import { exportedQuestionText } from '../../../shared/surveys/export-survey-results';
import { isFreeTextQuestion } from '../../../shared/surveys/free-text-questions';
import { UserError } from '../../../shared/errors/user-error';
import { mergeWordScales } from '../../../shared/surveys/survey-scale';
import { matchStoredResponses } from '../../../shared/surveys/match-stored-responses';
import type { PlannedQuestion, PlannedResponse } from '../../../shared/surveys/survey-import-plan';
import type { DiscoveryDb } from '../discovery-db';
import { toNote } from './notes-repository';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';

/** What to write: a new survey, or a newer export of an existing one (`surveyId`). */
export interface SurveyImportRequest {
  /** Set to add to an existing survey (a re-import); absent to create one. */
  readonly surveyId?: string;
  readonly title: string;
  readonly sourceFileName: string;
  readonly format: string;
  readonly questions: readonly PlannedQuestion[];
  readonly responses: readonly PlannedResponse[];
}

/** What an import did, for the summary the user sees. */
export interface SurveyImportSummary {
  readonly surveyId: string;
  /** Responses not stored before. */
  readonly added: number;
  /** Responses already stored with the same answers: left as they were. */
  readonly unchanged: number;
  /** Responses already stored whose answers differ in this file: their answers were replaced. */
  readonly changed: number;
  readonly questionsAdded: number;
  readonly contactsMatched: number;
  readonly contactsCreated: number;
  /** Free-text answers of added responses, each now a survey-response note. */
  readonly notesCreated: number;
  readonly responseCount: number;
}

export type SurveyImportStage = 'matching' | 'writing';

export interface SurveyImportProgress {
  readonly stage: SurveyImportStage;
  readonly done: number;
  readonly total: number;
}

export interface SurveyImportOptions extends RepositoryDependencies {
  readonly onProgress?: (progress: SurveyImportProgress) => void;
  /** Aborting rolls the whole import back: the transaction is aborted before it commits. */
  readonly signal?: AbortSignal;
  /** Rows per bulkAdd; progress is reported between chunks. */
  readonly chunkSize?: number;
}

/** The import was cancelled; nothing was written. */
export class SurveyImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; nothing was written.');
    this.name = 'SurveyImportCancelledError';
  }
}

/** Longest title a note made from a free-text answer gets from its question. */
const NOTE_TITLE_LENGTH = 120;

/**
 * Writes a planned survey import in ONE read-write transaction over every table it touches, so a
 * cancelled, failed or interrupted import (a reload, a crash, a full disk) leaves no trace.
 *
 * - A re-import adds only responses whose respondent key is new; stored responses with the same
 *   answers hash are counted unchanged; stored ones with another hash get the new answers (their
 *   notes, contact and follow-up mark are kept).
 * - Questions are matched to the survey's stored questions by key; new keys are appended.
 * - Respondents are matched to contacts by email, then by name when either side has no email (two
 *   different emails are two people even with one name); unmatched named respondents become contacts.
 * - Each free-text answer of an added response (a free-text question, or a grid row read as free
 *   text) not kept as answers only (`makesNotes: false`) becomes a survey-response note linked to the respondent's contact, the response and the question.
 */
export async function writeSurveyImport(
  db: DiscoveryDb,
  request: SurveyImportRequest,
  { clock = systemClock, newId = randomId, onProgress, signal, chunkSize = 5_000 }: SurveyImportOptions = {},
): Promise<SurveyImportSummary> {
  const checkCancelled = () => {
    if (signal?.aborted === true) throw new SurveyImportCancelledError();
  };
  checkCancelled();
  const tables = [db.surveys, db.surveyQuestions, db.surveyResponses, db.contacts, db.notes];
  return writeTransaction(db, tables, async () => {
    const now = clock();
    const existingSurvey = request.surveyId === undefined ? undefined : await db.surveys.get(request.surveyId);
    if (request.surveyId !== undefined && existingSurvey === undefined) {
      throw new UserError('The survey to add these responses to no longer exists. Import them as a new survey instead.');
    }
    const surveyId = existingSurvey?.id ?? newId();

    // Questions: stored ones by key, new ones appended after them.
    const storedQuestions = existingSurvey === undefined ? [] : await questionsOf(db, surveyId);
    const questionIdByKey = new Map<string, string>();
    for (const question of storedQuestions) if (question.key !== undefined) questionIdByKey.set(question.key, question.id);
    let nextPosition = storedQuestions.reduce((max, question) => Math.max(max, question.position + 1), 0);
    const newQuestions: SurveyQuestion[] = [];
    for (const planned of request.questions) {
      if (questionIdByKey.has(planned.key)) continue;
      const question = toSurveyQuestion(planned, surveyId, newId(), nextPosition);
      nextPosition += 1;
      newQuestions.push(question);
      questionIdByKey.set(planned.key, question.id);
    }
    // A word scale numbers only the points a file's answers use: stored and file points are brought
    // onto one numbering by their words, so "Satisfied" stays "Satisfied" whatever else was answered.
    const storedByKey = new Map(storedQuestions.flatMap((question) => (question.key === undefined ? [] : [[question.key, question] as const])));
    const filePoints = new Map<string, ReadonlyMap<number, number>>();
    const storedPoints = new Map<string, ReadonlyMap<number, number>>();
    const rescaledQuestions: SurveyQuestion[] = [];
    for (const planned of request.questions) {
      const storedQuestion = storedByKey.get(planned.key);
      if (storedQuestion?.scale === undefined || planned.scale === undefined) continue;
      const merged = mergeWordScales(storedQuestion.scale, planned.scale);
      if (merged === null) continue;
      filePoints.set(planned.key, merged.fromFile);
      if ([...merged.fromStored].some(([from, to]) => from !== to)) storedPoints.set(storedQuestion.id, merged.fromStored);
      rescaledQuestions.push({ ...storedQuestion, scale: merged.scale });
    }
    const questionById = new Map([...storedQuestions, ...newQuestions].map((question) => [question.id, question]));
    // Free-text questions the person kept as answers only: their answers make no note.
    const answersOnly = new Set(request.questions.flatMap((planned) => (planned.makesNotes === false ? [questionIdByKey.get(planned.key) ?? ''] : [])));

    // Responses already stored for this survey: matched by respondent key, else by their answers.
    const stored: { id: string; respondentKey: string; answersHash: string | undefined }[] = [];
    if (existingSurvey !== undefined) {
      await db.surveyResponses
        .where('[surveyId+respondentKey]')
        .between([surveyId, Dexie.minKey], [surveyId, Dexie.maxKey])
        .each((response) => {
          stored.push({ id: response.id, respondentKey: response.respondentKey, answersHash: response.answersHash });
        });
    }
    checkCancelled();

    const added: PlannedResponse[] = [];
    const changed: { id: string; planned: PlannedResponse }[] = [];
    let unchanged = 0;
    for (const [index, match] of matchStoredResponses(request.responses, stored).entries()) {
      const planned = request.responses[index];
      if (planned === undefined) continue;
      if (match.kind === 'added') added.push(planned);
      else if (match.kind === 'unchanged') unchanged += 1;
      else changed.push({ id: match.stored.id, planned });
    }

    const contacts = await matchContacts(db, added, { now, newId });
    checkCancelled();

    const responses: SurveyResponse[] = [];
    const notes: Note[] = [];
    for (const planned of added) {
      const contactId = contacts.contactIdOf(planned);
      const response: SurveyResponse = {
        id: newId(),
        surveyId,
        respondentKey: planned.respondentKey,
        ...(contactId === undefined ? {} : { contactId }),
        ...(planned.submittedAt === undefined ? {} : { submittedAt: planned.submittedAt }),
        answers: answersById(planned.answers, questionIdByKey, filePoints),
        answersHash: planned.answersHash,
      };
      responses.push(response);
      for (const [questionId, answer] of Object.entries(response.answers)) {
        const question = questionById.get(questionId);
        if (question === undefined || !isFreeTextQuestion(question) || answersOnly.has(questionId) || typeof answer !== 'string' || answer.trim() === '') continue;
        notes.push(
          toNote(
            newId(),
            {
              channel: 'survey-response',
              title: surveyAnswerNoteTitle(question),
              body: plainTextToRichText(answer),
              occurredAt: planned.submittedAt ?? now,
              personIds: contactId === undefined ? [] : [contactId],
              channelFields: { kind: 'survey-response', surveyId, responseId: response.id, questionId },
            },
            now,
            now,
          ),
        );
      }
    }

    const survey: Survey = {
      id: surveyId,
      title: existingSurvey?.title ?? (request.title.trim() || request.sourceFileName),
      sourceFileName: request.sourceFileName,
      format: request.format,
      importedAt: now,
      responseCount: stored.length + added.length,
      createdAt: existingSurvey?.createdAt ?? now,
      updatedAt: now,
    };

    const total = newQuestions.length + contacts.created.length + responses.length + changed.length + notes.length;
    let done = 0;
    const report = (count: number) => {
      done += count;
      onProgress?.({ stage: 'writing', done, total });
    };
    onProgress?.({ stage: 'writing', done, total });
    await db.surveys.put(survey);
    await db.surveyQuestions.bulkAdd(newQuestions);
    await db.surveyQuestions.bulkPut(rescaledQuestions);
    if (storedPoints.size > 0) {
      await db.surveyResponses
        .where('[surveyId+respondentKey]')
        .between([surveyId, Dexie.minKey], [surveyId, Dexie.maxKey])
        .modify((response, row) => {
          row.value = { ...response, answers: renumberPoints(response.answers, storedPoints) };
        });
    }
    report(newQuestions.length);
    for (const chunk of chunks(contacts.created, chunkSize)) {
      checkCancelled();
      await db.contacts.bulkAdd(chunk);
      report(chunk.length);
    }
    for (const chunk of chunks(responses, chunkSize)) {
      checkCancelled();
      await db.surveyResponses.bulkAdd(chunk);
      report(chunk.length);
    }
    for (const chunk of chunks(changed, chunkSize)) {
      checkCancelled();
      const rows = await db.surveyResponses.bulkGet(chunk.map((entry) => entry.id));
      const updated = rows.flatMap((row, index) => {
        const entry = chunk[index];
        if (row === undefined || entry === undefined) return [];
        return [{ ...row, answers: answersById(entry.planned.answers, questionIdByKey, filePoints), answersHash: entry.planned.answersHash }];
      });
      await db.surveyResponses.bulkPut(updated);
      report(chunk.length);
    }
    for (const chunk of chunks(notes, chunkSize)) {
      checkCancelled();
      await db.notes.bulkAdd(chunk);
      report(chunk.length);
    }
    // The last chance to cancel: after this the transaction commits.
    checkCancelled();
    return {
      surveyId,
      added: added.length,
      unchanged,
      changed: changed.length,
      questionsAdded: newQuestions.length,
      contactsMatched: contacts.matched,
      contactsCreated: contacts.created.length,
      notesCreated: notes.length,
      responseCount: survey.responseCount ?? 0,
    };
  });
}

async function questionsOf(db: DiscoveryDb, surveyId: string): Promise<SurveyQuestion[]> {
  return db.surveyQuestions.where('[surveyId+position]').between([surveyId, Dexie.minKey], [surveyId, Dexie.maxKey]).toArray();
}


function toSurveyQuestion(planned: PlannedQuestion, surveyId: string, id: string, position: number): SurveyQuestion {
  return {
    id,
    surveyId,
    position,
    key: planned.key,
    text: planned.text,
    type: planned.type,
    ...(planned.options === undefined ? {} : { options: planned.options }),
    ...(planned.scale === undefined ? {} : { scale: planned.scale }),
    ...(planned.gridTitle === undefined ? {} : { gridTitle: planned.gridTitle }),
    ...(planned.itemType === undefined ? {} : { itemType: planned.itemType }),
  };
}

/** A response's answers by question id; scale points of the file's numbering (`points`, by question key) on the stored one. */
function answersById(
  answers: Readonly<Record<string, SurveyAnswer>>,
  questionIdByKey: ReadonlyMap<string, string>,
  points: ReadonlyMap<string, ReadonlyMap<number, number>>,
): Record<string, SurveyAnswer> {
  const byId: Record<string, SurveyAnswer> = {};
  for (const [key, answer] of Object.entries(answers)) {
    const id = questionIdByKey.get(key);
    if (id === undefined || answer === null) continue;
    byId[id] = typeof answer === 'number' ? (points.get(key)?.get(answer) ?? answer) : answer;
  }
  return byId;
}

/** Stored answers with the scale points of some questions (by id) renumbered. */
function renumberPoints(answers: Readonly<Record<string, SurveyAnswer>>, points: ReadonlyMap<string, ReadonlyMap<number, number>>): Record<string, SurveyAnswer> {
  const renumbered: Record<string, SurveyAnswer> = { ...answers };
  for (const [id, map] of points) {
    const answer = answers[id];
    if (typeof answer === 'number') renumbered[id] = map.get(answer) ?? answer;
  }
  return renumbered;
}

interface ContactMatches {
  readonly matched: number;
  readonly created: readonly Contact[];
  contactIdOf(response: PlannedResponse): string | undefined;
}

/** One pass over the stored contacts (a directory, not a hot table), then in-memory matching. */
async function matchContacts(
  db: DiscoveryDb,
  responses: readonly PlannedResponse[],
  { now, newId }: { readonly now: number; readonly newId: () => string },
): Promise<ContactMatches> {
  const byEmail = new Map<string, string>();
  // Name matches only reach contacts without an email: a stored email that differs means another person.
  const byNameWithoutEmail = new Map<string, string>();
  const emailByName = new Map<string, Set<string>>();
  await db.contacts.each((contact) => {
    if (contact.email !== undefined && contact.email !== '') byEmail.set(contact.email, contact.id);
    else byNameWithoutEmail.set(contact.nameKey, contact.id);
    if (contact.email !== undefined && contact.email !== '') {
      const emails = emailByName.get(contact.nameKey) ?? new Set<string>();
      emails.add(contact.email);
      emailByName.set(contact.nameKey, emails);
    }
  });
  const created: Contact[] = [];
  const createdIds = new Set<string>();
  const idByResponse = new Map<PlannedResponse, string>();
  let matched = 0;
  const matchedContacts = new Set<string>();
  for (const response of responses) {
    const email = response.email === undefined ? '' : normaliseEmail(response.email);
    const name = response.name?.trim().replace(/\s+/g, ' ') ?? '';
    const nameKey = contactNameKey(name);
    let id = email === '' ? undefined : byEmail.get(email);
    if (id === undefined && name !== '') {
      const withoutEmail = byNameWithoutEmail.get(nameKey);
      const onlyEmail = emailByName.get(nameKey);
      // A respondent without an email matches a single stored person of that name.
      if (withoutEmail !== undefined) id = withoutEmail;
      else if (email === '' && onlyEmail?.size === 1) id = byEmail.get([...onlyEmail][0] ?? '');
    }
    if (id === undefined && (email !== '' || name !== '')) {
      const contact: Contact = {
        id: newId(),
        name: name === '' ? email : name,
        nameKey: contactNameKey(name === '' ? email : name),
        ...(email === '' ? {} : { email }),
        createdAt: now,
        updatedAt: now,
      };
      created.push(contact);
      createdIds.add(contact.id);
      id = contact.id;
      if (email !== '') byEmail.set(email, id);
      else byNameWithoutEmail.set(nameKey, id);
    } else if (id !== undefined && !createdIds.has(id) && !matchedContacts.has(id)) {
      matchedContacts.add(id);
      matched += 1;
    }
    if (id !== undefined) idByResponse.set(response, id);
  }
  return { matched, created, contactIdOf: (response) => idByResponse.get(response) };
}

function* chunks<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** The title of the note made from an answer: its question (a grid row with its grid), cut to 120 characters. */
export function surveyAnswerNoteTitle(question: SurveyQuestion): string {
  return truncate(exportedQuestionText(question), NOTE_TITLE_LENGTH);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
