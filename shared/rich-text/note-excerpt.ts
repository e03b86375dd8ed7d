import type { Channel } from '../domain/channel';
import { noteTemplatePrompts } from './note-templates';

/** A one-line preview of a note: its own words, without the channel template's prompt headings. */
export function noteExcerpt(channel: Channel, plainText: string, maxLength = 160): string {
  const prompts = new Set(noteTemplatePrompts(channel).map((prompt) => prompt.trim().toLowerCase()));
  return plainText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !prompts.has(line.toLowerCase()))
    .join(' · ')
    .slice(0, maxLength);
}
