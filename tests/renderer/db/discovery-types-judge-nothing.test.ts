// Discovery collects without judging: no score, priority, vote, rank or importance on its records.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createContactsRepository } from '../../../renderer/db/repositories/contacts-repository';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { schemaVersions } from '../../../renderer/db/schema/versions';
import type { Contact } from '../../../shared/domain/contact';
import type { Highlight } from '../../../shared/domain/highlight';
import type { ChannelFields, Note, NoteLink } from '../../../shared/domain/note';
import type { Survey, SurveyQuestion, SurveyResponse } from '../../../shared/domain/survey';
import { openTestDatabase } from './open-test-database';
import { createTestDependencies } from './create-test-dependencies';

const JUDGEMENT = /score|priorit|vote|rank|importan/i;
const DISCOVERY_TABLES = ['notes', 'highlights', 'contacts', 'surveys', 'surveyQuestions', 'surveyResponses'];

type JudgementWord = 'score' | 'priorit' | 'vote' | 'rank' | 'importan';
type JudgementKeys<T> = T extends unknown
  ? { [K in keyof T & string]: Lowercase<K> extends `${string}${JudgementWord}${string}` ? K : never }[keyof T & string]
  : never;

function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
}

describe('discovery records judge nothing', () => {
  it('has no judging field in the discovery types', () => {
    expectTypeOf<JudgementKeys<Note>>().toEqualTypeOf<never>();
    expectTypeOf<JudgementKeys<ChannelFields>>().toEqualTypeOf<never>();
    expectTypeOf<JudgementKeys<NoteLink>>().toEqualTypeOf<never>();
    expectTypeOf<JudgementKeys<Highlight>>().toEqualTypeOf<never>();
    expectTypeOf<JudgementKeys<Contact>>().toEqualTypeOf<never>();
    expectTypeOf<JudgementKeys<Survey | SurveyQuestion | SurveyResponse>>().toEqualTypeOf<never>();
  });

  it('indexes nothing judging in any version of the discovery tables', () => {
    for (const { stores } of schemaVersions) {
      for (const table of DISCOVERY_TABLES) expect(stores[table] ?? '').not.toMatch(JUDGEMENT);
    }
  });

  it('stores no judging key on notes and contacts the repositories build', async () => {
    const db = await openTestDatabase('judge-nothing');
    const dependencies = createTestDependencies();
    const note = await createNotesRepository(db, dependencies).create({
      channel: 'sla',
      title: 'Everything set',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'text' }] }] },
      occurredAt: 1,
      personIds: ['p'],
      teams: ['t'],
      organisation: 'o',
      tags: ['x'],
      links: [{ url: 'https://example.com', label: 'l' }],
      channelFields: { kind: 'sla', service: 's', metric: 'latency', expected: 'e', offered: 'o', measured: 'm' },
    });
    const contact = await createContactsRepository(db, dependencies).create({
      name: 'Ada',
      email: 'ada@example.com',
      team: 't',
      role: 'r',
      organisation: 'o',
    });
    const stored = [await db.notes.get(note.id), await db.contacts.get(contact.id)];
    expect(allKeys(stored).length).toBeGreaterThan(20);
    expect(allKeys(stored).filter((key) => JUDGEMENT.test(key))).toEqual([]);
  });
});
