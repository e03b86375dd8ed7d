import type { RichTextDoc, RichTextNode } from '../domain/rich-text';

/**
 * A rich-text document holding plain text as written: a paragraph per block separated by a blank
 * line, single line breaks kept as hard breaks. Nothing in the text is read as markup or a link.
 */
export function plainTextToRichText(text: string): RichTextDoc {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return {
    type: 'doc',
    content: blocks.map((block): RichTextNode => {
      const content: RichTextNode[] = [];
      block.split('\n').forEach((line, index) => {
        if (index > 0) content.push({ type: 'hardBreak' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
}
