import { describe, expect, it } from 'vitest';
import { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { schemaV1 } from '../../../../renderer/db/schema/v1';
import {
  CURRENT_SCHEMA_VERSION,
  latestSchemaVersion,
  schemaVersionOfNativeVersion,
  schemaVersions,
} from '../../../../renderer/db/schema/versions';

describe('schema versions', () => {
  // Any schema change must show up here and be accepted on purpose (vitest -u), together with a
  // new version file and its upgrade test.
  it('matches the snapshot of every version', () => {
    const snapshot = schemaVersions.map(({ version, stores, upgrade }) => ({ version, stores, hasUpgrade: upgrade !== undefined }));
    expect(snapshot).toMatchInlineSnapshot(`
      [
        {
          "hasUpgrade": false,
          "stores": {
            "artifacts": "id, &[roundId+kind], kind",
            "buckets": "id, roundId",
            "cards": "id, roundId, bucketId",
            "contacts": "id, [nameKey+id], email, team, organisation",
            "experiments": "id, solutionId",
            "highlights": "id, noteId, *tags",
            "initiatives": "id, roundId",
            "meta": "key",
            "notes": "id, [occurredAt+id], updatedAt, [channel+occurredAt+id], *tags, *personIds, *teams, organisation",
            "rounds": "id, updatedAt",
            "settings": "key",
            "solutions": "id, bucketId",
            "surveyQuestions": "id, [surveyId+position]",
            "surveyResponses": "id, &[surveyId+respondentKey], contactId",
            "surveys": "id, importedAt",
            "votes": "id, [roundId+participant], bucketId",
          },
          "version": 1,
        },
        {
          "hasUpgrade": false,
          "stores": {
            "searchIndex": "key",
          },
          "version": 2,
        },
        {
          "hasUpgrade": false,
          "stores": {
            "surveyPlans": "id, updatedAt",
          },
          "version": 3,
        },
        {
          "hasUpgrade": false,
          "stores": {
            "plannedChats": "id, plannedFor, contactId",
            "scores": "id, [roundId+scorer], bucketId",
            "workshops": "id, roundId",
          },
          "version": 4,
        },
        {
          "hasUpgrade": false,
          "stores": {
            "errorLog": "id, loggedAt",
          },
          "version": 5,
        },
        {
          "hasUpgrade": false,
          "stores": {
            "syncDocs": "key, doc: Y.Doc",
          },
          "version": 6,
        },
      ]
    `);
  });

  it('lists versions in ascending order, starting at 1, without gaps', () => {
    expect(schemaVersions.map((schemaVersion) => schemaVersion.version)).toEqual(
      Array.from({ length: schemaVersions.length }, (_, index) => index + 1),
    );
  });

  it('has the last listed version as the current one', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(schemaVersions.at(-1)?.version);
    expect(latestSchemaVersion([])).toBe(0);
  });

  it('starts from the version 1 file', () => {
    expect(schemaVersions[0]?.stores).toBe(schemaV1);
  });

  it('gives every table of the current schema a typed property on DiscoveryDb', () => {
    const db = new DiscoveryDb('schema-property-check');
    const tableNames = [...new Set(schemaVersions.flatMap((schemaVersion) => Object.keys(schemaVersion.stores)))].sort();
    expect(tableNames).toEqual([...Object.keys(schemaV1), 'searchIndex', 'surveyPlans', 'workshops', 'scores', 'plannedChats', 'errorLog', 'syncDocs'].sort());
    // y-dexie adds one updates table per Y.Doc property.
    expect(db.tables.map((table) => table.name).sort()).toEqual([...tableNames, '$syncDocs.doc_updates'].sort());
    expect(db.notes.name).toBe('notes');
    expect(db.meta.name).toBe('meta');
    expect(db.searchIndex.name).toBe('searchIndex');
    expect(db.surveyPlans.name).toBe('surveyPlans');
    expect(db.workshops.name).toBe('workshops');
    expect(db.scores.name).toBe('scores');
    expect(db.plannedChats.name).toBe('plannedChats');
    expect(db.errorLog.name).toBe('errorLog');
    expect(db.syncDocs.name).toBe('syncDocs');
  });

  it('maps native IndexedDB versions to schema versions, counting Dexie schema patches as the same version', () => {
    expect([0, 10, 11, 19, 20, 30].map(schemaVersionOfNativeVersion)).toEqual([0, 1, 1, 1, 2, 3]);
  });
});
