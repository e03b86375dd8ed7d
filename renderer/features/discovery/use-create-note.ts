import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Channel } from '../../../shared/domain/channel';
import { channelFieldsFromValues, channelFieldValues } from '../../../shared/domain/channel-fields';
import { noteTemplate } from '../../../shared/rich-text/note-templates';
import { useToast } from '../../components/toast';
import { StorageFullError, useDatabase, useRepositories } from '../../db';
import { markNewDraft } from './new-note-drafts';

/** What a failed "New note" says: what went wrong and what to do, never the raw error. */
export function noteNotCreatedMessage(error: unknown): string {
  // Every repository write turns a quota failure into StorageFullError (write-transaction.ts).
  return error instanceof StorageFullError
    ? 'Not created: your disk is full, so the new note could not be stored. Free some space, then create it again.'
    : 'Not created: the new note could not be stored. Try again; if it keeps failing, reload the app.';
}

/**
 * Starts a note in a channel (or the last-used one) with that channel's template and opens it.
 * It is a new draft of this window: left untouched, it is discarded when closed, with an undo (see NotePane).
 * The note is written in one transaction, so a failed create (a full disk) leaves nothing; it then
 * says so in a toast and stays where it was. Never rejects.
 */
export function useCreateNote(): (channel?: Channel) => Promise<void> {
  const { notes, settings } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const showToast = useToast();
  return useCallback(
    async (requested?: Channel) => {
      if (isReadOnly) return;
      let noteId: string;
      try {
        const channel = requested ?? (await settings.get('lastUsedChannel'));
        const fields = channelFieldsFromValues(channel, channelFieldValues(channel, undefined));
        const note = await notes.create({
          channel,
          title: '',
          body: noteTemplate(channel),
          occurredAt: Date.now(),
          ...(fields === undefined ? {} : { channelFields: fields }),
        });
        noteId = note.id;
        markNewDraft(note.id);
        // Remembering the channel is a convenience: the note is there even when this write fails.
        await settings.set('lastUsedChannel', channel).catch(() => undefined);
      } catch (error) {
        console.error('A new note could not be created', error);
        showToast({ message: noteNotCreatedMessage(error) });
        return;
      }
      await navigate(`/discovery/notes/${noteId}`, { state: { isNew: true } });
    },
    [isReadOnly, navigate, notes, settings, showToast],
  );
}
