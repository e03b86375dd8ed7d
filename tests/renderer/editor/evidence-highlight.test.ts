import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { noteEditorExtensions } from '../../../renderer/editor';

const editors: Editor[] = [];

function editorWith(content: JSONContent): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: noteEditorExtensions(), content, injectCSS: false });
  editors.push(editor);
  return editor;
}

const paragraphDoc = (text: string): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** [text, highlight ids] for each text node of the first paragraph. */
function spans(editor: Editor): [string, string[]][] {
  const result: [string, string[]][] = [];
  editor.state.doc.descendants((node) => {
    if (node.isText) result.push([node.text ?? '', node.marks.filter((mark) => mark.type.name === 'evidenceHighlight').map((mark) => String(mark.attrs['highlightId']))]);
  });
  return result;
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

describe('EvidenceHighlight', () => {
  it('marks a range and renders it as <mark data-highlight-id>', () => {
    const editor = editorWith(paragraphDoc('Deploys take forty minutes'));
    expect(editor.commands.setEvidenceHighlight({ highlightId: 'h1', range: { from: 14, to: 27 } })).toBe(true);
    expect(spans(editor)).toEqual([
      ['Deploys take ', []],
      ['forty minutes', ['h1']],
    ]);
    expect(editor.getHTML()).toBe('<p>Deploys take <mark class="evidence-highlight" data-highlight-id="h1">forty minutes</mark></p>');
  });

  it('marks the selection when no range is given, and refuses an empty one', () => {
    const editor = editorWith(paragraphDoc('Deploys take forty minutes'));
    editor.commands.setTextSelection(3);
    expect(editor.commands.setEvidenceHighlight({ highlightId: 'h1' })).toBe(false);
    editor.commands.setTextSelection({ from: 1, to: 8 });
    expect(editor.commands.setEvidenceHighlight({ highlightId: 'h1' })).toBe(true);
    expect(spans(editor)[0]).toEqual(['Deploys', ['h1']]);
  });

  it('refuses ids that are not safe and ranges outside the document', () => {
    const editor = editorWith(paragraphDoc('text'));
    expect(editor.commands.setEvidenceHighlight({ highlightId: '"><script>', range: { from: 1, to: 3 } })).toBe(false);
    expect(editor.commands.setEvidenceHighlight({ highlightId: '', range: { from: 1, to: 3 } })).toBe(false);
    expect(editor.commands.setEvidenceHighlight({ highlightId: 'h1', range: { from: 1, to: 999 } })).toBe(false);
    expect(spans(editor)).toEqual([['text', []]]);
  });

  it('lets highlights overlap, and removes one without touching the other', () => {
    const editor = editorWith(paragraphDoc('one sentence, two findings'));
    editor.commands.setEvidenceHighlight({ highlightId: 'whole', range: { from: 1, to: 27 } });
    editor.commands.setEvidenceHighlight({ highlightId: 'part', range: { from: 15, to: 27 } });
    expect(spans(editor)).toEqual([
      ['one sentence, ', ['whole']],
      ['two findings', ['whole', 'part']],
    ]);
    expect(editor.commands.unsetEvidenceHighlight('whole')).toBe(true);
    expect(spans(editor)).toEqual([
      ['one sentence, ', []],
      ['two findings', ['part']],
    ]);
    expect(editor.commands.unsetEvidenceHighlight('missing')).toBe(false);
  });

  it('does not grow when someone types right after it', () => {
    const editor = editorWith(paragraphDoc('quoted'));
    editor.commands.setEvidenceHighlight({ highlightId: 'h1', range: { from: 1, to: 7 } });
    editor.commands.setTextSelection(7);
    editor.commands.insertContent(' more');
    expect(spans(editor)).toEqual([
      ['quoted', ['h1']],
      [' more', []],
    ]);
  });

  it('reads highlights from HTML only with a safe id', () => {
    const editor = editorWith(paragraphDoc('x'));
    editor.commands.setContent('<p><mark data-highlight-id="ok-1">kept</mark> <mark data-highlight-id="&quot;&gt;&lt;img">dropped</mark> <mark>plain</mark></p>');
    expect(spans(editor)).toEqual([
      ['kept', ['ok-1']],
      [' dropped plain', []],
    ]);
  });
});
