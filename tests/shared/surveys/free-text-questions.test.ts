import { describe, expect, it } from 'vitest';
import { freeTextLabel, isFreeTextQuestion } from '../../../shared/surveys/free-text-questions';

describe('free-text questions', () => {
  it('counts free-text questions and grid rows read as free text, nothing else', () => {
    expect(isFreeTextQuestion({ type: 'free-text' })).toBe(true);
    expect(isFreeTextQuestion({ type: 'grid-item', itemType: 'free-text' })).toBe(true);
    expect(isFreeTextQuestion({ type: 'grid-item', itemType: 'scale' })).toBe(false);
    expect(isFreeTextQuestion({ type: 'single-choice' })).toBe(false);
  });

  it('names a grid row "Question › Row"', () => {
    expect(freeTextLabel({ type: 'grid-item', text: 'Home address', gridTitle: 'Where can we reach you?' })).toBe('Where can we reach you? › Home address');
    expect(freeTextLabel({ type: 'grid-item', text: 'Roles [Other]', gridTitle: 'Roles' })).toBe('Roles › Other');
    expect(freeTextLabel({ type: 'free-text', text: 'Anything else?' })).toBe('Anything else?');
  });
});
