import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CHANNEL_IDS } from '../../../shared/domain/channel';
import { noteTemplate } from '../../../shared/rich-text/note-templates';
import { noteEditorExtensions } from '../../../renderer/editor';
import { openNoteContent } from '../../../renderer/editor/open-note-content';

const schema = getSchema(noteEditorExtensions());

const text = (value: string, marks?: unknown[]) => (marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

// Shapes the cleaner has to repair; each must come out as a document the real editor schema accepts.
const MALFORMED: Record<string, unknown> = {
  'empty document': { type: 'doc', content: [] },
  'text directly in the document': { type: 'doc', content: [text('loose'), { type: 'hardBreak' }, text('words')] },
  'a list item outside a list': { type: 'doc', content: [{ type: 'listItem', content: [paragraph(text('a'))] }] },
  'a task item inside a bullet list': { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('a'))] }] }] },
  'a list item inside a task list': { type: 'doc', content: [{ type: 'taskList', content: [{ type: 'listItem', content: [paragraph(text('a'))] }] }] },
  'a paragraph directly in a list': { type: 'doc', content: [{ type: 'orderedList', content: [paragraph(text('a'))] }] },
  'a list item starting with a list': {
    type: 'doc',
    content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('x'))] }] }] }] }],
  },
  'an empty list item and an empty quote': { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [] }] }, { type: 'blockquote', content: [] }] },
  'blocks inside a heading': { type: 'doc', content: [{ type: 'heading', attrs: { level: 7 }, content: [paragraph(text('a')), { type: 'bulletList', content: [] }] }] },
  'marks inside a code block': { type: 'doc', content: [{ type: 'codeBlock', attrs: { language: 'js' }, content: [text('code', [{ type: 'bold' }]), { type: 'hardBreak' }, text('more')] }] },
  'code with other marks': { type: 'doc', content: [paragraph(text('x', [{ type: 'code' }, { type: 'italic' }, { type: 'link', attrs: { href: 'https://example.com' } }]))] },
  'duplicate marks': { type: 'doc', content: [paragraph(text('x', [{ type: 'bold' }, { type: 'bold' }, { type: 'link', attrs: { href: 'https://a.example' } }, { type: 'link', attrs: { href: 'https://b.example' } }]))] },
  'unknown wrapper nodes everywhere': {
    type: 'doc',
    content: [{ type: 'section', content: [{ type: 'columns', content: [paragraph({ type: 'mention', content: [text('@ana')] }), text('stray')] }] }],
  },
  'a root that is not a doc': paragraph(text('just a paragraph')),
  'deep nesting': (() => {
    let deep: unknown = paragraph(text('bottom'));
    for (let level = 0; level < 500; level += 1) deep = { type: level % 2 === 0 ? 'blockquote' : 'bulletList', content: [level % 2 === 0 ? deep : { type: 'listItem', content: [deep] }] };
    return { type: 'doc', content: [deep] };
  })(),
};

describe('openNoteContent', () => {
  it.each(Object.entries(MALFORMED))('opens %s as a valid document', (_name, content) => {
    const opened = openNoteContent(content, schema);
    expect(opened.isValid).toBe(true);
    expect(() => schema.nodeFromJSON(opened.json).check()).not.toThrow();
  });

  it.each(CHANNEL_IDS)('opens the %s template', (channel) => {
    expect(openNoteContent(noteTemplate(channel), schema).isValid).toBe(true);
  });

  it('gives an empty note the one paragraph the editor needs', () => {
    expect(openNoteContent({ type: 'doc', content: [] }, schema).json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('reports content the schema cannot hold instead of silently showing an empty note', () => {
    const withoutTaskLists = getSchema([StarterKit]);
    const opened = openNoteContent({ type: 'doc', content: [{ type: 'taskList', content: [{ type: 'taskItem', content: [paragraph(text('a'))] }] }] }, withoutTaskLists);
    expect(opened.isValid).toBe(false);
  });
});
