import { describe, expect, it } from 'vitest';
import { matchStoredResponses } from '../../../shared/surveys/match-stored-responses';

const stored = [
  { id: 's1', respondentKey: 'r-1', answersHash: 'h1' },
  { id: 's2', respondentKey: 'r-2', answersHash: 'h2' },
  { id: 's3', respondentKey: 'hash-of-row-3', answersHash: 'h3' },
];

describe('matchStoredResponses', () => {
  it('matches by respondent key: same answers unchanged, other answers changed, unknown keys added', () => {
    const kinds = matchStoredResponses(
      [
        { respondentKey: 'r-1', answersHash: 'h1' },
        { respondentKey: 'r-2', answersHash: 'h2-edited' },
        { respondentKey: 'r-9', answersHash: 'h9' },
      ],
      stored,
    ).map((match) => (match.kind === 'added' ? 'added' : `${match.kind} ${match.stored.id}`));
    expect(kinds).toEqual(['unchanged s1', 'changed s2', 'added']);
  });

  it('matches a response stored under another key by its answers, once, so a re-import adds it only once', () => {
    // Stored without a respondent key (a row hash); the file now has response ids.
    const kinds = matchStoredResponses(
      [
        { respondentKey: 'R_3', answersHash: 'h3' },
        { respondentKey: 'R_3b', answersHash: 'h3' },
      ],
      stored,
    ).map((match) => (match.kind === 'added' ? 'added' : `${match.kind} ${match.stored.id}`));
    expect(kinds).toEqual(['unchanged s3', 'added']);
  });

  it('does not take a stored response another key of the file claims', () => {
    const kinds = matchStoredResponses(
      [
        { respondentKey: 'r-1', answersHash: 'h1' },
        { respondentKey: 'R_x', answersHash: 'h1' },
      ],
      stored,
    ).map((match) => match.kind);
    expect(kinds).toEqual(['unchanged', 'added']);
  });
});
