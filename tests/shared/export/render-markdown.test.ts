import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../../shared/export/render-markdown';
import { hostileDocument, resolveCitation, sampleDocument } from './artifact-export-fixtures';

describe('renderMarkdown', () => {
  it('renders sections, marks, lists, the pain list and numbered footnotes (snapshot)', () => {
    expect(renderMarkdown(sampleDocument, { resolveCitation })).toMatchSnapshot();
  });

  it('names the source, channel and date in each footnote, reuses a number for the same source and marks a deleted one', () => {
    const markdown = renderMarkdown(sampleDocument, { resolveCitation });
    expect(markdown).toContain('deploys[^1] in minutes[^2].');
    expect(markdown).toContain('[^1]: Coffee chat with Dana Lee, Coffee chat, 2026-03-02');
    expect(markdown).toContain('[^2]: Deploy survey, Survey response, 2026-04-10: “Dana said deploys take an hour”');
    expect(markdown).toContain('[^3]: Deleted source (cited as “Old chat”): the note no longer exists.');
  });

  it('shows SLA gaps, and users’ quotes apart from the market’s, each under its own heading', () => {
    const markdown = renderMarkdown(sampleDocument, { resolveCitation });
    expect(markdown).toContain('**SLA gaps:**\n\n- Deploy API (latency): users expect 5 min, offered best effort');
    expect(markdown).toContain('**What users said:**\n\n> Dana Lee waits an hour\n> — Dana Lee, Coffee chat, 2026-03-02');
    expect(markdown).toContain('**What the market and research say:**\n\n> Managed deploys in minutes');
  });

  it('never writes an HTML entity: & < > stay readable characters, escaped with backslashes', () => {
    const markdown = renderMarkdown(hostileDocument, { resolveCitation });
    expect(markdown).not.toMatch(/&(?:amp|lt|gt|quot|#\d+|#x[\da-f]+);/i);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\> & \\<img');
    expect(escapeMarkdown('R&D &amp; ops')).toBe('R&D \\&amp; ops');
  });

  it('writes a table block as a pipe table, pipes in cells escaped', () => {
    const markdown = renderMarkdown({ title: 'T', sections: [{ heading: 'H', level: 2, blocks: [{ kind: 'table', columns: ['Bucket', 'Dots'], rows: [['a | b', '3'], ['', '0']] }] }] }, { resolveCitation });
    expect(markdown).toContain('| Bucket | Dots |\n| --- | --- |\n| a \\| b | 3 |\n|   | 0 |');
  });

  it('escapes hostile text so it never becomes HTML or Markdown (snapshot)', () => {
    const markdown = renderMarkdown(hostileDocument, { resolveCitation });
    expect(markdown).toMatchSnapshot();
    const outsideCode = markdown.replace(/````[\s\S]*?````/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)<(script|img)/i);
    expect(outsideCode).not.toContain('**bold**');
    // Brackets stay escaped, so no link can form around the hostile target.
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(markdown).toContain('\\[x\\](javascript:alert(3))');
    expect(markdown).toContain('\\<script\\>');
  });

  it('escapes every Markdown control character and the HTML ones', () => {
    expect(escapeMarkdown('*_`[]()<>&|~!\\ a-b 1.5 #x')).toBe('\\*\\_\\`\\[\\]()\\<\\>&\\|\\~!\\\\ a-b 1.5 #x');
    expect(escapeMarkdown('# h\n- item\n+ item\n  12. item\n3) item\n===')).toBe('\\# h\n\\- item\n\\+ item\n  12\\. item\n3\\) item\n\\===');
  });
});

describe('buildArtifactsExport', () => {
  it('puts the chosen parts in order, with every charter section and vision year, and says when the pain list is empty', async () => {
    const { buildArtifactsExport } = await import('../../../shared/export/build-artifacts-export');
    const { createCharter, createVision, applyVisionChanges } = await import('../../../shared/domain/apply-artifact-changes');
    const vision = applyVisionChanges(createVision('v', 'r', 1), [{ year: 1, themes: [{ id: 't', title: 'Golden paths' }] }], 2);
    const document = buildArtifactsExport({ roundTitle: 'Spring', parts: ['pains', 'charter', 'vision'], charter: createCharter('c', 'r', 1), vision, painList: [], exportedAt: Date.UTC(2026, 4, 1) });
    expect(document.title).toBe('Prioritization artifacts: Spring');
    expect(document.sections.map((section) => section.heading)).toEqual([
      'Charter', 'Unique value', 'Competitive advantages', 'Strategy',
      'Three-year vision', 'Year 1', 'Year 2', 'Year 3',
      'Prioritized user-pain list',
    ]);
    const markdown = renderMarkdown(document, { resolveCitation });
    expect(markdown).toContain('- Theme: Golden paths');
    expect(markdown).toContain('*No pain buckets in this round yet.*');
    expect(buildArtifactsExport({ roundTitle: '', parts: ['charter'], charter: null, vision: null, painList: [], exportedAt: 0 }).title).toBe('Charter: Untitled round');
  });
});
