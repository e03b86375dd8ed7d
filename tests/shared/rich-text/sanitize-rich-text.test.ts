import { describe, expect, it } from 'vitest';
import { EMPTY_RICH_TEXT_DOC, richTextToPlainText, type RichTextDoc, type RichTextNode } from '../../../shared/domain/rich-text';
import { MAX_RICH_TEXT_DEPTH, isSafeHighlightId, sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';

const text = (value: string, marks?: unknown[]) => (marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

/** Every node and mark of a cleaned document, walked without recursion. */
function walk(cleaned: RichTextDoc): { nodes: RichTextNode[]; depth: number } {
  const nodes: RichTextNode[] = [];
  let depth = 0;
  const stack: { node: RichTextNode; depth: number }[] = (cleaned.content ?? []).map((node) => ({ node, depth: 1 }));
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    nodes.push(next.node);
    depth = Math.max(depth, next.depth);
    for (const child of next.node.content ?? []) stack.push({ node: child, depth: next.depth + 1 });
  }
  return { nodes, depth };
}

const hrefsOf = (cleaned: RichTextDoc) =>
  walk(cleaned).nodes.flatMap((node) => (node.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => mark.attrs?.['href']));

const linked = (href: string) => doc(paragraph(text('click me', [{ type: 'link', attrs: { href, target: '_self' } }])));

describe('sanitizeRichText', () => {
  it('keeps a well-formed note as it is', () => {
    const note = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('What are you working on?')] },
      paragraph(
        text('Deploys take '),
        text('40 minutes', [{ type: 'bold' }, { type: 'evidenceHighlight', attrs: { highlightId: '3f2a9c4e-1b7d-4e3a-9f00-0a1b2c3d4e5f' } }]),
        { type: 'hardBreak' },
        text('see ', [{ type: 'italic' }]),
        text('the runbook', [{ type: 'link', attrs: { href: 'https://wiki.example.com/runbook' } }]),
      ),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one')), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('nested'))] }] }] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('three'))] }] },
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('follow up'))] }] },
      { type: 'blockquote', content: [paragraph(text('“It is always the cache.”'))] },
      { type: 'codeBlock', content: [text('kubectl get pods')] },
      { type: 'horizontalRule' },
      { type: 'paragraph' },
    );
    expect(sanitizeRichText(note)).toEqual(note);
  });

  it('is idempotent', () => {
    const hostile = doc(
      { type: 'iframe', attrs: { srcdoc: '<script>alert(1)</script>' }, content: [text('frame text')] },
      text('stray', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
      { type: 'listItem', content: [{ type: 'heading', attrs: { level: 9 }, content: [text('item')] }] },
    );
    const once = sanitizeRichText(hostile);
    expect(sanitizeRichText(once)).toEqual(once);
  });

  describe('links', () => {
    it.each([
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      '%6Aavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      ' \u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///C:/Windows/System32/calc.exe',
      'vbscript:msgbox(1)',
      'smb://evil.example/share',
      '//evil.example',
    ])('drops the link %j but keeps its text', (href) => {
      const cleaned = sanitizeRichText(linked(href));
      expect(hrefsOf(cleaned)).toEqual([]);
      expect(richTextToPlainText(cleaned)).toBe('click me');
    });

    it('keeps only href on a safe link, trimmed', () => {
      const cleaned = sanitizeRichText(
        doc(paragraph(text('docs', [{ type: 'link', attrs: { href: ' https://example.com ', target: '_blank', rel: 'opener', onclick: 'alert(1)', class: 'x' } }]))),
      );
      expect(cleaned.content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.com' } }]);
    });

    it('drops a link whose href is not a string', () => {
      for (const href of [null, 42, { toString: 'https://example.com' }, ['https://example.com']]) {
        expect(hrefsOf(sanitizeRichText(doc(paragraph(text('a', [{ type: 'link', attrs: { href } }])))))).toEqual([]);
      }
    });
  });

  describe('nodes and attributes', () => {
    it('unwraps script-like and unknown nodes to their text, never running or keeping them', () => {
      const cleaned = sanitizeRichText(
        doc(
          { type: 'script', content: [text('alert(1)')] },
          { type: 'iframe', attrs: { srcdoc: '<script>alert(1)</script>' }, content: [paragraph(text('inside a frame'))] },
          { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
          { type: 'svg', attrs: { onload: 'alert(1)' } },
          paragraph({ type: 'mention', attrs: { id: 'u1' }, content: [text('@ana')] }, text(' said hi')),
        ),
      );
      const types = new Set(walk(cleaned).nodes.map((node) => node.type));
      expect([...types].sort()).toEqual(['paragraph', 'text']);
      expect(richTextToPlainText(cleaned)).toBe('alert(1)\ninside a frame\n@ana said hi');
    });

    it('drops unknown attributes and unknown marks', () => {
      const cleaned = sanitizeRichText(
        doc(
          { type: 'paragraph', attrs: { onerror: 'alert(1)', style: 'x', class: 'y' }, content: [text('a', [{ type: 'bold', attrs: { onmouseover: 'alert(1)' } }, { type: 'textStyle', attrs: { color: 'red' } }, { type: 'script' }])] },
          { type: 'heading', attrs: { level: 2, id: 'x', onclick: 'alert(1)' }, content: [text('b')] },
          { type: 'codeBlock', attrs: { language: '"><script>' }, content: [text('c', [{ type: 'bold' }])] },
          { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: 'yes', onchange: 'x' }, content: [paragraph(text('d'))] }] },
        ),
      );
      expect(cleaned).toEqual({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }] }] },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'b' }] },
          { type: 'codeBlock', content: [{ type: 'text', text: 'c' }] },
          { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'd' }] }] }] },
        ],
      });
    });

    it('limits headings to levels 1-3 and list starts to integers', () => {
      const cleaned = sanitizeRichText(
        doc(
          { type: 'heading', attrs: { level: 6 }, content: [text('deep')] },
          { type: 'heading', attrs: { level: 'x' }, content: [text('odd')] },
          { type: 'orderedList', attrs: { start: 'javascript:' }, content: [{ type: 'listItem', content: [paragraph(text('a'))] }] },
          { type: 'orderedList', attrs: { start: 1.5 }, content: [{ type: 'listItem', content: [paragraph(text('b'))] }] },
        ),
      );
      expect(cleaned.content?.map((node) => node.attrs)).toEqual([{ level: 3 }, { level: 1 }, { start: 1 }, { start: 1 }]);
    });

    it('keeps evidence highlights only with a safe id, and overlapping ones once each', () => {
      const cleaned = sanitizeRichText(
        doc(
          paragraph(
            text('a', [
              { type: 'evidenceHighlight', attrs: { highlightId: 'h1' } },
              { type: 'evidenceHighlight', attrs: { highlightId: 'h2' } },
              { type: 'evidenceHighlight', attrs: { highlightId: 'h1' } },
              { type: 'evidenceHighlight', attrs: { highlightId: '"><img src=x onerror=alert(1)>' } },
              { type: 'evidenceHighlight', attrs: { highlightId: 7 } },
              { type: 'evidenceHighlight' },
            ]),
          ),
        ),
      );
      expect(cleaned.content?.[0]?.content?.[0]?.marks).toEqual([
        { type: 'evidenceHighlight', attrs: { highlightId: 'h1' } },
        { type: 'evidenceHighlight', attrs: { highlightId: 'h2' } },
      ]);
    });

    it('lets inline code stand alone, as the editor does', () => {
      const cleaned = sanitizeRichText(doc(paragraph(text('x', [{ type: 'bold' }, { type: 'code' }, { type: 'bold' }]))));
      expect(cleaned.content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'code' }]);
    });
  });

  describe('structure', () => {
    it('wraps stray inline content in paragraphs and stray items in lists', () => {
      const cleaned = sanitizeRichText(
        doc(text('loose '), text('words'), { type: 'listItem', content: [paragraph(text('one'))] }, { type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('two'))] }),
      );
      expect(cleaned).toEqual({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'loose ' }, { type: 'text', text: 'words' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
          { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] },
        ],
      });
    });

    it('gives every list item a leading paragraph and every list only items', () => {
      const cleaned = sanitizeRichText(
        doc({
          type: 'bulletList',
          content: [paragraph(text('not an item')), { type: 'listItem', content: [{ type: 'heading', attrs: { level: 1 }, content: [text('heading item')] }] }, { type: 'listItem' }],
        }),
      );
      expect(cleaned.content?.[0]).toEqual({
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'not an item' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'heading item' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph' }] },
        ],
      });
    });

    it('flattens blocks found inside a paragraph into lines of that paragraph', () => {
      const cleaned = sanitizeRichText(doc(paragraph(text('before'), paragraph(text('inner')), { type: 'blockquote', content: [paragraph(text('quoted'))] })));
      expect(cleaned.content).toEqual([
        { type: 'paragraph', content: [{ type: 'text', text: 'before' }, { type: 'hardBreak' }, { type: 'text', text: 'inner' }, { type: 'hardBreak' }, { type: 'text', text: 'quoted' }] },
      ]);
    });

    it('drops empty lists and empty text nodes, and fills an empty quote', () => {
      const cleaned = sanitizeRichText(doc({ type: 'bulletList', content: [] }, paragraph(text('')), { type: 'blockquote', content: [] }));
      expect(cleaned.content).toEqual([{ type: 'paragraph' }, { type: 'blockquote', content: [{ type: 'paragraph' }] }]);
    });
  });

  describe('text', () => {
    it('strips NUL and other control characters but keeps line breaks, tabs and every script', () => {
      const cleaned = sanitizeRichText(doc(paragraph(text('a\u0000b\u0007c\u001bd\u007f\te\r\nf\rg 😀 مرحبا'))));
      expect(cleaned.content?.[0]?.content?.[0]?.text).toBe('abcd\te\nf\ng 😀 مرحبا');
    });

    it('drops text that is not a string', () => {
      const cleaned = sanitizeRichText(doc(paragraph({ type: 'text', text: 42 }, { type: 'text', text: { evil: true } }, { type: 'text' }, text('kept'))));
      expect(cleaned.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'kept' }] }]);
    });

    it('turns plain text into paragraphs rather than losing it', () => {
      expect(sanitizeRichText('first line\n\nsecond line')).toEqual({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'first line' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'second line' }] },
        ],
      });
    });
  });

  describe('hostile shapes', () => {
    it.each([null, undefined, 42, true, [], () => 'x', Symbol('x'), { type: 'doc', content: 'not an array' }, { type: 'doc', content: [null, 1, 'x', [], {}] }])(
      'never throws on %s',
      (input) => {
        expect(() => sanitizeRichText(input)).not.toThrow();
        expect(sanitizeRichText(input).type).toBe('doc');
      },
    );

    it('returns the empty document for nothing usable', () => {
      expect(sanitizeRichText(null)).toEqual(EMPTY_RICH_TEXT_DOC);
      expect(sanitizeRichText(EMPTY_RICH_TEXT_DOC)).toEqual(EMPTY_RICH_TEXT_DOC);
    });

    it('ignores __proto__ and constructor keys and never reads inherited properties', () => {
      const parsed: unknown = JSON.parse(
        '{"type":"doc","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"content":[{"type":"paragraph","__proto__":{"type":"script"},"content":[{"type":"text","text":"safe","__proto__":{"marks":[{"type":"link","attrs":{"href":"javascript:alert(1)"}}]}}]}]}',
      );
      const cleaned = sanitizeRichText(parsed);
      expect(cleaned).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'safe' }] }] });
      const probe: Record<string, unknown> = {};
      expect(probe['polluted']).toBeUndefined();

      const inherited: unknown = Object.create({ type: 'doc', content: [paragraph(text('inherited'))] });
      expect(sanitizeRichText(inherited)).toEqual(EMPTY_RICH_TEXT_DOC);
    });

    it('survives getters that throw', () => {
      const trap = { type: 'doc', get content(): unknown[] { throw new Error('boom'); } };
      expect(sanitizeRichText(trap)).toEqual(EMPTY_RICH_TEXT_DOC);
    });

    it('caps nesting depth and keeps the words of what lies deeper', () => {
      let deep: Record<string, unknown> = paragraph(text('bottom'));
      for (let level = 0; level < 10_000; level += 1) deep = { type: 'blockquote', content: [deep] };
      const cleaned = sanitizeRichText(doc(deep));
      expect(walk(cleaned).depth).toBeLessThanOrEqual(MAX_RICH_TEXT_DEPTH + 2);
      expect(richTextToPlainText(cleaned)).toBe('bottom');
    });

    it('caps deep nesting inside a paragraph too', () => {
      let deep: Record<string, unknown> = text('inner words');
      for (let level = 0; level < 10_000; level += 1) deep = { type: 'span', content: [deep] };
      const cleaned = sanitizeRichText(doc(paragraph(deep)));
      expect(richTextToPlainText(cleaned)).toBe('inner words');
    });

    // Slow by nature (300,000 paragraphs); how fast is measured by tests/bench/pure-rules.bench.mjs.
    it('bounds what it keeps of a huge document', { timeout: 60_000 }, () => {
      const many = { type: 'doc', content: Array.from({ length: 300_000 }, (_, index) => paragraph(text(`line ${index}`))) };
      const cleaned = sanitizeRichText(many);
      const count = walk(cleaned).nodes.length;
      expect(count).toBeGreaterThan(100_000);
      expect(count).toBeLessThanOrEqual(200_001);
    });

    it('unwraps an unknown node holding a very long list of blocks', () => {
      const wrapper = { type: 'section', content: Array.from({ length: 150_000 }, (_, index) => paragraph(text(`line ${index}`))) };
      const cleaned = sanitizeRichText(doc(wrapper));
      expect(cleaned.content).toHaveLength(100_000);
      expect(cleaned.content?.[99_999]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'line 99999' }] });
    });

    it('bounds the total text it keeps', () => {
      const cleaned = sanitizeRichText(doc(paragraph(text('x'.repeat(6_000_000))), paragraph(text('after'))));
      expect(richTextToPlainText(cleaned).length).toBe(5_000_000);
    });
  });
});

describe('isSafeHighlightId', () => {
  it('accepts UUIDs and simple ids, and nothing that could break out of an attribute', () => {
    expect(isSafeHighlightId('3f2a9c4e-1b7d-4e3a-9f00-0a1b2c3d4e5f')).toBe(true);
    expect(isSafeHighlightId('h_1')).toBe(true);
    for (const id of ['', '"><script>', 'a b', '-leading', 'x'.repeat(200), 42, null]) expect(isSafeHighlightId(id)).toBe(false);
  });
});
