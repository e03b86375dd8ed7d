import { describe, expect, it } from 'vitest';
import type { SlaMetric } from '../../../shared/domain/note';
import { assessSla, describeSla } from '../../../shared/domain/sla-gap';

describe('assessSla: the one rule for SLA gaps', () => {
  it.each<[string, SlaMetric, string, string | undefined, string | undefined, 'gap' | 'met' | 'not-offered' | 'unknown', 'gap' | 'met' | 'not-offered' | 'unknown' | null, boolean]>([
    // description, metric, expected, offered, measured, offered vs expected, measured vs expected, gap?
    ['offer meets the target, nothing measured', 'availability', '99.9%', '99.95%', undefined, 'met', null, false],
    ['offer below the target', 'availability', '99.95%', '99.9%', undefined, 'gap', null, true],
    ['nothing offered', 'availability', '99.9%', undefined, undefined, 'not-offered', null, true],
    ['"none" offered', 'latency', '200 ms', 'none', undefined, 'not-offered', null, true],
    ['offer met on paper, measured below the target', 'availability', '99.95%', '99.99%', '99.8%', 'met', 'gap', true],
    ['offer and measurement both meet the target', 'availability', '99.9%', '99.95%', '99.97%', 'met', 'met', false],
    ['best effort against a percentage', 'availability', '99.95%', 'best effort', undefined, 'gap', null, true],
    ['Best-effort against a latency', 'latency', 'p99 under 200 ms', 'Best-effort', undefined, 'gap', null, true],
    ['no SLA against a freshness target', 'freshness', '5 min', 'no SLA today', undefined, 'gap', null, true],
    ['a measurement that names no number is not guessed', 'throughput', '2k rps', '3k rps', 'not measured yet', 'met', 'unknown', false],
    ['latency measured over the target', 'latency', '200 ms', '150 ms', '350 ms', 'met', 'gap', true],
    ['a vague expectation cannot be compared', 'latency', 'fast', 'best effort', undefined, 'unknown', null, false],
    ['different kinds of quantity cannot be compared', 'latency', '200 ms', '99.9%', undefined, 'unknown', null, false],
    ['unreadable offer text is not guessed', 'availability', '99.9%', 'see the dashboard', undefined, 'unknown', null, false],
    ['an empty measurement is nothing measured', 'availability', '99.9%', '99.95%', '  ', 'met', null, false],
  ])('%s', (_description, metric, expected, offered, measured, offeredResult, measuredResult, hasGap) => {
    const sla = { service: 'Build cache', metric, expected, ...(offered === undefined ? {} : { offered }), ...(measured === undefined ? {} : { measured }) };
    expect(assessSla(sla)).toEqual({ offered: offeredResult, measured: measuredResult, hasGap });
  });

  it('words an expectation with what stands against it', () => {
    expect(describeSla({ service: 'Build cache', metric: 'availability', expected: '99.95%', offered: 'best effort', measured: '99.8%' })).toBe(
      'Build cache (availability): users expect 99.95%, offered best effort, measured 99.8%',
    );
    expect(describeSla({ service: ' ', metric: 'latency', expected: '200 ms' })).toBe('A service (latency): users expect 200 ms, nothing offered');
  });
});
