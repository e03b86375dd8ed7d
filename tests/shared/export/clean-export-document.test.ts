import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../shared/domain/artifact';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import type { CitedSource, ExportDocument, NameReplacement } from '../../../shared/export/artifact-export-document';
import { buildArtifactsExport } from '../../../shared/export/build-artifacts-export';
import { cleanExportDocument } from '../../../shared/export/clean-export-document';
import { renderArtifactsExport, type RenderArtifactsOptions } from '../../../shared/export/render-artifacts-export';
import { renderHtml } from '../../../shared/export/render-html';
import { renderMarkdown } from '../../../shared/export/render-markdown';
import { resolveCitation } from './artifact-export-fixtures';

// Every element an export may contain; anything else (an `<h-1>`, an `<h7>`, a `<script>`) is a defect.
const ALLOWED_ELEMENTS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li',
  'blockquote', 'pre', 'code', 'strong', 'em', 's', 'u', 'a', 'sup', 'br', 'hr', 'dl', 'dt', 'dd', 'span',
]);

function elementsOf(html: string): string[] {
  return [...html.replace(/<style>[\s\S]*?<\/style>/, '').matchAll(/<\/?([^\s>/!]+)/g)].map((match) => match[1] ?? '');
}

/** Stored JSON as a damaged or hand-made row may hold it: typed as a document, holding anything. */
function stored(value: unknown): RichTextDoc {
  return value as RichTextDoc;
}

function oneDocument(doc: unknown): ExportDocument {
  return { title: 'Round', sections: [{ heading: 'Unique value', level: 3, blocks: [{ kind: 'rich-text', doc: stored(doc) }] }] };
}

const options: RenderArtifactsOptions = { resolveCitation };

// Through the whole pipeline (cleaning, then the one redaction, then both renderers), and through each renderer alone.
function renderBoth(document: ExportDocument, exportOptions: RenderArtifactsOptions = options): { markdown: string; html: string } {
  const piped = renderArtifactsExport(document, exportOptions);
  const alone = { markdown: renderMarkdown(document, exportOptions), html: renderHtml(document, exportOptions) };
  expect(alone.markdown).toBe(exportOptions.nameReplacements === undefined ? piped.markdown : alone.markdown);
  return piped;
}

describe('exports of malformed stored documents', () => {
  it('renders text that is not a string instead of failing with “e.replace is not a function”', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 42 }, { type: 'text', text: { a: 1 } }, { type: 'text', text: 'kept', marks: 'bold' }] }] };
    const { markdown, html } = renderBoth(oneDocument(doc));
    expect(markdown).toContain('kept');
    expect(html).toContain('<p>kept</p>');
  });

  it('renders a heading of level -4, 0, 99 or "2" instead of failing with “Invalid count value” or writing <h-1>', () => {
    for (const level of [-4, 0, 99, '2', Number.NaN, 2.5]) {
      const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level }, content: [{ type: 'text', text: 'Goal' }] }] };
      const { markdown, html } = renderBoth(oneDocument(doc));
      expect(markdown).toMatch(/\n#{4,6} Goal\n/);
      expect(html).toMatch(/<h[4-6]>Goal<\/h[4-6]>/);
      expect(elementsOf(html).every((name) => ALLOWED_ELEMENTS.has(name))).toBe(true);
    }
  });

  it('cleans javascript: and data: links and unknown nodes out of a stored charter section', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'image', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }] }] },
        { type: 'iframe', attrs: { src: 'https://evil.example' }, content: [{ type: 'text', text: 'inside' }] },
      ],
    };
    const { markdown, html } = renderBoth(oneDocument(doc));
    expect(`${markdown}${html}`).not.toMatch(/javascript:|data:text|iframe/i);
    expect(html).toContain('inside');
  });

  it('renders sections, blocks, pain lists and sources of the wrong shape', () => {
    const broken = {
      title: 7,
      sections: [
        { heading: null, level: -1, blocks: [{ kind: 'list', items: 'not a list' }, { kind: 'pain-list', entries: [{ rank: 'x', title: 3, quotes: [{}] }] }, { kind: 'unknown' }, null] },
        'not a section',
      ],
    };
    const weirdSource = (): CitedSource | null => ({ title: 5, channelLabel: null, occurredAt: 'yesterday' }) as unknown as CitedSource;
    const citing = oneDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { kind: 'note', noteId: 'note-9', highlightId: null, label: 'x' } }] }] });
    expect(() => renderBoth(broken as unknown as ExportDocument)).not.toThrow();
    const { markdown } = renderBoth(citing, { resolveCitation: weirdSource, nameReplacements: [{ name: 3, replacement: null }] as unknown as readonly NameReplacement[] });
    expect(markdown).toContain('date unknown');
  });

  it('builds an export of a charter and vision stored with the wrong shapes and an invalid date', () => {
    const charter = { sections: null } as unknown as Parameters<typeof buildArtifactsExport>[0]['charter'];
    const vision = { years: [{ year: 1, themes: 'none', body: 'plain text body' }] } as unknown as Parameters<typeof buildArtifactsExport>[0]['vision'];
    const document = buildArtifactsExport({ roundTitle: 'R', parts: ['charter', 'vision', 'pains'], charter, vision, painList: [], exportedAt: Number.NaN });
    const { markdown } = renderBoth(document);
    expect(markdown).toContain('plain text body');
    expect(markdown).toContain('date unknown');
  });
});

