import { describe, expect, it } from 'vitest';
import { readMultiChoice, splitChoiceCell } from '../../../shared/surveys/split-choice-cell';

const counts = (cells: readonly string[]): Map<string, number> => {
  const map = new Map<string, number>();
  for (const cell of cells) map.set(cell, (map.get(cell) ?? 0) + 1);
  return map;
};

describe('splitChoiceCell', () => {
  it('splits, trims, drops empty parts and repeats', () => {
    expect(splitChoiceCell('Terraform;Ansible;', ';')).toEqual(['Terraform', 'Ansible']);
    expect(splitChoiceCell(' A ; B ;A', ';')).toEqual(['A', 'B']);
    expect(splitChoiceCell('', ', ')).toEqual([]);
    expect(splitChoiceCell('Go, Rust', ', ')).toEqual(['Go', 'Rust']);
  });

  it('keeps known options that hold the separator, and commas inside brackets', () => {
    expect(splitChoiceCell('Yes, several, No', ', ', ['Yes, several'])).toEqual(['Yes, several', 'No']);
    expect(splitChoiceCell('No, Yes, several', ', ', ['Yes, several'])).toEqual(['No', 'Yes, several']);
    expect(splitChoiceCell('Yes, severally', ', ', ['Yes, several'])).toEqual(['Yes', 'severally']);
    expect(splitChoiceCell('Email, Portal (e.g., Sharepoint), Blog', ', ')).toEqual(['Email', 'Portal (e.g., Sharepoint)', 'Blog']);
    expect(splitChoiceCell('Smile :(, Frown', ', ')).toEqual(['Smile :(', 'Frown']);
  });
});

describe('readMultiChoice', () => {
  it('reads joined cells as a multi-choice column with options in order of first use', () => {
    expect(readMultiChoice(counts(['A, B', 'B', 'C, A', 'A']), ', ')).toEqual({ separator: ', ', options: ['A', 'B', 'C'] });
  });

  it('is not fooled by single choices or free text holding the separator', () => {
    expect(readMultiChoice(counts(['Yes, I will', 'Yes, maybe later', 'No', 'Yes, I will']), ', ')).toBeNull();
    expect(readMultiChoice(counts(['I like it, mostly', 'Too slow, sadly', 'Fine']), ', ')).toBeNull();
    expect(readMultiChoice(counts(['A', 'B']), ', ')).toBeNull();
  });

  it('keeps only options that recur once there are twenty answers', () => {
    const cells = [...Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 'A, B' : 'B')), 'A, my own thing'];
    expect(readMultiChoice(counts(cells), ', ')?.options).toEqual(['A', 'B']);
  });
});
