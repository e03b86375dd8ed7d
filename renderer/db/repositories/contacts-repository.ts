import { contactNameKey, normaliseEmail, type Contact } from '../../../shared/domain/contact';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

export interface NewContact {
  readonly name: string;
  readonly email?: string;
  readonly team?: string;
  readonly role?: string;
  readonly organisation?: string;
}

/** Where the next page by name starts: just after this contact. */
export interface ContactCursor {
  readonly nameKey: string;
  readonly id: string;
}

export interface ContactPage {
  readonly contacts: readonly Contact[];
  /** Absent on the last page. */
  readonly next?: ContactCursor;
}

export interface ContactsRepository {
  create(input: NewContact): Promise<Contact>;
  get(id: string): Promise<Contact | undefined>;
  /** A page of contacts in name order (ignoring case). */
  listByName(options: { readonly limit: number; readonly after?: ContactCursor }): Promise<ContactPage>;
  /** The contact with this email (ignoring case and surrounding spaces), for matching imports. */
  findByEmail(email: string): Promise<Contact | undefined>;
  /** Contacts whose name starts with the text (ignoring case), in name order, for autocomplete. */
  searchByName(prefix: string, limit: number): Promise<readonly Contact[]>;
  /** The contacts with these ids, in the same order; missing ones are left out. */
  getMany(ids: readonly string[]): Promise<readonly Contact[]>;
}

const NAME_INDEX = '[nameKey+id]';

export function createContactsRepository(
  db: DiscoveryDb,
  { clock = systemClock, newId = randomId }: RepositoryDependencies = {},
): ContactsRepository {
  return {
    async create(input) {
      const name = input.name.trim();
      if (name === '') throw new UserError('A contact needs a name.');
      const email = input.email === undefined ? '' : normaliseEmail(input.email);
      const now = clock();
      const contact: Contact = {
        id: newId(),
        name,
        nameKey: contactNameKey(name),
        ...(email === '' ? {} : { email }),
        ...(input.team === undefined ? {} : { team: input.team }),
        ...(input.role === undefined ? {} : { role: input.role }),
        ...(input.organisation === undefined ? {} : { organisation: input.organisation }),
        createdAt: now,
        updatedAt: now,
      };
      await writeTransaction(db, [db.contacts], () => db.contacts.add(contact));
      return contact;
    },

    get: (id) => db.contacts.get(id),

    async listByName({ limit, after }) {
      if (!Number.isInteger(limit) || limit < 1) throw new UserError(`A page holds at least one contact, not ${limit}.`);
      const collection =
        after === undefined ? db.contacts.orderBy(NAME_INDEX) : db.contacts.where(NAME_INDEX).above([after.nameKey, after.id]);
      const rows = await collection.limit(limit + 1).toArray();
      const contacts = rows.slice(0, limit);
      const last = contacts.at(-1);
      return rows.length > limit && last !== undefined ? { contacts, next: { nameKey: last.nameKey, id: last.id } } : { contacts };
    },

    async findByEmail(email) {
      const key = normaliseEmail(email);
      return key === '' ? undefined : db.contacts.where('email').equals(key).first();
    },

    async searchByName(prefix, limit) {
      const key = contactNameKey(prefix);
      const collection = key === '' ? db.contacts.orderBy(NAME_INDEX) : db.contacts.where(NAME_INDEX).between([key, ''], [`${key}\uffff`, ''], true, false);
      return collection.limit(limit).toArray();
    },

    async getMany(ids) {
      const rows = await db.contacts.bulkGet([...ids]);
      return rows.filter((row): row is Contact => row !== undefined);
    },
  };
}
