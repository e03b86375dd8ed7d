import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../../shared/export/render-markdown';
import { nameReplacementsFor } from '../../../shared/export/replace-person-names';
import { hostileDocument, resolveCitation, sampleDocument } from './artifact-export-fixtures';

describe('renderMarkdown', () => {
  it('renders sections, marks, lists, the pain list and numbered footnotes (snapshot)', () => {
    expect(renderMarkdown(sampleDocument, { resolveCitation })).toMatchSnapshot();
  });

  it('names the source, channel and date in each footnote, reuses a number for the same source and marks a deleted one', () => {
    const markdown = renderMarkdown(sampleDocument, { resolveCitation });
    expect(markdown).toContain('deploys[^1] in minutes[^2]\\.');
    expect(markdown).toContain('[^1]: Coffee chat with Dana Lee, Coffee chat, 2026\\-03\\-02');
    expect(markdown).toContain('[^2]: Deploy survey, Survey response, 2026\\-04\\-10: “Dana said deploys take an hour”');
    expect(markdown).toContain('[^3]: Deleted source \\(cited as “Old chat”\\): the note no longer exists\\.');
  });

  it('replaces people’s names in quotes and footnote quotes with their role or team when asked', () => {
    const nameReplacements = nameReplacementsFor([{ name: 'Dana Lee', role: 'SRE lead' }]);
    const markdown = renderMarkdown(sampleDocument, { resolveCitation, nameReplacements });
    expect(markdown).toContain('> \\[SRE lead\\] waits an hour');
    expect(markdown).toContain('“\\[SRE lead\\] said deploys take an hour”');
    expect(markdown).not.toMatch(/> .*Dana/);
  });

  it('escapes hostile text so it never becomes HTML or Markdown (snapshot)', () => {
    const markdown = renderMarkdown(hostileDocument, { resolveCitation });
    expect(markdown).toMatchSnapshot();
    const outsideCode = markdown.replace(/````[\s\S]*?````/g, '');
    expect(outsideCode).not.toMatch(/<(script|img)/i);
    expect(outsideCode).not.toContain('**bold**');
    expect(markdown).not.toContain('](javascript:');
    expect(markdown).toContain('&lt;script&gt;');
  });

  it('escapes every Markdown control character and the HTML ones', () => {
    expect(escapeMarkdown('*_`#[]()<>&|~!+-.\\')).toBe('\\*\\_\\`\\#\\[\\]\\(\\)&lt;&gt;&amp;\\|\\~\\!\\+\\-\\.\\\\');
  });
});
