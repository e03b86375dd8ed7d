import { useRef, useState } from 'react';
import { useRepositories, type DeletedNote } from '../../db';
import { userMessage } from '../../errors/user-message';

interface DeleteNoteButtonProps {
  readonly noteId: string;
  readonly noteTitle: string;
  readonly isDisabled: boolean;
  readonly onDeleted: (deleted: DeletedNote) => void;
}

/** Deletes a note after saying exactly what goes with it. */
export function DeleteNoteButton({ noteId, noteTitle, isDisabled, onDeleted }: DeleteNoteButtonProps) {
  const { notes, highlights } = useRepositories();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [highlightCount, setHighlightCount] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    setHighlightCount((await highlights.listForNote(noteId)).length);
    dialogRef.current?.showModal();
  };

  const confirm = async () => {
    try {
      const deleted = await notes.delete(noteId);
      dialogRef.current?.close();
      if (deleted) onDeleted(deleted);
    } catch (caught) {
      setError(userMessage(caught, 'deleting the note'));
    }
  };

  return (
    <>
      <button type="button" className="button button--small button--quiet" disabled={isDisabled} onClick={() => void open()}>
        Delete
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={`delete-${noteId}`}>
        <h2 id={`delete-${noteId}`}>Delete “{noteTitle.trim() || 'Untitled note'}”?</h2>
        <p>
          The note{highlightCount > 0 ? ` and its ${highlightCount} ${highlightCount === 1 ? 'highlight' : 'highlights'}` : ''} will be removed from
          this workspace. You can undo this for a few seconds afterwards.
        </p>
        {error && (
          <p className="field__problem" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" autoFocus onClick={() => dialogRef.current?.close()}>
            Keep the note
          </button>
          <button type="button" className="button button--danger" onClick={() => void confirm()}>
            Delete note
          </button>
        </div>
      </dialog>
    </>
  );
}
