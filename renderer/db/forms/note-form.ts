import type { Channel } from '../../../shared/domain/channel';
import { channelFieldsFromValues, channelFieldValues } from '../../../shared/domain/channel-fields';
import type { Note } from '../../../shared/domain/note';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import type { NoteChanges } from '../repositories/notes-repository';
import { isRecord, type FormStore } from './form-store';

/** Everything the note form edits, saved together by autosave. */
export interface NoteDraft {
  readonly channel: Channel;
  readonly title: string;
  readonly occurredAt: number;
  readonly personIds: readonly string[];
  readonly teams: readonly string[];
  readonly organisation: string;
  readonly tags: readonly string[];
  readonly fieldValues: Readonly<Record<string, string>>;
  readonly body: RichTextDoc;
}

export function draftFromNote(note: Note): NoteDraft {
  return {
    channel: note.channel,
    title: note.title,
    occurredAt: note.occurredAt,
    personIds: note.personIds,
    teams: note.teams,
    organisation: note.organisation ?? '',
    tags: note.tags,
    fieldValues: channelFieldValues(note.channel, note.channelFields),
    body: note.body,
  };
}

/**
 * The changes to save. Channels whose fields are not on the form (a survey response's link to its
 * survey, response and question) keep the stored fields while the note stays in that channel.
 */
export function changesFromDraft(draft: NoteDraft): NoteChanges {
  const fromForm = channelFieldsFromValues(draft.channel, draft.fieldValues);
  return {
    channel: draft.channel,
    title: draft.title.trim(),
    occurredAt: draft.occurredAt,
    personIds: draft.personIds,
    teams: draft.teams,
    organisation: draft.organisation.trim() === '' ? null : draft.organisation.trim(),
    tags: draft.tags,
    ...(fromForm === undefined && draft.channel === 'survey-response' ? {} : { channelFields: fromForm ?? null }),
    body: draft.body,
  };
}

function isNoteDraft(value: unknown): value is NoteDraft {
  if (!isRecord(value)) return false;
  const { channel, title, occurredAt, personIds, teams, organisation, tags, fieldValues, body } = value;
  const isStrings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    typeof channel === 'string' &&
    typeof title === 'string' &&
    typeof occurredAt === 'number' &&
    isStrings(personIds) &&
    isStrings(teams) &&
    typeof organisation === 'string' &&
    isStrings(tags) &&
    isRecord(fieldValues) &&
    isRecord(body) &&
    body.type === 'doc'
  );
}

// The repository cleans and checks every field (body included) on the way in.
export const noteForm: FormStore<Note, NoteDraft> = {
  kind: 'note',
  label: 'this note',
  read: ({ notes }, id) => notes.get(id),
  project: (note) =>
    note === undefined
      ? { channel: 'brainstorm', title: '', occurredAt: 0, personIds: [], teams: [], organisation: '', tags: [], fieldValues: {}, body: { type: 'doc', content: [] } }
      : draftFromNote(note),
  missingMessage: 'This note was deleted in another window; copy any text you want to keep.',
  write: ({ notes }, id, value) => notes.update(id, changesFromDraft(value)),
  revision: (note) => note.updatedAt,
  parse: (value) => (isNoteDraft(value) ? value : null),
};
