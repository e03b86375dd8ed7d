import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain/contact';
import { conflictingFields, mergeContacts, replacePersonId } from '../../../shared/domain/contact-merge';

const ada: Contact = { id: 'a', name: 'Ada Lovelace', nameKey: 'ada lovelace', email: 'ada@example.com', team: 'Payments', createdAt: 20, updatedAt: 20 };
const adaDuplicate: Contact = { id: 'b', name: 'A. Lovelace', nameKey: 'a. lovelace', team: 'Billing', role: 'SRE', organisation: 'Finance', cadenceDays: 30, createdAt: 10, updatedAt: 10 };

describe('merging contacts', () => {
  it('keeps the kept id, fills its empty fields from the other, and keeps the older creation date', () => {
    expect(mergeContacts(ada, adaDuplicate, {}, 99)).toEqual({
      id: 'a',
      name: 'Ada Lovelace',
      nameKey: 'ada lovelace',
      email: 'ada@example.com',
      team: 'Payments',
      role: 'SRE',
      organisation: 'Finance',
      cadenceDays: 30,
      createdAt: 10,
      updatedAt: 99,
    });
  });

  it('takes each chosen field from the side chosen, including an empty one', () => {
    const merged = mergeContacts(ada, adaDuplicate, { name: 'removed', team: 'removed', email: 'removed', role: 'kept' }, 99);
    expect(merged).toMatchObject({ id: 'a', name: 'A. Lovelace', nameKey: 'a. lovelace', team: 'Billing' });
    expect(merged.email).toBeUndefined();
    expect(merged.role).toBeUndefined();
  });

  it('lists the fields both set differently', () => {
    expect(conflictingFields(ada, adaDuplicate)).toEqual(['name', 'team']);
  });

  it('replaces the removed id in a note’s people without listing anyone twice', () => {
    expect(replacePersonId(['x', 'b', 'y'], 'b', 'a')).toEqual(['x', 'a', 'y']);
    expect(replacePersonId(['a', 'b'], 'b', 'a')).toEqual(['a']);
    expect(replacePersonId(['x'], 'b', 'a')).toEqual(['x']);
  });
});
