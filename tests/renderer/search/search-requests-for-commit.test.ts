import { describe, expect, it } from 'vitest';
import { searchRequestsForCommit } from '../../../renderer/search/search-requests-for-commit';

describe('searchRequestsForCommit', () => {
  it('re-reads written notes, drops deleted ones, catches up after a clear and follows contacts', () => {
    expect(
      searchRequestsForCommit([
        { table: 'notes', written: ['a'], deleted: ['b'], isRangeDeleted: false },
        { table: 'contacts', written: ['c'], deleted: [], isRangeDeleted: false },
        { table: 'meta', written: ['noteCounts'], deleted: [], isRangeDeleted: false },
      ]),
    ).toEqual([{ type: 'notesChanged', ids: ['a'] }, { type: 'notesDeleted', ids: ['b'] }, { type: 'contactsChanged' }]);
    expect(searchRequestsForCommit([{ table: 'notes', written: [], deleted: [], isRangeDeleted: true }])).toEqual([{ type: 'catchUp' }]);
  });
});
