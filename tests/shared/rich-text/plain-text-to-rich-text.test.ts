import { describe, expect, it } from 'vitest';
import { richTextToPlainText } from '../../../shared/domain/rich-text';
import { plainTextToRichText } from '../../../shared/rich-text/plain-text-to-rich-text';
import { sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';

describe('plainTextToRichText', () => {
  it('makes a paragraph per block and keeps single line breaks', () => {
    const doc = plainTextToRichText('First line\r\nsecond line\n\n  Next block ');
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Next block' }] },
      ],
    });
    expect(richTextToPlainText(doc)).toBe('First line\nsecond line\nNext block');
  });

  it('gives an empty document for blank text', () => {
    expect(plainTextToRichText(' \n\n ')).toEqual({ type: 'doc', content: [] });
  });

  it('keeps markup and links as literal text that survives cleaning', () => {
    const text = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) =HYPERLINK("x")';
    const doc = plainTextToRichText(text);
    expect(sanitizeRichText(doc)).toEqual(doc);
    expect(richTextToPlainText(doc)).toBe(text);
  });
});
