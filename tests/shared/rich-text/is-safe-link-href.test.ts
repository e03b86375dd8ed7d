import { describe, expect, it } from 'vitest';
import { isSafeLinkHref } from '../../../shared/rich-text/sanitize-rich-text';

describe('isSafeLinkHref', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#top',
    'HTTPS://EXAMPLE.COM',
    'https://user@example.com:8443/a',
    'https://[::1]/',
    'https://例え.jp/パス',
    'mailto:ana@example.com',
    'MailTo:ana@example.com?subject=Coffee%20chat',
    '  https://example.com  ',
  ])('accepts %j', (href) => {
    expect(isSafeLinkHref(href)).toBe(true);
  });

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript, decimal entity', '&#106;avascript:alert(1)'],
    ['javascript, hex entity', '&#x6A;avascript:alert(1)'],
    ['javascript, named entity colon', 'javascript&colon;alert(1)'],
    ['javascript, percent-encoded', '%6A%61%76%61%73%63%72%69%70%74:alert(1)'],
    ['javascript, tab inside the scheme', 'java\tscript:alert(1)'],
    ['javascript, newline inside the scheme', 'java\nscript:alert(1)'],
    ['javascript, carriage return inside the scheme', 'java\rscript:alert(1)'],
    ['javascript, NUL inside the scheme', 'java\u0000script:alert(1)'],
    ['javascript, leading control character', '\u0001javascript:alert(1)'],
    ['javascript, zero-width space', 'java\u200Bscript:alert(1)'],
    ['javascript, leading spaces', '   javascript:alert(1)'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['VBScript, mixed case', 'VbScRiPt:msgbox(1)'],
    ['data: HTML', 'data:text/html,<script>alert(1)</script>'],
    ['data: base64 HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file:', 'file:///etc/passwd'],
    ['smb:', 'smb://evil.example/share'],
    ['ms-msdt:', 'ms-msdt:/id PCWDiagnostic'],
    ['UNC path', '\\\\evil.example\\share'],
    ['protocol-relative', '//evil.example/x'],
    ['https with no host', 'https:///evil.example'],
    ['https with backslashes', 'https:\\\\evil.example'],
    ['relative path', '/settings'],
    ['bare word', 'example'],
    ['app scheme', 'app://discovery-desk/index.html'],
    ['empty', ''],
    ['only spaces', '   '],
    ['http with a space inside', 'https://exa mple.com'],
    ['mailto without address', 'mailto:'],
    ['too long', `https://example.com/${'a'.repeat(5000)}`],
  ])('refuses %s', (_case, href) => {
    expect(isSafeLinkHref(href)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com']]) {
      // @ts-expect-error -- stored data is not typed; the guard must hold at run time
      expect(isSafeLinkHref(value)).toBe(false);
    }
  });
});
