import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { ContactLinkSuggestion, LinkField } from '../../../shared/contacts/contact-link-suggestions';
import type { Contact } from '../../../shared/domain/contact';
import { contactForm, useRepositories, type ContactDraft } from '../../db';
import { SaveStatus, useFormSave } from '../../forms';
import { userMessage } from '../../errors/user-message';

const FIELDS = [
  { key: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { key: 'team', label: 'Team', type: 'text', autoComplete: 'off' },
  { key: 'role', label: 'Role', type: 'text', autoComplete: 'organization-title' },
  { key: 'organisation', label: 'Organisation', type: 'text', autoComplete: 'organization' },
] as const satisfies readonly { readonly key: keyof ContactDraft; readonly label: string; readonly type: string; readonly autoComplete: string }[];

const FIELD_LABELS: Readonly<Record<LinkField, string>> = { team: 'Team', role: 'Role', organisation: 'Organisation' };

/** Who the person is, edited in place and saved as you type (the one form save mechanism). */
export function ContactDetailsForm({ contact, isReadOnly }: { readonly contact: Contact; readonly isReadOnly: boolean }) {
  const id = useId();
  const form = useFormSave({ store: contactForm, id: contact.id, initial: contact });
  const { people } = useRepositories();
  const known = useLiveQuery(async () => ({ teams: await people.teams(), organisations: await people.organisations() }), [people]);
  return (
    <section className="panel contact-form" aria-labelledby={`${id}-title`}>
      <div className="contact-form__head">
        <h3 id={`${id}-title`}>Details</h3>
        {!isReadOnly && <SaveStatus form={form} />}
      </div>
      <div className="contact-form__fields">
        {FIELDS.map((field) => (
          <label key={field.key} className="field">
            <span className="field__label">
              {field.label}
              {field.key === 'name' ? ' *' : ''}
            </span>
            <input
              type={field.type}
              autoComplete={field.autoComplete}
              value={form.value[field.key]}
              readOnly={isReadOnly}
              required={field.key === 'name'}
              list={field.key === 'team' ? `${id}-teams` : field.key === 'organisation' ? `${id}-organisations` : undefined}
              onChange={(event) => {
                const value = event.target.value;
                form.update((current) => ({ ...current, [field.key]: value }));
              }}
            />
          </label>
        ))}
      </div>
      <datalist id={`${id}-teams`}>{known?.teams.map((team) => <option key={team.name} value={team.name} />)}</datalist>
      <datalist id={`${id}-organisations`}>{known?.organisations.map((organisation) => <option key={organisation.name} value={organisation.name} />)}</datalist>
      {!isReadOnly && <LinkSuggestions contact={contact} />}
    </section>
  );
}

/** What the person's notes and survey answers say about the fields left empty, each confirmed in one click. */
function LinkSuggestions({ contact }: { readonly contact: Contact }) {
  const { people } = useRepositories();
  const suggestions = useLiveQuery(() => people.linkSuggestions(contact.id), [people, contact.id, contact.updatedAt]);
  const [problem, setProblem] = useState<string | null>(null);
  if (suggestions === undefined || suggestions.length === 0) return null;
  const confirm = async (suggestion: ContactLinkSuggestion) => {
    setProblem(null);
    try {
      await people.update(contact.id, { [suggestion.field]: suggestion.value });
    } catch (error) {
      setProblem(userMessage(error, `saving the ${suggestion.field}`));
    }
  };
  return (
    <div className="contact-suggestions" role="group" aria-label="Suggested from notes and surveys">
      <p className="muted contact-suggestions__intro">Suggested from what {contact.name}’s notes and surveys say:</p>
      <ul className="contact-suggestions__list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.field} className="contact-suggestions__item">
            <span>
              {FIELD_LABELS[suggestion.field]}: <strong>{suggestion.value}</strong>{' '}
              <span className="muted">
                ({suggestion.count} {suggestion.count === 1 ? 'mention' : 'mentions'} in {suggestion.source})
              </span>
            </span>
            <button type="button" className="button button--small" onClick={() => void confirm(suggestion)} aria-label={`Use ${FIELD_LABELS[suggestion.field].toLowerCase()} ${suggestion.value}`}>
              Use
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
