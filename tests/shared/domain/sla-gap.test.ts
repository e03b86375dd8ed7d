import { describe, expect, it } from 'vitest';
import { compareSla, parseSlaQuantity } from '../../../shared/domain/sla-gap';

describe('parseSlaQuantity', () => {
  it.each([
    ['99.95%', { kind: 'percent', value: 99.95 }],
    ['p99 under 200 ms', { kind: 'duration', value: 200 }],
    ['2 s', { kind: 'duration', value: 2000 }],
    ['data no older than 5 min', { kind: 'duration', value: 300_000 }],
    ['1,000 rps', { kind: 'rate', value: 1000 }],
    ['2k req/s', { kind: 'rate', value: 2000 }],
  ])('reads %s', (text, expected) => {
    expect(parseSlaQuantity(text)).toEqual(expected);
  });

  it('returns null for text without a quantity', () => {
    expect(parseSlaQuantity('as fast as possible')).toBeNull();
  });
});

describe('compareSla', () => {
  it('flags availability below the expected target as a gap, and at or above as met', () => {
    expect(compareSla('availability', '99.95%', '99.9%')).toBe('gap');
    expect(compareSla('availability', '99.9%', '99.95%')).toBe('met');
    expect(compareSla('availability', '99.9%', '99.9%')).toBe('met');
  });

  it('treats latency and freshness as lower-is-better', () => {
    expect(compareSla('latency', '200 ms', '350 ms')).toBe('gap');
    expect(compareSla('latency', '200 ms', '0.1 s')).toBe('met');
    expect(compareSla('freshness', '5 min', '1 h')).toBe('gap');
  });

  it('treats throughput as higher-is-better', () => {
    expect(compareSla('throughput', '2k rps', '1500 rps')).toBe('gap');
    expect(compareSla('throughput', '2k rps', '2500 rps')).toBe('met');
  });

  it('calls an expectation with nothing offered "not offered", which is a gap of its own', () => {
    expect(compareSla('availability', '99.9%', undefined)).toBe('not-offered');
    expect(compareSla('availability', '99.9%', 'none')).toBe('not-offered');
  });

  it('never guesses when the two cannot be compared', () => {
    expect(compareSla('latency', 'fast', '200 ms')).toBe('unknown');
    expect(compareSla('latency', '200 ms', '99.9%')).toBe('unknown');
  });
});
