import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../../shared/export/render-html';
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

  it('shows SLA gaps, and users’ quotes apart from the market’s, each under its own heading', () => {
    const html = renderHtml(sampleDocument, { resolveCitation });
    expect(html).toContain('<dt>SLA gaps</dt><dd><ul><li>Deploy API (latency): users expect 5 min, offered best effort</li></ul></dd>');
    expect(html).toMatch(/<p class="quotes-heading">What users said<\/p><blockquote>Dana Lee waits an hour.*<p class="quotes-heading">What the market and research say<\/p><blockquote>Managed deploys in minutes/);
  });

  it('escapes hostile text everywhere (snapshot)', () => {
    const html = renderHtml(hostileDocument, { resolveCitation });
    expect(html).toMatchSnapshot();
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;');
  });
});
