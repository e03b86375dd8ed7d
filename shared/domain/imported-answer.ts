import { UserError } from '../errors/user-error';
import type { Note } from './note';

/** Refused: a write that would change what a respondent said; its message reaches the person as it is. */
export class ImportedAnswerEditError extends UserError {
  override readonly name = 'ImportedAnswerEditError';
  constructor() {
    super('This is what a respondent wrote in a survey, so its text cannot be changed. Highlight or tag it, or write your own thoughts in another note.');
  }
}

/** Whether a note is a survey answer as imported: a survey-response note tied to its response and question. */
export function isImportedAnswer(note: Pick<Note, 'channelFields'>): boolean {
  return note.channelFields?.kind === 'survey-response' && note.channelFields.questionId !== undefined;
}

/**
 * Throws ImportedAnswerEditError when `next` would change an imported answer's text (its plain
 * text, so highlights and other marks may change) or take it out of its survey response. Title,
 * people, teams and tags stay editable.
 */
export function assertAnswerTextKept(stored: Pick<Note, 'channelFields' | 'plainText'>, next: Pick<Note, 'channelFields' | 'plainText'>): void {
  if (!isImportedAnswer(stored)) return;
  const before = stored.channelFields?.kind === 'survey-response' ? stored.channelFields : undefined;
  const after = next.channelFields?.kind === 'survey-response' ? next.channelFields : undefined;
  const isSameResponse = after !== undefined && after.responseId === before?.responseId && after.questionId === before.questionId;
  if (!isSameResponse || next.plainText !== stored.plainText) throw new ImportedAnswerEditError();
}
