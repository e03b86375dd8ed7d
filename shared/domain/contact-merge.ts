import { contactNameKey, type Contact } from './contact';

/** The fields a merge picks, each from one of the two contacts. */
export const MERGE_FIELDS = ['name', 'email', 'team', 'role', 'organisation', 'cadenceDays'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Which contact each field's value is taken from; fields left out take the kept one's, or the other's when the kept one has none. */
export type MergeChoices = Partial<Readonly<Record<MergeField, 'kept' | 'removed'>>>;

/**
 * The surviving contact of a merge: the kept contact's id and creation date, each field from the
 * side chosen for it (by default the kept one's value, else the removed one's), `updatedAt` now.
 */
export function mergeContacts(kept: Contact, removed: Contact, choices: MergeChoices, now: number): Contact {
  const pick = <F extends MergeField>(field: F): Contact[F] => {
    const choice = choices[field];
    if (choice === 'removed') return removed[field];
    if (choice === 'kept') return kept[field];
    const value = kept[field];
    return value === undefined || value === '' ? removed[field] : value;
  };
  const name = pick('name');
  const optional = (['email', 'team', 'role', 'organisation'] as const).flatMap((field) => {
    const value = pick(field);
    return value === undefined || value === '' ? [] : [[field, value] as const];
  });
  const cadenceDays = pick('cadenceDays');
  return {
    id: kept.id,
    name,
    nameKey: contactNameKey(name),
    ...Object.fromEntries(optional),
    ...(cadenceDays === undefined ? {} : { cadenceDays }),
    createdAt: Math.min(kept.createdAt, removed.createdAt),
    updatedAt: now,
  };
}

/** A list of contact ids with one replaced by another, each id once, order kept. */
export function replacePersonId(personIds: readonly string[], removedId: string, keptId: string): readonly string[] {
  const next: string[] = [];
  for (const id of personIds) {
    const replaced = id === removedId ? keptId : id;
    if (!next.includes(replaced)) next.push(replaced);
  }
  return next;
}

/** The fields on which two contacts differ (both set, to different values): what the merge dialog asks about. */
export function conflictingFields(a: Contact, b: Contact): readonly MergeField[] {
  return MERGE_FIELDS.filter((field) => {
    const left = a[field];
    const right = b[field];
    return left !== undefined && left !== '' && right !== undefined && right !== '' && left !== right;
  });
}
