import type { Contact } from '../../../shared/domain/contact';

/** The editable fields of a contact, as form values. */
export interface ContactFormValues {
  readonly name: string;
  readonly email: string;
  readonly team: string;
  readonly role: string;
  readonly organisation: string;
}

export const EMPTY_CONTACT_FORM: ContactFormValues = { name: '', email: '', team: '', role: '', organisation: '' };

export function contactFormValues(contact: Contact): ContactFormValues {
  return { name: contact.name, email: contact.email ?? '', team: contact.team ?? '', role: contact.role ?? '', organisation: contact.organisation ?? '' };
}

const FIELDS = [
  { key: 'name', label: 'Name', type: 'text' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'team', label: 'Team', type: 'text' },
  { key: 'role', label: 'Role', type: 'text' },
  { key: 'organisation', label: 'Organisation', type: 'text' },
] as const;

/** Name, email, team, role and organisation inputs. */
export function ContactFormFields({ values, onChange }: { readonly values: ContactFormValues; readonly onChange: (values: ContactFormValues) => void }) {
  return (
    <div className="stack">
      {FIELDS.map((field) => (
        <label key={field.key} className="field">
          <span className="field__label">
            {field.label}
            {field.key === 'name' ? ' *' : ''}
          </span>
          <input type={field.type} value={values[field.key]} required={field.key === 'name'} onChange={(event) => onChange({ ...values, [field.key]: event.target.value })} />
        </label>
      ))}
    </div>
  );
}
