import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../../shared/domain/channel';
import { CHANNEL_FIELD_SPECS, channelFieldProblems, channelFieldsFromValues, channelFieldValues, peopleWarning } from '../../../shared/domain/channel-fields';

describe('channel fields', () => {
  it('round-trips every channel through form values', () => {
    for (const channel of CHANNEL_IDS) {
      const values = Object.fromEntries(CHANNEL_FIELD_SPECS[channel].map((spec) => [spec.key, spec.kind === 'select' ? (spec.options?.[1] ?? '') : spec.kind === 'year' ? '2024' : `${spec.key} value`]));
      const fields = channelFieldsFromValues(channel, values);
      if (CHANNEL_FIELD_SPECS[channel].length === 0) {
        expect(fields).toBeUndefined();
        continue;
      }
      expect(fields?.kind).toBe(channel);
      expect(channelFieldValues(channel, fields)).toEqual(values);
    }
  });

  it('leaves empty optional fields out and trims the rest', () => {
    expect(channelFieldsFromValues('sla', { service: ' Build cache ', metric: 'latency', expected: '200 ms', offered: '', measured: '  ' })).toEqual({
      kind: 'sla',
      service: 'Build cache',
      metric: 'latency',
      expected: '200 ms',
    });
  });

  it('stores an unknown SLA metric as "other" rather than inventing one', () => {
    expect(channelFieldsFromValues('sla', { service: 's', metric: 'vibes', expected: 'x' })).toMatchObject({ metric: 'other' });
  });

  it('names each problem next to its field', () => {
    expect(channelFieldProblems('research', { url: 'javascript:alert(1)', year: '24' })).toEqual({
      url: 'Use a full web address starting with https://',
      year: 'Use a four-digit year, e.g. 2024.',
    });
    expect(channelFieldProblems('cloud-vendor', { vendor: '', service: 'S3' })).toEqual({ vendor: 'Vendor is needed.' });
  });

  it('warns when a discussion group is not 2-4 people', () => {
    expect(peopleWarning('discussion-group', 1)).toMatch(/at least 2/);
    expect(peopleWarning('discussion-group', 3)).toBeNull();
    expect(peopleWarning('discussion-group', 5)).toMatch(/2-4/);
    expect(peopleWarning('coffee-chat', 9)).toBeNull();
  });
});
