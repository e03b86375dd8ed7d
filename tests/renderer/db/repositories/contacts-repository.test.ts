import { UserError } from '../../../../shared/errors/user-error';
import { describe, expect, it } from 'vitest';
import { createContactsRepository, type ContactCursor } from '../../../../renderer/db/repositories/contacts-repository';
import { openTestDatabase } from '../open-test-database';
import { createTestDependencies } from '../create-test-dependencies';

describe('contacts repository', () => {
  it('creates a contact with a name key and a normalised email, and reads it back', async () => {
    const db = await openTestDatabase('contacts-create');
    const contacts = createContactsRepository(db, createTestDependencies(5000));
    const created = await contacts.create({ name: '  Ada   Lovelace ', email: ' Ada@Example.COM ', team: 'Payments', role: 'SRE' });
    expect(created).toEqual({
      id: 'id-000001',
      name: 'Ada   Lovelace',
      nameKey: 'ada lovelace',
      email: 'ada@example.com',
      team: 'Payments',
      role: 'SRE',
      createdAt: 5000,
      updatedAt: 5000,
    });
    expect(await contacts.get(created.id)).toEqual(created);
  });

  it('refuses a contact without a name', async () => {
    const db = await openTestDatabase('contacts-no-name');
    await expect(createContactsRepository(db).create({ name: '   ' })).rejects.toThrow(UserError);
  });

  it('finds a contact by email, ignoring case and surrounding spaces', async () => {
    const db = await openTestDatabase('contacts-email');
    const contacts = createContactsRepository(db, createTestDependencies());
    const ada = await contacts.create({ name: 'Ada', email: 'ada@example.com' });
    await contacts.create({ name: 'No email' });
    expect(await contacts.findByEmail(' ADA@example.com')).toEqual(ada);
    expect(await contacts.findByEmail('grace@example.com')).toBeUndefined();
    expect(await contacts.findByEmail('  ')).toBeUndefined();
  });

  it('pages contacts in name order regardless of case, without skipping namesakes', async () => {
    const db = await openTestDatabase('contacts-paging');
    const contacts = createContactsRepository(db, createTestDependencies());
    const names = ['bob', 'Alice', 'alice', 'Carol', 'ALICE', 'dave', 'Bob'];
    for (const name of names) await contacts.create({ name });

    const seen: string[] = [];
    let after: ContactCursor | undefined;
    do {
      const page = await contacts.listByName({ limit: 2, ...(after === undefined ? {} : { after }) });
      seen.push(...page.contacts.map((contact) => `${contact.name}/${contact.id}`));
      after = page.next;
    } while (after !== undefined);

    expect(seen).toEqual([
      'Alice/id-000002',
      'alice/id-000003',
      'ALICE/id-000005',
      'bob/id-000001',
      'Bob/id-000007',
      'Carol/id-000004',
      'dave/id-000006',
    ]);
  });
});
