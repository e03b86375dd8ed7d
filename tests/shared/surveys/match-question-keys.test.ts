import { describe, expect, it } from 'vitest';
import { matchQuestionKeys } from '../../../shared/surveys/match-question-keys';

describe('matchQuestionKeys', () => {
  it('pairs the same keys, then questions renamed slightly, each once', () => {
    const stored = ['how did you hear about us?', 'what would you improve, and why?', 'country', 'team size'];
    const file = ['country', 'how did you first hear about us?', 'what would you improve first, and why?', 'budget'];
    expect(Object.fromEntries(matchQuestionKeys(stored, file))).toEqual({
      country: 'country',
      'how did you hear about us?': 'how did you first hear about us?',
      'what would you improve, and why?': 'what would you improve first, and why?',
    });
  });

  it('does not pair questions that only share a few words', () => {
    expect(matchQuestionKeys(['how satisfied are you with the ci pipeline?'], ['how satisfied are you with on-call?']).size).toBe(0);
    expect(matchQuestionKeys(['why?'], ['why not?']).size).toBe(0);
  });

  it('gives a file question to the stored one most like it', () => {
    const pairs = matchQuestionKeys(['rate the docs [search]', 'rate the docs [navigation]'], ['rate our docs [navigation]', 'rate our docs [search]']);
    expect(pairs.get('rate the docs [search]')).toBe('rate our docs [search]');
    expect(pairs.get('rate the docs [navigation]')).toBe('rate our docs [navigation]');
  });
});
