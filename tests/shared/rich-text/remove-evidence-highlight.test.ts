import { describe, expect, it } from 'vitest';
import { removeEvidenceHighlight } from '../../../shared/rich-text/remove-evidence-highlight';
import type { RichTextDoc } from '../../../shared/domain/rich-text';

describe('removeEvidenceHighlight', () => {
  it('drops only that highlight, keeping the words, other highlights and other marks', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'CI takes ', marks: [{ type: 'evidenceHighlight', attrs: { highlightId: 'h1' } }] },
            { type: 'text', text: '40 minutes', marks: [{ type: 'bold' }, { type: 'evidenceHighlight', attrs: { highlightId: 'h1' } }, { type: 'evidenceHighlight', attrs: { highlightId: 'h2' } }] },
          ],
        },
      ],
    };
    expect(removeEvidenceHighlight(doc, 'h1')).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'CI takes ' },
            { type: 'text', text: '40 minutes', marks: [{ type: 'bold' }, { type: 'evidenceHighlight', attrs: { highlightId: 'h2' } }] },
          ],
        },
      ],
    });
  });
});
