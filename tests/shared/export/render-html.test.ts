import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../../shared/export/render-html';
import { nameReplacementsFor } from '../../../shared/export/replace-person-names';
import { HOSTILE, hostileDocument, resolveCitation, sampleDocument } from './artifact-export-fixtures';

describe('renderHtml', () => {
  it('renders a standalone page with inline CSS and footnotes (snapshot)', () => {
    expect(renderHtml(sampleDocument, { resolveCitation })).toMatchSnapshot();
  });

  it('loads nothing from outside and runs no script', () => {
    const html = renderHtml(sampleDocument, { resolveCitation });
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });

  it('links each citation to a footnote naming source, channel and date, and back', () => {
    const html = renderHtml(sampleDocument, { resolveCitation });
    expect(html).toContain('<sup class="citation"><a href="#fn-1" id="fnref-1">[1]</a></sup>');
    expect(html).toContain('<li id="fn-1">Coffee chat with Dana Lee, Coffee chat, 2026-03-02 <a href="#fnref-1"');
    expect(html).toContain('<li id="fn-3" class="deleted">Deleted source (cited as “Old chat”): the note no longer exists.');
    expect(html.match(/id="fnref-1"/g)).toHaveLength(1);
  });

  it('replaces names in quotes when asked', () => {
    const html = renderHtml(sampleDocument, { resolveCitation, nameReplacements: nameReplacementsFor([{ name: 'Dana Lee', team: 'Payments' }]) });
    expect(html).toContain('<blockquote>[Payments] waits an hour');
    expect(html).toContain('“[Payments] said deploys take an hour”');
  });

  it('escapes hostile text everywhere (snapshot)', () => {
    const html = renderHtml(hostileDocument, { resolveCitation });
    expect(html).toMatchSnapshot();
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;');
  });
});
