import { describe, expect, it } from 'vitest';
import { createTextHasher, hashText } from '../../../shared/surveys/hash-text';

describe('hashText (cyrb53)', () => {
  it('matches the reference cyrb53 as 14 hex digits', () => {
    expect(hashText('a')).toBe('1c2ba782c97901');
    expect(hashText('')).toBe('0bdcb81aee8d83');
    expect(hashText('revenge')).toBe('0e64cc3b748385');
    expect(hashText('revenue')).toBe('1d85148d13f93a');
  });

  it('gives the same digest fed in pieces, and differs by seed', () => {
    expect(createTextHasher().update('rev').update('').update('enue').digest()).toBe(hashText('revenue'));
    expect(hashText('revenue', 1)).not.toBe(hashText('revenue'));
  });

  it('spreads 100,000 similar texts without a collision', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i += 1) seen.add(hashText(`row ${i}\u001e4\u001eTerraform`));
    expect(seen.size).toBe(100_000);
  });
});
