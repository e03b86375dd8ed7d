import { describe, expect, it } from 'vitest';
import { describeHistoryEntry, describeHistoryValue } from '../../../shared/sync/row-history-text';

const by = { memberId: 'm1', memberName: 'Ada', at: 1 };

describe('a record’s history in words', () => {
  it('says who changed which field and the value it replaced', () => {
    expect(describeHistoryEntry({ ...by, field: 'title', value: 'New', previous: 'Old' })).toBe('Ada changed the title from “Old” to “New”');
    expect(describeHistoryEntry({ ...by, field: 'tags', value: ['ci'] })).toBe('Ada set the tags to “ci”');
    expect(describeHistoryEntry({ ...by, field: 'statement', previous: 'Was this' })).toBe('Ada removed the statement (was “Was this”)');
    expect(describeHistoryEntry({ ...by, field: '$created' })).toBe('Ada created it');
    expect(describeHistoryEntry({ ...by, field: '$deleted' })).toBe('Ada deleted it');
    expect(describeHistoryEntry({ ...by, field: '$restored' })).toBe('Ada brought it back');
  });

  it('keeps long text and rich text short', () => {
    expect(describeHistoryValue('x'.repeat(200))).toHaveLength(82);
    expect(describeHistoryValue({ type: 'doc', content: [] })).toBe('an earlier text');
    expect(describeHistoryValue([])).toBe('none');
  });
});
