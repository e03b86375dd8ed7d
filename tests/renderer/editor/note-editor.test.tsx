import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { NoteEditor, type HighlightSelection } from '../../../renderer/editor';
import type { RichTextDoc, RichTextMark, RichTextNode } from '../../../shared/domain/rich-text';
import { richTextToPlainText } from '../../../shared/domain/rich-text';
import { noteTemplate } from '../../../shared/rich-text/note-templates';
import { StorageFullError } from '../../../renderer/db/storage-full-error';

const docOf = (...paragraphs: string[]): RichTextDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

function allNodes(doc: RichTextDoc): RichTextNode[] {
  const nodes: RichTextNode[] = [];
  const visit = (list: readonly RichTextNode[]) => {
    for (const node of list) {
      nodes.push(node);
      visit(node.content ?? []);
    }
  };
  visit(doc.content ?? []);
  return nodes;
}

const allMarks = (doc: RichTextDoc): RichTextMark[] => allNodes(doc).flatMap((node) => [...(node.marks ?? [])]);

/** Selects `text` inside the editor the way a person's mouse would: through the DOM selection. */
function selectText(editor: HTMLElement, text: string, part: 'all' | 'start' | 'end' = 'all'): void {
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const start = node.textContent?.indexOf(text) ?? -1;
    if (start >= 0) {
      const from = part === 'end' ? start + text.length : start;
      const to = part === 'start' ? start : start + text.length;
      act(() => {
        document.getSelection()?.setBaseAndExtent(node, from, node, to);
        document.dispatchEvent(new Event('selectionchange'));
      });
      return;
    }
  }
  throw new Error(`"${text}" is not in the editor`);
}

/** Puts the caret (jsdom has no Home/End in editable content). */
const placeCaret = (editor: HTMLElement, where: 'before' | 'after', text: string) => selectText(editor, text, where === 'before' ? 'start' : 'end');

/** A paste as the browser delivers it, with HTML and plain text on the clipboard. */
function paste(editor: HTMLElement, { html, text }: { html?: string; text: string }): void {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  const data: Record<string, string> = { 'text/plain': text, ...(html === undefined ? {} : { 'text/html': html }) };
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => data[type] ?? '', types: Object.keys(data), files: [], items: [] },
  });
  act(() => {
    editor.dispatchEvent(event);
  });
}

