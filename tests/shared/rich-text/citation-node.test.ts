import { describe, expect, it } from 'vitest';
import { CITATION_LABEL_CHARS, citationDisplayLabel, collectCitations, readCitationAttrs } from '../../../shared/rich-text/citation-node';
import { sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';

const paragraph = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

describe('citation nodes in rich text', () => {
  it('keeps a valid note or highlight citation with its cleaned label', () => {
    const doc = sanitizeRichText(
      paragraph(
        { type: 'text', text: 'See' },
        { type: 'citation', attrs: { kind: 'note', noteId: 'n-1', highlightId: 'ignored', label: ' Chat\u0000 with\nDana ' } },
        { type: 'citation', attrs: { kind: 'highlight', noteId: 'n-1', highlightId: 'h-1', label: 'Quote' } },
      ),
    );
    expect(doc.content?.[0]?.content).toEqual([
      { type: 'text', text: 'See' },
      { type: 'citation', attrs: { kind: 'note', noteId: 'n-1', highlightId: null, label: 'Chat with Dana' } },
      { type: 'citation', attrs: { kind: 'highlight', noteId: 'n-1', highlightId: 'h-1', label: 'Quote' } },
    ]);
  });

  it.each([
    ['an unknown kind', { kind: 'survey', noteId: 'n-1' }],
    ['a missing note id', { kind: 'note' }],
    ['a note id that is markup', { kind: 'note', noteId: '"><script>' }],
    ['a highlight citation without its highlight id', { kind: 'highlight', noteId: 'n-1' }],
    ['a non-string highlight id', { kind: 'highlight', noteId: 'n-1', highlightId: 7 }],
    ['no attributes at all', undefined],
  ])('drops a malformed citation: %s', (_case, attrs) => {
    const doc = sanitizeRichText(paragraph({ type: 'text', text: 'Before' }, { type: 'citation', attrs }, { type: 'text', text: ' after' }));
    expect(doc.content?.[0]?.content).toEqual([
      { type: 'text', text: 'Before' },
      { type: 'text', text: ' after' },
    ]);
  });

  it('gathers a citation found at block level into a paragraph', () => {
    const doc = sanitizeRichText({ type: 'doc', content: [{ type: 'citation', attrs: { kind: 'note', noteId: 'n-2', label: 'x' } }] });
    expect(doc.content).toEqual([{ type: 'paragraph', content: [{ type: 'citation', attrs: { kind: 'note', noteId: 'n-2', highlightId: null, label: 'x' } }] }]);
  });

  it('lists every citation once, in reading order, across documents, skipping malformed ones', () => {
    const first = paragraph({ type: 'citation', attrs: { kind: 'note', noteId: 'b' } }, { type: 'citation', attrs: { kind: 'note', noteId: '' } });
    const second = {
      type: 'doc' as const,
      content: [{ type: 'bulletList', content: [{ type: 'listItem', content: paragraph({ type: 'citation', attrs: { kind: 'highlight', noteId: 'a', highlightId: 'h' } }).content }] }],
    };
    const again = paragraph({ type: 'citation', attrs: { kind: 'note', noteId: 'b' } });
    expect(collectCitations([first, second, again].map(sanitizeRichText))).toEqual([
      { kind: 'note', noteId: 'b' },
      { kind: 'highlight', noteId: 'a', highlightId: 'h' },
    ]);
  });

  it('reads attributes only from the object itself, not its prototype', () => {
    const attrs = Object.create({ kind: 'note', noteId: 'n-1' }) as object;
    expect(readCitationAttrs(attrs)).toBeNull();
  });
});

describe('citationDisplayLabel', () => {
  it('keeps a short label as it is, with its spaces tidied', () => {
    expect(citationDisplayLabel('  Backstage   scan ')).toBe('Backstage scan');
  });

  it('cuts a long label at a word, within the limit, with an ellipsis', () => {
    const shown = citationDisplayLabel('We wait forty minutes for every build because the shared runners are always busy');
    expect(shown).toBe('We wait forty minutes for every build because…');
    expect(shown.length).toBeLessThanOrEqual(CITATION_LABEL_CHARS);
  });

  it('cuts one long word where it must', () => {
    expect(citationDisplayLabel('x'.repeat(80))).toBe(`${'x'.repeat(CITATION_LABEL_CHARS - 1)}…`);
  });
});
