import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Channel } from '../../../shared/domain/channel';
import { channelFieldsFromValues, channelFieldValues } from '../../../shared/domain/channel-fields';
import { noteTemplate } from '../../../shared/rich-text/note-templates';
import { useDatabase, useRepositories } from '../../db';
import { markNewDraft } from './new-note-drafts';

/**
 * Starts a note in a channel (or the last-used one) with that channel's template and opens it.
 * It is a new draft of this window: left untouched, it is discarded when closed, with an undo (see NotePane).
 */
export function useCreateNote(): (channel?: Channel) => Promise<void> {
  const { notes, settings } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  return useCallback(
    async (requested?: Channel) => {
      if (isReadOnly) return;
      const channel = requested ?? (await settings.get('lastUsedChannel'));
      const fields = channelFieldsFromValues(channel, channelFieldValues(channel, undefined));
      const note = await notes.create({
        channel,
        title: '',
        body: noteTemplate(channel),
        occurredAt: Date.now(),
        ...(fields === undefined ? {} : { channelFields: fields }),
      });
      markNewDraft(note.id);
      await settings.set('lastUsedChannel', channel);
      await navigate(`/discovery/notes/${note.id}`, { state: { isNew: true } });
    },
    [isReadOnly, navigate, notes, settings],
  );
}
