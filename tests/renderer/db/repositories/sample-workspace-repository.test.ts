import { describe, expect, it } from 'vitest';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { readNoteCounts } from '../../../../renderer/db/repositories/note-counts';
import { createSampleWorkspaceRepository } from '../../../../renderer/db/repositories/sample-workspace-repository';
import { createValidationRepository } from '../../../../renderer/db/repositories/validation-repository';
import { isSampleId, SAMPLE_TAG } from '../../../../shared/domain/sample-workspace';
import { plainTextToRichText } from '../../../../shared/rich-text/plain-text-to-rich-text';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

// What a person owns; the derived tables (search index, counts, logs, sync) are checked apart.
const OWN_TABLES = ['contacts', 'notes', 'highlights', 'surveys', 'surveyQuestions', 'surveyResponses', 'rounds', 'cards', 'buckets', 'votes', 'workshops', 'initiatives', 'artifacts', 'solutions', 'experiments', 'scores', 'settings', 'plannedChats'];

async function everyRow(db: DiscoveryDb): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const name of OWN_TABLES) rows[name] = await db.table(name).toArray();
  return rows;
}

async function seedOwnWork(db: DiscoveryDb) {
  const now = Date.UTC(2026, 10, 1);
  await db.contacts.add({ id: 'own-contact', name: 'Real Person', nameKey: 'real person', createdAt: now, updatedAt: now });
  const body = plainTextToRichText('Our own note about deploys');
  await db.notes.add({ id: 'own-note', channel: 'coffee-chat', title: 'My chat', body, plainText: 'Our own note about deploys', occurredAt: now, personIds: ['own-contact'], teams: [], tags: [], links: [], createdAt: now, updatedAt: now });
  await db.rounds.add({ id: 'own-round', title: 'My round', state: 'clustering', snapshotNoteIds: ['own-note'], snapshotHighlightIds: [], snapshotTakenAt: now, immediatePainTargetPercent: 70, createdAt: now, updatedAt: now });
  await db.buckets.add({ id: 'own-bucket', roundId: 'own-round', title: 'My bucket', statement: '', solutionKind: 'address', createdAt: now, updatedAt: now });
  await createValidationRepository(db, createTestDependencies()).createSolution('own-bucket', 'My solution');
}

describe('the sample workspace', () => {
  it('loads in one call, marked as sample, and is refused a second time', async () => {
    const db = await openTestDatabase('sample-load');
    const sample = createSampleWorkspaceRepository(db, createTestDependencies());
    expect(await sample.isLoaded()).toBe(false);
    await sample.load();
    expect(await sample.isLoaded()).toBe(true);
    const notes = await db.notes.toArray();
    expect(notes.length).toBeGreaterThan(3);
    expect(notes.every((note) => isSampleId(note.id) && note.tags.includes(SAMPLE_TAG))).toBe(true);
    expect(await db.buckets.count()).toBe(3);
    expect(await db.solutions.count()).toBeGreaterThan(0);
    expect((await db.surveys.toArray()).map((survey) => survey.title)).toEqual(['Sample: platform survey']);
    await expect(sample.load()).rejects.toThrow('loaded already');
  });

  it('is removed in one call, with what was added onto it, leaving the person’s own data exactly as it was', async () => {
    const db = await openTestDatabase('sample-remove');
    await seedOwnWork(db);
    const before = await everyRow(db);
    const countsBefore = await readNoteCounts(db);
    const sample = createSampleWorkspaceRepository(db, createTestDependencies());
    await sample.load();
    // The person works in the sample: a solution under a sample bucket, an experiment on it.
    let added = 0;
    const validation = createValidationRepository(db, { clock: () => Date.UTC(2026, 11, 1), newId: () => `person-made-${(added += 1)}` });
    const solution = await validation.createSolution('sample-bucket-flaky', 'Added on the sample');
    await validation.createExperiment(solution.id);

    expect(await sample.remove()).toBeGreaterThan(20);
    expect(await sample.isLoaded()).toBe(false);
    expect(await everyRow(db)).toEqual(before);
    expect(await readNoteCounts(db)).toEqual(countsBefore);
  });
});
