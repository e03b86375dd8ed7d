import { useState, type FormEvent } from 'react';
import type { Contact } from '../../../shared/domain/contact';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useRepositories } from '../../db';
import { ContactFormFields, EMPTY_CONTACT_FORM } from './contact-form-fields';
import { userMessage } from '../../errors/user-message';

/** Creates one contact by hand. */
export function NewContactDialog({ isOpen, onClose }: { readonly isOpen: boolean; readonly onClose: (created?: Contact) => void }) {
  const { contacts } = useRepositories();
  const dialogRef = useModalDialog(isOpen);
  const [values, setValues] = useState(EMPTY_CONTACT_FORM);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (values.name.trim() === '') {
      setError('A contact needs a name.');
      return;
    }
    try {
      const trimmed = (text: string) => (text.trim() === '' ? undefined : text.trim());
      const optional = (['email', 'team', 'role', 'organisation'] as const).flatMap((key) => {
        const value = trimmed(values[key]);
        return value === undefined ? [] : [[key, value] as const];
      });
      const created = await contacts.create({ name: values.name, ...Object.fromEntries(optional) });
      setValues(EMPTY_CONTACT_FORM);
      onClose(created);
    } catch (caught) {
      setError(userMessage(caught, 'adding the person'));
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="new-contact-title" onClose={() => isOpen && onClose()}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="new-contact-title">New contact</h2>
        <ContactFormFields values={values} onChange={setValues} />
        {error && (
          <p className="field__problem" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Create contact
          </button>
        </div>
      </form>
    </dialog>
  );
}
