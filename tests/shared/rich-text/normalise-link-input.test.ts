import { describe, expect, it } from 'vitest';
import { normaliseLinkInput } from '../../../shared/rich-text/normalise-link-input';
import { isSafeLinkHref } from '../../../shared/rich-text/sanitize-rich-text';

describe('normaliseLinkInput', () => {
  it.each([
    ['example.com', 'https://example.com'],
    ['  docs.example.com/runbook?x=1  ', 'https://docs.example.com/runbook?x=1'],
    ['grafana.internal.example:3000/d/abc', 'https://grafana.internal.example:3000/d/abc'],
    ['ana@example.com', 'mailto:ana@example.com'],
    ['https://example.com', 'https://example.com'],
    ['mailto:ana@example.com', 'mailto:ana@example.com'],
  ])('turns %j into %j', (input, expected) => {
    expect(normaliseLinkInput(input)).toBe(expected);
    expect(isSafeLinkHref(normaliseLinkInput(input))).toBe(true);
  });

  it.each(['javascript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', '//evil.example', 'file:///etc/passwd', 'localhost', 'java\tscript:alert(1)'])(
    'leaves %j without a web scheme, so it is refused',
    (input) => {
      expect(isSafeLinkHref(normaliseLinkInput(input))).toBe(false);
    },
  );
});
