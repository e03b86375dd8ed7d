import { describe, expect, it } from 'vitest';
import { keystrokeLatencies } from '../../bench/keystroke-latencies';
import { percentile } from '../../bench/percentile';

describe('keystrokeLatencies', () => {
  it('pairs each keystroke with the first showing of its query after the keydown', () => {
    const result = keystrokeLatencies(
      [
        { keydownAt: 100, value: 'k' },
        { keydownAt: 200, value: 'ka' },
        { keydownAt: 300, value: 'ka ' },
        { keydownAt: 400, value: 'ka f' },
        // The box was cleared; the next query starts with a letter shown before.
        { keydownAt: 1000, value: 'k' },
      ],
      [
        { at: 130, query: 'k' },
        { at: 260, query: 'ka' },
        { at: 470, query: 'ka f' },
        { at: 900, query: '' },
        { at: 1012, query: 'k' },
      ],
    );
    expect(result).toEqual({ latencies: [30, 60, 70, 12], unchanged: 1, superseded: 0, unanswered: [] });
  });

  it('times a skipped keystroke until newer results showed, ignoring stale ones, case and spacing', () => {
    const result = keystrokeLatencies(
      [
        { keydownAt: 0, value: 'Kafka' },
        { keydownAt: 50, value: 'Kafka ' },
        { keydownAt: 100, value: 'Kafka l' },
        { keydownAt: 150, value: 'Kafka la' },
      ],
      [
        // Results for an older query arriving late do not answer newer keystrokes.
        { at: 120, query: 'kafk' },
        { at: 190, query: 'kafka  la' },
      ],
    );
    expect(result).toEqual({ latencies: [190, 90, 40], unchanged: 1, superseded: 2, unanswered: [] });
  });

  it('neither times the keystroke that empties the box nor lets the next query answer the last one', () => {
    const result = keystrokeLatencies(
      [
        { keydownAt: 0, value: 'ab' },
        { keydownAt: 100, value: '' },
        { keydownAt: 500, value: 'a' },
      ],
      [{ at: 520, query: 'a' }],
    );
    expect(result).toEqual({ latencies: [20], unchanged: 0, superseded: 0, unanswered: ['ab'] });
  });

  it('counts keystrokes nothing ever answered', () => {
    expect(keystrokeLatencies([{ keydownAt: 10, value: 'x' }], [{ at: 5, query: 'x' }])).toEqual({ latencies: [], unchanged: 0, superseded: 0, unanswered: ['x'] });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
