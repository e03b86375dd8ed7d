import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isImportedAnswer } from '../../../shared/domain/imported-answer';
import type { Note } from '../../../shared/domain/note';
import { noteForm, useDatabase, useRepositories, type DeletedNote, type NoteDraft } from '../../db';
import { removeEvidenceHighlight } from '../../../shared/rich-text/remove-evidence-highlight';
import { isUntouchedTemplate, noteTemplate } from '../../../shared/rich-text/note-templates';
import { useUndo } from '../../components/undo-service';
import { UserError } from '../../../shared/errors/user-error';
import { NoteEditor } from '../../editor';
import { SaveStatus, useFormSave } from '../../forms';
import { DeleteNoteButton } from './delete-note-button';
import { NoteFields } from './note-fields';
import { NoteHighlights } from './note-highlights';
import { RecordHistory } from '../../sync/record-history';
import { forgetNewDraft, isNewDraft } from './new-note-drafts';

// A new draft left untouched is discarded after unmount; StrictMode's remount cancels it.
const pendingDiscards = new Map<string, ReturnType<typeof setTimeout>>();

interface NotePaneProps {
  readonly noteId: string;
  readonly onDeleted: (deleted: DeletedNote) => void;
}

/** Loads a note and hands it to the form once; from then on the form's draft is the truth. */
export function NotePane({ noteId, onDeleted }: NotePaneProps) {
  const { notes } = useRepositories();
  const note = useLiveQuery(async () => (await notes.get(noteId)) ?? null, [notes, noteId]);
  // The first version seen seeds the form; later versions only tell whether the note still exists.
  const [initial, setInitial] = useState<Note | null>(null);
  if (note && !initial) setInitial(note);

  if (note === undefined) return <p className="empty-pane" role="status">Opening the note…</p>;
  if (note === null && !initial) {
    return (
      <div className="empty-pane">
        <p className="empty-pane__title">This note does not exist</p>
        <p>It may have been deleted. Pick another note from the list.</p>
      </div>
    );
  }
  if (!initial) return null;
  return <NoteForm note={initial} isDeletedElsewhere={note === null} onDeleted={onDeleted} />;
}

function NoteForm({ note, isDeletedElsewhere, onDeleted }: { note: Note; isDeletedElsewhere: boolean; onDeleted: (deleted: DeletedNote) => void }) {
  const { notes, highlights } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const [isDeleted, setDeleted] = useState(false);
  const form = useFormSave({ store: noteForm, id: note.id, initial: note, isEnabled: !isDeleted });
  const { update: updateForm } = form;
  const draft = form.value;
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  // Bumped when the text changes outside the editor (a highlight removed), so the editor reloads it.
  const [bodyVersion, setBodyVersion] = useState(0);
  const undoService = useUndo();

  const update = useCallback(
    (changes: Partial<NoteDraft>) => {
      forgetNewDraft(note.id);
      updateForm((current) => ({ ...current, ...changes }));
    },
    [note.id, updateForm],
  );

  // Only a note created empty in this window and left untouched is discarded, with an undo.
  useEffect(() => {
    const pending = pendingDiscards.get(note.id);
    if (pending) clearTimeout(pending);
    pendingDiscards.delete(note.id);
    return () => {
      if (!isNewDraft(note.id) || isDeleted || isReadOnly) return;
      pendingDiscards.set(
        note.id,
        setTimeout(() => {
          pendingDiscards.delete(note.id);
          forgetNewDraft(note.id);
          void notes.delete(note.id).then((discarded) => {
            if (discarded === undefined) return;
            undoService.offer({
              label: 'Discarded the empty new note',
              undo: async () => {
                await notes.restore(discarded);
                void navigate(`/discovery/notes/${note.id}`);
              },
            });
          });
        }, 0),
      );
    };
  }, [note.id, isDeleted, notes, isReadOnly, undoService, navigate]);

  // A note still showing its channel's template takes the new channel's template when the channel
  // changes; anything written is never replaced.
  const updateFields = useCallback(
    (changes: Partial<NoteDraft>) => {
      const current = draftRef.current;
      if (changes.channel !== undefined && changes.channel !== current.channel && isUntouchedTemplate(current.body, current.channel)) {
        update({ ...changes, body: noteTemplate(changes.channel) });
        setBodyVersion((version) => version + 1);
        return;
      }
      update(changes);
    },
    [update],
  );

  const createHighlight = useCallback(
    async ({ quote }: { quote: string }) => {
      await form.flush();
      const highlight = await highlights.create({ noteId: note.id, quote });
      return highlight.id;
    },
    [form, highlights, note.id],
  );

  const removeHighlight = useCallback(
    async (highlightId: string) => {
      const removed = (await highlights.listForNote(note.id)).find((highlight) => highlight.id === highlightId);
      if (!removed) return;
      const body = draft.body;
      const stripped = removeEvidenceHighlight(body, highlightId);
      update({ body: stripped });
      setBodyVersion((version) => version + 1);
      await highlights.delete(highlightId);
      undoService.offer({
        label: `Removed the highlight “${removed.quote.slice(0, 40)}${removed.quote.length > 40 ? '…' : ''}”`,
        undo: async () => {
          // Undo only while the text is as the removal left it; later typing is never thrown away.
          if (draftRef.current.body !== stripped) throw new UserError('The note was edited after the highlight was removed, so it was left as it is. Select the text and highlight it again.');
          await highlights.restore(removed);
          update({ body });
          setBodyVersion((version) => version + 1);
        },
      });
    },
    [draft.body, highlights, note.id, undoService, update],
  );

  return (
    <article className="note" aria-label={draft.title.trim() || 'Untitled note'}>
      {isDeletedElsewhere && (
        <p className="notice notice--error" role="alert">
          This note was deleted in another window. Your text is still here; copy what you want to keep.
        </p>
      )}
      <div className="note__header">
        <input
          className="note__title"
          aria-label="Title"
          placeholder="Untitled note"
          value={draft.title}
          readOnly={isReadOnly}
          autoFocus={note.title === ''}
          onChange={(event) => update({ title: event.target.value })}
        />
        <div className="note__actions">
          <SaveStatus form={form} />
          <DeleteNoteButton
            noteTitle={draft.title}
            noteId={note.id}
            isDisabled={isReadOnly}
            onDeleted={(deleted) => {
              forgetNewDraft(note.id);
              setDeleted(true);
              onDeleted(deleted);
            }}
          />
        </div>
      </div>
      <NoteFields noteId={note.id} draft={draft} isReadOnly={isReadOnly} isChannelLocked={isImportedAnswer(note)} onChange={updateFields} />
      {note.channelFields?.kind === 'survey-response' && (
        <p className="note__source muted">
          An answer from a survey import. <Link to={`/surveys/${note.channelFields.surveyId}`}>Open the survey's results</Link>
        </p>
      )}
      <NoteEditor
        documentKey={`${note.id}:${bodyVersion}:${form.revision}`}
        content={draft.body}
        isReadOnly={isReadOnly}
        isTextLocked={isImportedAnswer(note)}
        ariaLabel="Note text"
        onChange={(body) => update({ body })}
        onCreateHighlight={createHighlight}
      />
      <NoteHighlights noteId={note.id} isReadOnly={isReadOnly} onRemove={(highlightId) => void removeHighlight(highlightId)} />
      <RecordHistory table="notes" recordKey={note.id} label="this note" />
    </article>
  );
}
