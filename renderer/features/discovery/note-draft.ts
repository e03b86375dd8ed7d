import type { Channel } from '../../../shared/domain/channel';
import { channelFieldsFromValues, channelFieldValues } from '../../../shared/domain/channel-fields';
import type { Note } from '../../../shared/domain/note';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import type { NoteChanges } from '../../db';

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