function setup(props: Partial<Parameters<typeof NoteEditor>[0]> = {}) {
  const user = userEvent.setup();
  const onChange = vi.fn<(doc: RichTextDoc) => void>();
  const result = render(<NoteEditor content={docOf('Deploys take forty minutes')} onChange={onChange} {...props} />);
  const editor = screen.getByRole('textbox', { name: props.ariaLabel ?? 'Note' });
  const lastDoc = (): RichTextDoc => {
    const doc = onChange.mock.lastCall?.[0];
    if (doc === undefined) throw new Error('onChange was not called');
    return doc;
  };
  return { user, onChange, editor, lastDoc, ...result };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('NoteEditor', () => {
  it('shows the stored note and emits the document on every edit, not on opening', async () => {
    const { user, onChange, editor, lastDoc } = setup({ content: docOf('Hello') });
    expect(editor.textContent).toBe('Hello');
    expect(onChange).not.toHaveBeenCalled();

    await user.click(editor);
    placeCaret(editor, 'after', 'Hello');
    await user.keyboard(' world');
    expect(onChange).toHaveBeenCalledTimes(6);
    expect(lastDoc()).toEqual(docOf('Hello world'));
  });

  it.each([
    ['# ', 'heading', { level: 1 }],
    ['### ', 'heading', { level: 3 }],
    ['- ', 'bulletList', undefined],
    ['1. ', 'orderedList', { start: 1 }],
    ['> ', 'blockquote', undefined],
    ['[ ] ', 'taskList', undefined],
  ])('turns the Markdown shortcut %j into a %s', async (shortcut, type, attrs) => {
    const { user, editor, lastDoc } = setup({ content: { type: 'doc', content: [] } });
    await user.click(editor);
    await user.keyboard(`${shortcut.replace('[', '[[')}Finding`);
    const first = lastDoc().content?.[0];
    expect(first?.type).toBe(type);
    if (attrs !== undefined) expect(first?.attrs).toEqual(attrs);
    expect(richTextToPlainText(lastDoc())).toBe('Finding');
  });

  it('toggles block formats from the toolbar and reports them with aria-pressed', async () => {
    const { user, editor, lastDoc } = setup({ content: docOf('A finding') });
    await user.click(editor);
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    expect(toolbar).toBeTruthy();
    const bullet = screen.getByRole('button', { name: 'Bullet list' });
    expect(bullet.getAttribute('aria-pressed')).toBe('false');
    await user.click(bullet);
    expect(lastDoc().content?.[0]?.type).toBe('bulletList');
    expect(bullet.getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(lastDoc()).toEqual(docOf('A finding'));
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(lastDoc().content?.[0]?.type).toBe('bulletList');

    for (const name of ['Heading', 'Numbered list', 'Task list', 'Quote', 'Link', 'Highlight evidence']) {
      if (name === 'Highlight evidence') expect(screen.queryByRole('button', { name })).toBeNull();
      else expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('moves between toolbar buttons with the arrow keys, with one tab stop', async () => {
    const { user } = setup();
    const buttons = screen.getAllByRole('button');
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    buttons[0]?.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bold' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Redo' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Heading' }));
  });

  describe('stored content', () => {
    it('cleans a hostile stored document before showing it', () => {
      // As read back from storage: plain JSON, whatever shape it has.
      const hostile: RichTextDoc = JSON.parse(
        JSON.stringify({
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              attrs: { onclick: 'alert(1)' },
              content: [
                { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'jav&#x09;ascript:alert(1)', onmouseover: 'alert(2)' } }] },
                { type: 'text', text: ' me', marks: [{ type: 'link', attrs: { href: 'JAVASCRIPT:alert(1)' } }] },
              ],
            },
            { type: 'image', attrs: { src: 'x', onerror: 'alert(3)' } },
            { type: 'iframe', attrs: { srcdoc: '<script>alert(4)</script>' }, content: [{ type: 'text', text: 'framed' }] },
          ],
        }),
      );
      const { editor } = setup({ content: hostile });
      expect(editor.textContent).toBe('click meframed');
      expect(editor.querySelector('a, img, iframe, script, [onclick], [onerror], [onmouseover]')).toBeNull();
    });

    it('replaces the content when another note is opened, without calling onChange or keeping its undo history', async () => {
      const onChange = vi.fn<(doc: RichTextDoc) => void>();
      const user = userEvent.setup();
      const { rerender } = render(<NoteEditor documentKey="note-a" content={docOf('Note A')} onChange={onChange} />);
      const editor = screen.getByRole('textbox', { name: 'Note' });
      await user.click(editor);
      placeCaret(editor, 'after', 'Note A');
      await user.keyboard('!');
      expect(onChange).toHaveBeenCalledTimes(1);

      rerender(<NoteEditor documentKey="note-b" content={docOf('Note B')} onChange={onChange} />);
      expect(editor.textContent).toBe('Note B');
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(screen.getByRole('button', { name: 'Undo' }).getAttribute('aria-disabled')).toBe('true');
    });

    it('does not reset while the same note echoes its own edits back', async () => {
      function Host() {
        const [doc, setDoc] = useState(docOf('Draft'));
        return <NoteEditor documentKey="note-a" content={doc} onChange={setDoc} />;
      }
      const user = userEvent.setup();
      render(<Host />);
      const editor = screen.getByRole('textbox', { name: 'Note' });
      await user.click(editor);
      placeCaret(editor, 'after', 'Draft');
      await user.keyboard(' one two');
      expect(editor.textContent).toBe('Draft one two');
    });

    it('opens a channel template and puts the cursor under the first prompt', async () => {
      const { user, editor, lastDoc } = setup({ content: noteTemplate('coffee-chat'), autoFocus: true });
      await waitFor(() => expect(document.activeElement).toBe(editor));
      await user.keyboard('Migrating to the new CI');
      expect(richTextToPlainText(lastDoc()).split('\n').slice(0, 2)).toEqual(['What are you working on?', 'Migrating to the new CI']);
    });

    it('is read-only on request: no toolbar, not editable', () => {
      const { editor } = setup({ isReadOnly: true });
      expect(screen.queryByRole('toolbar')).toBeNull();
      expect(editor.getAttribute('contenteditable')).toBe('false');
      expect(editor.getAttribute('aria-readonly')).toBe('true');
    });
  });

  describe('paste', () => {
    const HOSTILE_HTML = [
      '<p>',
      '<a href="javascript:alert(1)">one</a> ',
      '<a href="JaVaScRiPt:alert(1)">two</a> ',
      '<a href="&#106;avascript:alert(1)">three</a> ',
      '<a href="java&#x09;script:alert(1)">four</a> ',
      '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">five</a> ',
      '<a href="vbscript:msgbox(1)">six</a> ',
      '<a href="file:///etc/passwd">seven</a> ',
      '<img src="x" onerror="alert(1)">',
      '<script>alert(2)</script>',
      '<iframe srcdoc="<script>alert(3)</script>"></iframe>',
      '<svg onload="alert(4)"><circle r="1"></circle></svg>',
      '<span onmouseover="alert(5)" style="color:red">eight</span> ',
      '<a href="https://example.com" onclick="alert(6)" target="_self">nine</a>',
      '</p>',
    ].join('');

    it('keeps the words of pasted HTML and drops every unsafe link, element and attribute', async () => {
      const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
      const { user, editor, lastDoc } = setup({ content: { type: 'doc', content: [] } });
      await user.click(editor);
      paste(editor, { html: HOSTILE_HTML, text: 'one two three four five six seven eight nine' });

      const doc = lastDoc();
      expect(richTextToPlainText(doc)).toBe('one two three four five six seven eight nine');
      expect(allMarks(doc)).toEqual([{ type: 'link', attrs: { href: 'https://example.com' } }]);
      expect(JSON.stringify(doc)).not.toMatch(/script|alert|onerror|onload|onclick|onmouseover|srcdoc|style/i);
      expect(editor.querySelector('img, script, iframe, svg, [onerror], [onload], [onclick], [onmouseover], [style]')).toBeNull();
      expect([...editor.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['https://example.com']);
      expect(alert).not.toHaveBeenCalled();
    });

    it('does not turn a pasted unsafe address into a link over the selection', async () => {
      const { user, editor, lastDoc } = setup({ content: docOf('see the runbook') });
      await user.click(editor);
      for (const address of ['javascript:alert(1)', 'file:///etc/passwd', 'vbscript:msgbox(1)']) {
        selectText(editor, 'runbook');
        paste(editor, { text: address });
        expect(allMarks(lastDoc())).toEqual([]);
        selectText(editor, address);
        paste(editor, { text: 'runbook' });
      }
      selectText(editor, 'runbook');
      paste(editor, { text: 'https://wiki.example.com/runbook' });
      expect(allMarks(lastDoc())).toEqual([{ type: 'link', attrs: { href: 'https://wiki.example.com/runbook' } }]);
    });

    it('does not copy evidence highlights along with pasted text', async () => {
      const { user, editor, lastDoc } = setup({ content: docOf('x') });
      await user.click(editor);
      paste(editor, { html: '<p>copied <mark data-highlight-id="h-1">quote</mark></p>', text: 'copied quote' });
      expect(richTextToPlainText(lastDoc())).toContain('copied quote');
      expect(allMarks(lastDoc())).toEqual([]);
    });
  });

  describe('evidence highlights', () => {
    const highlightsIn = (doc: RichTextDoc) =>
      allNodes(doc).flatMap((node) => (node.marks ?? []).filter((mark) => mark.type === 'evidenceHighlight').map((mark) => ({ text: node.text, id: mark.attrs?.['highlightId'] })));

    it('marks the selection from the toolbar with the id the caller returns', async () => {
      const onCreateHighlight = vi.fn((_selection: HighlightSelection) => Promise.resolve('4d1c7a2e-0000-4000-8000-000000000001'));
      const { user, editor, lastDoc } = setup({ onCreateHighlight });
      await user.click(editor);
      const button = screen.getByRole('button', { name: 'Highlight evidence' });
      expect(button.getAttribute('aria-disabled')).toBe('true');

      selectText(editor, 'forty minutes');
      expect(button.getAttribute('aria-disabled')).toBeNull();
      await user.click(button);

      expect(onCreateHighlight).toHaveBeenCalledWith({ from: 14, to: 27, quote: 'forty minutes' });
      await waitFor(() => expect(highlightsIn(lastDoc())).toEqual([{ text: 'forty minutes', id: '4d1c7a2e-0000-4000-8000-000000000001' }]));
      expect(editor.querySelector('mark[data-highlight-id="4d1c7a2e-0000-4000-8000-000000000001"]')?.textContent).toBe('forty minutes');
    });

    it('marks the selection with Mod-Shift-H, accepting a synchronous id', async () => {
      const onCreateHighlight = vi.fn(() => 'h-sync');
      const { user, editor, lastDoc } = setup({ onCreateHighlight });
      await user.click(editor);
      selectText(editor, 'Deploys');
      await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
      expect(onCreateHighlight).toHaveBeenCalledWith({ from: 1, to: 8, quote: 'Deploys' });
      await waitFor(() => expect(highlightsIn(lastDoc())).toEqual([{ text: 'Deploys', id: 'h-sync' }]));
    });

    it('offers "Highlight as evidence" in a bubble menu on a selection', async () => {
      const onCreateHighlight = vi.fn(() => Promise.resolve('h-bubble'));
      const { user, editor, lastDoc } = setup({ onCreateHighlight });
      await user.click(editor);
      expect(screen.queryByRole('button', { name: 'Highlight as evidence' })).toBeNull();
      selectText(editor, 'take');
      await user.click(await screen.findByRole('button', { name: 'Highlight as evidence' }));
      await waitFor(() => expect(highlightsIn(lastDoc())).toEqual([{ text: 'take', id: 'h-bubble' }]));
    });

    it('keeps the mark on the chosen words when text changes while the highlight is being created', async () => {
      let resolveId: (id: string) => void = () => undefined;
      const onCreateHighlight = vi.fn(() => new Promise<string>((resolve) => (resolveId = resolve)));
      const { user, editor, lastDoc } = setup({ onCreateHighlight });
      await user.click(editor);
      selectText(editor, 'forty minutes');
      await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
      placeCaret(editor, 'before', 'Deploys');
      await user.keyboard('Often: ');
      await act(async () => resolveId('h-late'));
      await waitFor(() => expect(highlightsIn(lastDoc())).toEqual([{ text: 'forty minutes', id: 'h-late' }]));
      expect(richTextToPlainText(lastDoc())).toBe('Often: Deploys take forty minutes');
    });

    it('says so and leaves the text unmarked when the highlight cannot be created', async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const onCreateHighlight = vi.fn(() => Promise.reject(new StorageFullError()));
      const { user, editor, onChange } = setup({ onCreateHighlight });
      await user.click(editor);
      selectText(editor, 'forty');
      await user.click(screen.getByRole('button', { name: 'Highlight evidence' }));
      expect((await screen.findByRole('alert')).textContent).toContain('Could not highlight the evidence: Your disk is full');
      expect(onChange).not.toHaveBeenCalled();
    });

    it('shows an unexpected failure as a plain sentence, never the exception’s text', async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const onCreateHighlight = vi.fn(() => Promise.reject(new TypeError('Cannot read properties of undefined (reading "forty")')));
      const { user, editor } = setup({ onCreateHighlight });
      await user.click(editor);
      selectText(editor, 'forty');
      await user.click(screen.getByRole('button', { name: 'Highlight evidence' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Could not highlight the evidence: Something unexpected went wrong while highlighting the evidence.');
      expect(alert.textContent).not.toContain('Cannot read');
    });

    it('refuses an id that could break out of the mark', async () => {
      const { user, editor, onChange } = setup({ onCreateHighlight: () => '"><img src=x onerror=alert(1)>' });
      await user.click(editor);
      selectText(editor, 'forty');
      await user.click(screen.getByRole('button', { name: 'Highlight evidence' }));
      expect((await screen.findByRole('alert')).textContent).toContain('not valid');
      expect(onChange).not.toHaveBeenCalled();
    });
  });

  describe('links', () => {
    it('refuses an unsafe address in the link form with a visible message', async () => {
      const { user, editor, onChange } = setup();
      await user.click(editor);
      selectText(editor, 'forty minutes');
      await user.click(screen.getByRole('button', { name: 'Link' }));
      const field = screen.getByRole('textbox', { name: 'Link address' });
      for (const unsafe of ['javascript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
        await user.clear(field);
        await user.type(field, unsafe.replace(/[[{]/g, (bracket) => bracket + bracket));
        await user.click(screen.getByRole('button', { name: 'Apply link' }));
        expect(screen.getByRole('alert').textContent).toContain('Only web addresses');
        expect(field.getAttribute('aria-invalid')).toBe('true');
      }
      expect(onChange).not.toHaveBeenCalled();
      expect(editor.querySelector('a')).toBeNull();
    });

    it('links the selection to a safe address, adding https:// to a bare one, and removes it again', async () => {
      const { user, editor, lastDoc } = setup();
      await user.click(editor);
      selectText(editor, 'forty minutes');
      await user.click(screen.getByRole('button', { name: 'Link' }));
      await user.type(screen.getByRole('textbox', { name: 'Link address' }), 'status.example.com/deploys');
      await user.click(screen.getByRole('button', { name: 'Apply link' }));
      expect(allMarks(lastDoc())).toEqual([{ type: 'link', attrs: { href: 'https://status.example.com/deploys' } }]);
      expect(screen.queryByRole('form', { name: 'Link' })).toBeNull();
      await waitFor(() => expect(document.activeElement).toBe(editor));

      selectText(editor, 'forty');
      await user.keyboard('{Control>}k{/Control}');
      expect(screen.getByRole('textbox', { name: 'Link address' })).toBe(screen.getByDisplayValue('https://status.example.com/deploys'));
      await user.click(screen.getByRole('button', { name: 'Remove link' }));
      expect(allMarks(lastDoc())).toEqual([]);
    });

    it('links typed web addresses, but not file names or unsafe schemes', async () => {
      const { user, editor, lastDoc } = setup({ content: { type: 'doc', content: [] } });
      await user.click(editor);
      await user.keyboard('see https://status.example.com and README.md and Node.js and javascript:alert(1) ok');
      expect(richTextToPlainText(lastDoc())).toBe('see https://status.example.com and README.md and Node.js and javascript:alert(1) ok');
      expect(allMarks(lastDoc())).toEqual([{ type: 'link', attrs: { href: 'https://status.example.com' } }]);
    });

    it('closes the link form on Escape', async () => {
      const { user, editor } = setup();
      await user.click(editor);
      await user.click(screen.getByRole('button', { name: 'Link' }));
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('textbox', { name: 'Link address' })).toBeNull();
    });
  });
});
