import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Contact } from '../../../shared/domain/contact';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useRepositories, type ContactChangeUndo } from '../../db';
import { describeImpact } from './describe-impact';
import { userMessage } from '../../errors/user-message';

/** Deletes a contact after showing what mentions them; notes are kept, only the person is taken out of them. */
export function DeleteContactDialog({ contact, isOpen, onClose }: { readonly contact: Contact; readonly isOpen: boolean; readonly onClose: (undo?: ContactChangeUndo) => void }) {
  const { people } = useRepositories();
  const dialogRef = useModalDialog(isOpen);
  const impact = useLiveQuery(() => (isOpen ? people.impactOf(contact.id) : Promise.resolve(undefined)), [people, contact.id, isOpen]);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setError(null);
    try {
      onClose(await people.delete(contact.id));
    } catch (caught) {
      setError(userMessage(caught, 'deleting the person'));
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="delete-contact-title" onClose={() => isOpen && onClose()}>
      <h2 id="delete-contact-title">Delete {contact.name}?</h2>
      {impact === undefined ? (
        <p className="muted">Counting what mentions them…</p>
      ) : (
        <>
          <p>
            {contact.name} is mentioned by {describeImpact(impact)}.
          </p>
          <ul>
            <li>The notes are kept; {contact.name} is removed from their people.</li>
            <li>Survey responses are kept, without a contact.</li>
            <li>Planned chats with {contact.name} are removed; workshop seats keep the name only.</li>
          </ul>
          <p className="muted">You can undo this right afterwards.</p>
        </>
      )}
      {error && (
        <p className="field__problem" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={() => onClose()}>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={impact === undefined} onClick={() => void remove()}>
          Remove from notes and delete
        </button>
      </div>
    </dialog>
  );
}
