import type { Contact } from '../../../shared/domain/contact';
import { parseStrings, type FormStore } from './form-store';

/** What the contact form edits; the repository trims, checks and normalises each field. */
export interface ContactDraft {
  readonly name: string;
  readonly email: string;
  readonly team: string;
  readonly role: string;
  readonly organisation: string;
}

const FIELDS = ['name', 'email', 'team', 'role', 'organisation'] as const;

const orNull = (value: string) => (value.trim() === '' ? null : value);

export const contactForm: FormStore<Contact, ContactDraft> = {
  kind: 'contact',
  label: 'this person',
  read: ({ contacts }, id) => contacts.get(id),
  project: (contact) => ({
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    team: contact?.team ?? '',
    role: contact?.role ?? '',
    organisation: contact?.organisation ?? '',
  }),
  missingMessage: 'This person was merged or deleted in another window; copy any text you want to keep.',
  write: ({ people }, id, value) =>
    people.update(id, { name: value.name, email: orNull(value.email), team: orNull(value.team), role: orNull(value.role), organisation: orNull(value.organisation) }),
  revision: (contact) => contact.updatedAt,
  parse: (value) => parseStrings(value, FIELDS),
};
