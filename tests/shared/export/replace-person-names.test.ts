import { describe, expect, it } from 'vitest';
import { nameReplacementsFor, replacePersonNames } from '../../../shared/export/replace-person-names';

describe('replacePersonNames', () => {
  const replacements = nameReplacementsFor([
    { name: 'Dana Lee', role: 'SRE lead' },
    { name: 'Sam Ortiz', team: 'Payments' },
    { name: 'Sam Park' },
    { name: 'Al Wu', role: 'PM' },
  ]);

  it('replaces full names and unique first names with the role, else the team, as whole words in any case', () => {
    expect(replacePersonNames('dana lee and Dana said; Danae did not', replacements)).toBe('[SRE lead] and [SRE lead] said; Danae did not');
    expect(replacePersonNames('Sam Ortiz met Sam Park', replacements)).toBe('[Payments] met [a participant]');
  });

  it('hides a first name two people share as "a participant", and keeps very short first names', () => {
    expect(replacePersonNames('Sam and Al agreed', replacements)).toBe('[a participant] and Al agreed');
  });

  it('treats names as text, not patterns', () => {
    expect(replacePersonNames('a.b (x)', [{ name: '(x)', replacement: '[y]' }])).toBe('a.b [y]');
  });
});
