import type { Channel } from '../domain/channel';
import { richTextToPlainText, type RichTextDoc, type RichTextNode } from '../domain/rich-text';

interface TemplatePrompt {
  readonly heading: string;
  /** What follows the heading: a paragraph to write in, or a list to collect items in. */
  readonly answer: 'paragraph' | 'list';
}

const ask = (heading: string): TemplatePrompt => ({ heading, answer: 'paragraph' });
const collect = (heading: string): TemplatePrompt => ({ heading, answer: 'list' });

// Prompts open questions only: discovery records what people say and never scores or ranks it.
const TEMPLATE_PROMPTS = {
  'coffee-chat': [ask('What are you working on?'), ask('What could we improve?'), ask('What would make your week easier?')],
  'email-check-in': [ask('What are you working on?'), ask('What could we improve?')],
  'survey-response': [],
  'discussion-group': [ask('The proposal'), ask('Reactions'), ask('Concerns'), ask('What would change their mind')],
  sla: [ask('What they rely on'), ask('What happens when it is late or down'), ask('What they expect')],
  'peer-company': [ask('How they approach it'), ask('What worked'), ask('What did not')],
  research: [ask('Key claims'), ask('Evidence'), ask('Relevance to us')],
  'open-source': [ask('What it does'), ask('State and trends'), ask("Could it solve our users' problem?")],
  'cloud-vendor': [ask('What it offers'), ask('Limits'), ask('Could it absorb the problem?')],
  brainstorm: [collect('Ideas'), collect('Open questions')],
} as const satisfies Readonly<Record<Channel, readonly TemplatePrompt[]>>;

/** The prompt headings of a channel's template, in order (empty for survey responses). */
export function noteTemplatePrompts(channel: Channel): readonly string[] {
  return TEMPLATE_PROMPTS[channel].map((prompt: TemplatePrompt) => prompt.heading);
}

/**
 * An editable starting body for a new note of a channel: one heading per prompt, each followed by
 * an empty paragraph (or an empty list) to write in. A fresh document on every call.
 */
export function noteTemplate(channel: Channel): RichTextDoc {
  const prompts: readonly TemplatePrompt[] = TEMPLATE_PROMPTS[channel];
  return { type: 'doc', content: prompts.flatMap(promptNodes) };
}

/**
 * Whether a body is still a channel's template as it was given: its prompts and nothing written
 * under them (empty paragraphs and list items are not writing). Changing the channel of such a note
 * swaps in the new channel's template; a body with anything written in it is kept as it is.
 */
export function isUntouchedTemplate(body: RichTextDoc, channel: Channel): boolean {
  const lines = richTextToPlainText(body)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const prompts = noteTemplatePrompts(channel);
  return lines.length === prompts.length && lines.every((line, index) => line === prompts[index]);
}

function promptNodes(prompt: TemplatePrompt): RichTextNode[] {
  const heading: RichTextNode = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: prompt.heading }] };
  const answer: RichTextNode =
    prompt.answer === 'list'
      ? { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }
      : { type: 'paragraph' };
  return [heading, answer];
}
