import { act, screen, waitFor, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../renderer/editor';
import { richTextToPlainText, type RichTextDoc, type RichTextNode } from '../../../shared/domain/rich-text';

const ANSWER: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Deploys take forty minutes' }] }] };

function selectText(editor: HTMLElement, text: string): void {
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const start = node.textContent?.indexOf(text) ?? -1;
    if (start < 0) continue;
    act(() => {
      document.getSelection()?.setBaseAndExtent(node, start, node, start + text.length);
      document.dispatchEvent(new Event('selectionchange'));
    });
    return;
  }
  throw new Error(`"${text}" is not in the editor`);
}

const highlightedIn = (doc: RichTextDoc): string[] => {
  const found: string[] = [];
  const visit = (nodes: readonly RichTextNode[]) => {
    for (const node of nodes) {
      if ((node.marks ?? []).some((mark) => mark.type === 'evidenceHighlight')) found.push(node.text ?? '');
      visit(node.content ?? []);
    }
  };
  visit(doc.content ?? []);
  return found;
};

describe('a note editor whose text is locked (an imported survey answer)', () => {
  it('ignores typing, deleting and formatting, has no toolbar, and still takes highlights', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(doc: RichTextDoc) => void>();
    render(<NoteEditor content={ANSWER} onChange={onChange} isTextLocked onCreateHighlight={() => 'h-locked'} />);
    const editor = screen.getByRole('textbox', { name: 'Note' });
    expect(editor.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(screen.getByText(/cannot be edited/)).toBeTruthy();

    await user.click(editor);
    await user.keyboard('Often ');
    selectText(editor, 'forty');
    await user.keyboard('{Backspace}');
    await user.keyboard('{Control>}b{/Control}');
    expect(editor.textContent).toBe('Deploys take forty minutes');
    expect(onChange).not.toHaveBeenCalled();

    selectText(editor, 'forty minutes');
    await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const doc = onChange.mock.lastCall?.[0] ?? ANSWER;
    expect(highlightedIn(doc)).toEqual(['forty minutes']);
    expect(richTextToPlainText(doc)).toBe('Deploys take forty minutes');
  });
});
