import { describe, expect, it } from 'vitest';
import { cleanBallot, tallyBallots } from '../../../shared/live-workshop/ballot';
import { newJoinCode, normaliseJoinCode } from '../../../shared/live-workshop/join-code';
import { documentPermission, parseDocumentName } from '../../../shared/live-workshop/live-documents';
import { timeLeft, serverClockOffset } from '../../../shared/live-workshop/live-timer';

describe('live workshop documents', () => {
  it('parses only the names the server serves', () => {
    expect(parseDocumentName('ballot:w1:p1')).toEqual({ kind: 'ballot', workshopId: 'w1', participantId: 'p1' });
    expect(parseDocumentName('control:w1')).toEqual({ kind: 'control', workshopId: 'w1' });
    expect(parseDocumentName('ballot:w1')).toBeNull();
    expect(parseDocumentName('board:w1:extra')).toBeNull();
    expect(parseDocumentName('notes:w1')).toBeNull();
    expect(parseDocumentName('board:w 1')).toBeNull();
  });

  it('gives a ballot to its participant alone, and the control document to nobody for writing', () => {
    const ana = { kind: 'participant', workshopId: 'w1', participantId: 'ana' } as const;
    const facilitator = { kind: 'facilitator', workshopId: 'w1' } as const;
    expect(documentPermission(ana, { kind: 'ballot', workshopId: 'w1', participantId: 'ana' }, false)).toBe('write');
    expect(documentPermission(ana, { kind: 'ballot', workshopId: 'w1', participantId: 'bo' }, false)).toBe('none');
    expect(documentPermission(facilitator, { kind: 'ballot', workshopId: 'w1', participantId: 'ana' }, false)).toBe('none');
    expect(documentPermission(ana, { kind: 'control', workshopId: 'w1' }, false)).toBe('read');
    expect(documentPermission(ana, { kind: 'board', workshopId: 'w1' }, false)).toBe('write');
    expect(documentPermission(ana, { kind: 'board', workshopId: 'w1' }, true)).toBe('read');
    expect(documentPermission(ana, { kind: 'board', workshopId: 'w2' }, false)).toBe('none');
  });
});

describe('ballots', () => {
  it('keeps whole dots on known buckets within the budget, and scores of 1 to 5', () => {
    const ballot = cleanBallot({ dots: { b1: 2, b2: 2.5, gone: 3, b3: 4 }, scores: { b1: { reach: 4, severity: 9, frequency: 'x' }, gone: { reach: 1 } } }, ['b1', 'b2', 'b3'], 5);
    expect(ballot).toEqual({ dots: { b1: 2, b3: 3 }, scores: { b1: { reach: 4 } } });
  });

  it('tallies dots and score spreads over ballots', () => {
    const results = tallyBallots(['b1', 'b2'], [
      { participantId: 'ana', ballot: { dots: { b2: 2 }, scores: { b1: { reach: 2 } } } },
      { participantId: 'bo', ballot: { dots: { b2: 1, b1: 1 }, scores: { b1: { reach: 5 } } } },
      { participantId: 'cy', ballot: { dots: {}, scores: {} } },
    ]);
    expect(results.votes).toEqual([{ bucketId: 'b2', dots: 3, voters: 2 }, { bucketId: 'b1', dots: 1, voters: 1 }]);
    expect(results.spreads.b1).toEqual([{ criterion: 'reach', scorers: 2, min: 2, max: 5, spread: 3, mean: 3.5 }]);
    expect(results.counted).toEqual(['ana', 'bo']);
  });
});

describe('join codes and the server clock', () => {
  it('draws codes from the unambiguous alphabet and reads typed codes leniently', () => {
    let next = 0;
    expect(newJoinCode(() => next++)).toBe('ABCDEF');
    expect(normaliseJoinCode(' abc-def ')).toBe('ABCDEF');
  });

  it('shows the time left by the server clock on a device whose clock is minutes off', () => {
    const offset = serverClockOffset(1_000 - 300_000, 1_050, 1_100 - 300_000);
    expect(offset).toBe(300_000);
    expect(timeLeft({ endsAt: 61_100 }, 1_100 - 300_000, offset)).toBe(60_000);
    expect(timeLeft({ pausedMs: 5_000 }, 0, offset)).toBe(5_000);
    expect(timeLeft({}, 0, 0)).toBeNull();
  });
});
