import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../shared/domain/artifact';
import type { CitedSource, ExportDocument } from '../../../shared/export/artifact-export-document';
import { renderArtifactsExport } from '../../../shared/export/render-artifacts-export';
import { nameReplacementsFor } from '../../../shared/export/replace-person-names';

const NAME = 'Dana Lee';
const EMAIL = 'dana.lee@example.com';
const named = (text: string) => `${text} ${NAME} (${EMAIL})`;

// Every source a footnote names, with the titles the app writes itself.
const sources: Readonly<Record<string, CitedSource>> = {
  'note-1': { title: `Follow-up with ${NAME} on Deploy survey`, channelLabel: named('Coffee chat'), occurredAt: Date.UTC(2026, 2, 2) },
  'hl-1': { title: `Coffee chat with Dana: pipelines`, channelLabel: named('Survey response'), occurredAt: Date.UTC(2026, 2, 3), quote: named('Dana said') },
};
const resolveCitation = (citation: Citation): CitedSource | null => sources[citation.kind === 'highlight' ? citation.highlightId : citation.noteId] ?? null;

const text = (value: string) => ({ type: 'text', text: value });

/** A document with a person in every string a reader could see. */
const document: ExportDocument = {
  title: named('Title'),
  subtitle: named('Subtitle'),
  sections: [
    {
      heading: named('Heading'),
      level: 2,
      blocks: [
        {
          kind: 'rich-text',
          doc: {
            type: 'doc',
            content: [
              { type: 'heading', attrs: { level: 1 }, content: [text(named('Rich heading'))] },
              {
                type: 'paragraph',
                content: [
                  text(named('Paragraph')),
                  { type: 'text', text: named('Linked'), marks: [{ type: 'link', attrs: { href: `mailto:${EMAIL}`, title: named('Link title') } }] },
                  { type: 'citation', attrs: { kind: 'note', noteId: 'note-1', highlightId: null, label: named('Label') } },
                  { type: 'citation', attrs: { kind: 'highlight', noteId: 'note-1', highlightId: 'hl-1', label: named('Label') } },
                  { type: 'citation', attrs: { kind: 'note', noteId: 'gone', highlightId: null, label: named('Deleted label') } },
                ],
              },
              { type: 'codeBlock', content: [text(named('Code'))] },
            ],
          },
        },
        { kind: 'list', items: [named('List item')] },
        { kind: 'note', text: named('Note') },
        { kind: 'table', columns: [named('Column')], rows: [[named('Cell')]] },
        {
          kind: 'pain-list',
          entries: [
            {
              rank: 1,
              title: named('Bucket'),
              statement: named('Statement'),
              solutionKind: 'address',
              evidence: [named('Evidence')],
              strength: named('Strength'),
              slaGaps: [named('SLA gap')],
              quotes: [{ text: named('Quote'), attribution: named('Attribution') }],
              marketQuotes: [{ text: named('Market quote'), attribution: named('Market attribution') }],
            },
          ],
        },
      ],
    },
  ],
};

// Keys that say what something is, never words a person reads.
const STRUCTURAL = new Set(['kind', 'type', 'noteId', 'highlightId', 'solutionKind']);

/** Every readable string of a value, so the test can prove the fixture names a person in each. */
function readableStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => readableStrings(item, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([childKey, child]) => readableStrings(child, childKey));
  return [];
}

describe('redacting an export (replace people’s names)', () => {
  const replacements = nameReplacementsFor([{ name: NAME, role: 'SRE lead' }]);

  it('uses a fixture that names a person in every readable field of the document and of every source', () => {
    for (const field of [...readableStrings(document), ...readableStrings(sources)]) expect(field).toMatch(/Dana/i);
  });

  it('lets no name and no e-mail address through, in Markdown or HTML, in any field, footnotes included', () => {
    const { markdown, html } = renderArtifactsExport(document, { resolveCitation, nameReplacements: replacements });
    for (const output of [markdown, html]) {
      expect(output).not.toMatch(/Dana/i);
      expect(output).not.toContain('example.com');
      expect(output).toContain('SRE lead');
    }
    expect(markdown).toContain('[^1]: Follow-up with \\[SRE lead\\] on Deploy survey');
    expect(markdown).toContain('Coffee chat with \\[SRE lead\\]: pipelines');
  });

  it('prints names when no replacement was asked for', () => {
    const { markdown } = renderArtifactsExport(document, { resolveCitation });
    expect(markdown).toContain('Follow-up with Dana Lee on Deploy survey');
  });
});
