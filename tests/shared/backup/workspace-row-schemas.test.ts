import { describe, expect, it } from 'vitest';
import { checkWorkspaceRow, WORKSPACE_ROW_SCHEMAS } from '../../../shared/backup/workspace-row-schemas';
import { MAX_ROW_CHARS } from '../../../shared/limits/input-limits';
import { isExportedTable } from '../../../shared/backup/workspace-tables';
import { schemaVersions } from '../../../renderer/db/schema/versions';

const doc = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'go', marks: [{ type: 'link', attrs: { href } }] }] }, { type: 'script', content: [{ type: 'text', text: 'kept' }] }] });

describe('checkWorkspaceRow', () => {
  it('has a schema for every table a workspace file may hold', () => {
    const tables = new Set(schemaVersions.flatMap(({ stores }) => Object.keys(stores)).filter(isExportedTable));
    expect([...tables].filter((table) => !Object.hasOwn(WORKSPACE_ROW_SCHEMAS, table))).toEqual([]);
  });

  it('refuses tags that are not a list, naming the line and the field', () => {
    const note = { id: 'n', channel: 'coffee-chat', title: 'T', body: { type: 'doc', content: [] }, occurredAt: 1, personIds: [], teams: [], tags: 'x', links: [], createdAt: 1, updatedAt: 1 };
    expect(() => checkWorkspaceRow('notes', note, 7, 100)).toThrow(/^Line 7: this row of “notes” is not valid \(tags: /);
    expect(checkWorkspaceRow('notes', { ...note, tags: ['x'] }, 7, 100)).toMatchObject({ tags: ['x'] });
  });

  it('cleans charter sections and vision years: no javascript: or data: link, no unknown node, the words kept', () => {
    const charter = checkWorkspaceRow('artifacts', { id: 'a', roundId: 'r', kind: 'charter', sections: { uniqueValue: doc('javascript:alert(1)'), competitiveAdvantages: doc('data:text/html,x'), strategy: doc('https://ok.example') }, citations: [], createdAt: 1, updatedAt: 1 }, 2, 100);
    const vision = checkWorkspaceRow('artifacts', { id: 'v', roundId: 'r', kind: 'vision', years: [{ year: 2, themes: [], body: doc('JaVaScRiPt:x'), citations: [] }], createdAt: 1, updatedAt: 1 }, 3, 100);
    const text = JSON.stringify([charter, vision]);
    expect(text).not.toMatch(/javascript|data:|script/i);
    expect(text).toContain('https://ok.example');
    expect(text).toContain('kept');
  });

  it('keeps fields it does not know, so a newer minor version’s extra data survives', () => {
    expect(checkWorkspaceRow('votes', { id: 'v', roundId: 'r', participant: 'p', bucketId: 'b', dots: 2, weight: 3 }, 2, 10)).toMatchObject({ weight: 3 });
  });

  it('refuses a row longer than any real one before parsing it', () => {
    expect(() => checkWorkspaceRow('contacts', {}, 9, MAX_ROW_CHARS + 1)).toThrow(/^Line 9: this row of “contacts” is [\d,]+ characters long/);
  });

  it('refuses a table it has no schema for', () => {
    expect(() => checkWorkspaceRow('searchIndex', { key: 'k' }, 4, 10)).toThrow(/^Line 4: “searchIndex” is not a table of this workspace/);
  });
});
