import type { RichTextDoc, RichTextNode } from '../domain/rich-text';
import { noteTemplate } from '../rich-text/note-templates';
import { hashText } from './hash-text';

/** One answer that prompted a follow-up, as the chat note quotes it. */
export interface PromptingAnswer {
  readonly question: string;
  readonly answer: string;
}

export interface FollowUpChatInput {
  readonly surveyTitle: string;
  readonly answers: readonly PromptingAnswer[];
  readonly team?: string | undefined;
}

const text = (value: string): RichTextNode => ({ type: 'text', text: value });
const paragraph = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });

/**
 * The body a follow-up coffee chat starts with: the answers that prompted it (question in bold,
 * then what the respondent said), the person's team when known, then the coffee-chat prompts.
 */
export function followUpChatBody({ surveyTitle, answers, team }: FollowUpChatInput): RichTextDoc {
  const intro: RichTextNode[] = [{ type: 'heading', attrs: { level: 2 }, content: [text(`What they answered in ${surveyTitle}`)] }];
  if (team !== undefined && team.trim() !== '') intro.push(paragraph({ type: 'text', text: 'Team: ', marks: [{ type: 'bold' }] }, text(team.trim())));
  if (answers.length > 0) {
    intro.push({
      type: 'bulletList',
      content: answers.map((entry) => ({
        type: 'listItem',
        content: [paragraph({ type: 'text', text: `${entry.question}: `, marks: [{ type: 'bold' }] }, text(entry.answer))],
      })),
    });
  }
  return { type: 'doc', content: [...intro, ...(noteTemplate('coffee-chat').content ?? [])] };
}

/** A fingerprint of a chat note's text as it started: the follow-up is done once the saved text differs. */
export function chatStartHash(plainText: string): string {
  return hashText(plainText.trim());
}

/** Whether a follow-up chat note now holds more than it started with (the chat happened and was written down). */
export function isChatWritten(plainText: string, startHash: string): boolean {
  return plainText.trim() !== '' && chatStartHash(plainText) !== startHash;
}