// Malformed TipTap JSON: known and unknown node types, attributes and text of every type, content that is not a list.
const anyValue = fc.oneof(fc.string(), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }));
const nodeType = fc.oneof(
  fc.constantFrom('doc', 'paragraph', 'heading', 'text', 'hardBreak', 'blockquote', 'bulletList', 'orderedList', 'taskList', 'listItem', 'taskItem', 'codeBlock', 'horizontalRule', 'citation', 'image', 'script', '__proto__', 'constructor'),
  anyValue,
);
const mark = fc.oneof(
  fc.record({ type: fc.constantFrom('bold', 'italic', 'strike', 'code', 'underline', 'link', 'evidenceHighlight', 'unknown'), attrs: fc.oneof(anyValue, fc.record({ href: fc.oneof(fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'https://example.com', ' JaVaScRiPt:x'), anyValue), highlightId: anyValue })) }, { requiredKeys: ['type'] }),
  anyValue,
);
const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyValue,
    fc.record(
      {
        type: nodeType,
        attrs: fc.oneof(anyValue, fc.record({ level: anyValue, start: anyValue, checked: anyValue, kind: fc.constantFrom('note', 'highlight'), noteId: anyValue, highlightId: anyValue, label: anyValue })),
        content: fc.oneof(anyValue, fc.array(tie('node'), { maxLength: 4 })),
        marks: fc.oneof(anyValue, fc.array(mark, { maxLength: 3 })),
        text: anyValue,
      },
      { requiredKeys: [] },
    ),
  ),
}));

describe('export renderers, fuzzed with malformed TipTap JSON', () => {
  it('never throw, and write only allowed elements, no unsafe link and no “undefined” or “[object Object]”', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), fc.boolean(), (docs, isDocRoot) => {
        const document: ExportDocument = {
          title: 'Fuzzed',
          sections: docs.map((doc, index) => ({ heading: `Part ${index}`, level: 3, blocks: [{ kind: 'rich-text', doc: stored(isDocRoot ? { type: 'doc', content: [doc] } : doc) }] })),
        };
        const resolve = (citation: Citation): CitedSource | null => (citation.noteId.length % 2 === 0 ? { title: citation.noteId, channelLabel: 'Coffee chat', occurredAt: 0 } : null);
        const { markdown, html } = renderBoth(document, { resolveCitation: resolve });
        const names = elementsOf(html);
        expect(names.filter((name) => !ALLOWED_ELEMENTS.has(name))).toEqual([]);
        expect(html).not.toMatch(/href="(?!https?:|mailto:|#fn)/i);
        expect(markdown).not.toMatch(/\]\((?!https?:|mailto:)/i);
        for (const out of [markdown, html]) expect(out).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b/);
      }),
      { numRuns: 300 },
    );
  });

  it('clean a document idempotently: cleaning the cleaned one changes nothing', () => {
    fc.assert(
      fc.property(node, (doc) => {
        const once = cleanExportDocument(oneDocument(doc));
        expect(cleanExportDocument(once)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
