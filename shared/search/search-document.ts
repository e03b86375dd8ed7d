import type { Channel } from '../domain/channel';
import type { ChannelFields, Note } from '../domain/note';

/** What the search index knows of a note: its searchable text and what a result list shows. */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  /** The note's plain text, followed by its channel fields and link labels. */
  readonly text: string;
  readonly tags: readonly string[];
  /** Names of the people involved. */
  readonly people: readonly string[];
  readonly teams: readonly string[];
  readonly organisation: string;
  readonly channel: Channel;
  readonly occurredAt: number;
}

/**
 * Builds the search document of a note. People are named through `contactNamesById`; ids it does
 * not know are left out. Channel fields and link labels are searchable too, after the body text.
 */
export function searchDocumentFromNote(note: Note, contactNamesById: ReadonlyMap<string, string>): SearchDocument {
  const people: string[] = [];
  for (const personId of note.personIds) {
    const name = contactNamesById.get(personId);
    if (name !== undefined && name !== '') people.push(name);
  }
  const extras = [...channelFieldValues(note.channelFields), ...note.links.map((link) => link.label ?? '')].filter((value) => value.trim() !== '');
  return {
    id: note.id,
    title: note.title,
    text: extras.length === 0 ? note.plainText : `${note.plainText}\n${extras.join('\n')}`,
    tags: note.tags,
    people,
    teams: note.teams,
    organisation: note.organisation ?? '',
    channel: note.channel,
    occurredAt: note.occurredAt,
  };
}

// Identifiers and addresses are not words anyone searches for.
const UNSEARCHABLE_CHANNEL_FIELDS: ReadonlySet<string> = new Set(['kind', 'surveyId', 'responseId', 'questionId', 'url']);

// Generic over the fields, so a field added to a channel later is searchable without a change here.
function channelFieldValues(fields: ChannelFields | undefined): string[] {
  if (fields === undefined) return [];
  return Object.entries(fields).flatMap(([key, value]: [string, unknown]) =>
    !UNSEARCHABLE_CHANNEL_FIELDS.has(key) && typeof value === 'string' ? [value] : [],
  );
}
