import { describe, expect, it } from 'vitest';
import { findRichTextSizeProblem, richTextSizeProblem, sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';

const paragraphs = (count: number) => ({ type: 'doc', content: Array.from({ length: count }, () => ({ type: 'paragraph', content: [{ type: 'text', text: 'a' }] })) });

describe('richTextSizeProblem', () => {
  it('accepts an ordinary document', () => {
    expect(richTextSizeProblem(paragraphs(1000))).toBeNull();
  });

  it('names the problem of a document the cleaning would cut at 5,000,000 characters', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(5_000_001) }] }] };
    expect(richTextSizeProblem(doc)).toMatch(/too long to save.*5,000,000 characters/);
    // What the refusal protects against: the cleaning keeps only the first 5,000,000 characters.
    expect(sanitizeRichText(doc).content?.[0]?.content?.[0]?.text).toHaveLength(5_000_000);
  });

  // Builds and cleans a document of 300,000 nodes: slow on a loaded machine.
  it('names the problem of a document with more parts than the cleaning keeps', { timeout: 30_000 }, () => {
    expect(richTextSizeProblem(paragraphs(150_000))).toMatch(/too many parts to save/);
  });

  it('finds a too-large document anywhere inside a form’s value', () => {
    const value = { title: 'Charter', sections: [{ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(5_000_001) }] }] } }] };
    expect(findRichTextSizeProblem(value)).toMatch(/too long to save/);
    expect(findRichTextSizeProblem({ title: 'Short', body: paragraphs(3) })).toBeNull();
  });
});
