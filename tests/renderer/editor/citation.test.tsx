import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NoteEditor, type CitationSupport } from '../../../renderer/editor';
import type { RichTextDoc } from '../../../shared/domain/rich-text';

const cited: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Paved road ' },
        { type: 'citation', attrs: { kind: 'note', noteId: 'n-live', highlightId: null, label: 'Backstage scan' } },
        { type: 'text', text: ' and ' },
        { type: 'citation', attrs: { kind: 'highlight', noteId: 'n-gone', highlightId: 'h-gone', label: 'Old quote' } },
      ],
    },
  ],
};

function support(overrides: Partial<CitationSupport> = {}): CitationSupport {
  return {
    renderPicker: ({ onPick, onClose }) => (
      <div role="dialog" aria-label="Picker">
        <button type="button" onClick={() => onPick({ kind: 'note', noteId: 'n-new', highlightId: null, label: 'New source' })}>
          Pick
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    ),
    missingKeys: new Set(),
    onOpen: vi.fn(),
    ...overrides,
  };
}

describe('citations in the editor', () => {
  // Opening on click needs layout (ProseMirror maps the click by coordinates): the e2e spec covers it.
  it('shows each citation as a link to its source', async () => {
    render(<NoteEditor content={cited} onChange={() => undefined} citations={support()} />);
    const link = await screen.findByRole('link', { name: 'Backstage scan' });
    expect(link.getAttribute('href')).toBe('#/discovery/notes/n-live');
    expect(screen.getByRole('link', { name: 'Old quote' }).getAttribute('data-highlight-id')).toBe('h-gone');
  });

  it('shows a long highlight as a short, whole-word label and keeps the full words as its name and tooltip', async () => {
    const quote = 'We wait forty minutes for every build because the shared runners are always busy in the afternoon';
    const content: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { kind: 'highlight', noteId: 'n1', highlightId: 'h1', label: quote } }] }] };
    render(<NoteEditor content={content} onChange={() => undefined} citations={support()} />);
    const link = await screen.findByRole('link', { name: quote });
    expect(link.textContent).toBe('We wait forty minutes for every build because…');
    expect(link.getAttribute('title')).toContain(quote);
  });

  it('marks a citation whose source was deleted, and does not open it', async () => {
    const onOpen = vi.fn();
    const { rerender } = render(<NoteEditor content={cited} onChange={() => undefined} citations={support({ onOpen })} />);
    await screen.findByRole('link', { name: 'Old quote' });
    rerender(<NoteEditor content={cited} onChange={() => undefined} citations={support({ onOpen, missingKeys: new Set(['highlight:h-gone']) })} />);
    const deleted = await screen.findByRole('link', { name: 'Deleted source: Old quote' });
    expect(deleted.getAttribute('data-deleted')).toBe('true');
    await userEvent.click(deleted);
    expect(onOpen).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Backstage scan' }).getAttribute('data-deleted')).toBeNull();
  });

  it('inserts a picked citation from the toolbar button and reports it in the saved document', async () => {
    const onChange = vi.fn<(doc: RichTextDoc) => void>();
    render(<NoteEditor content={{ type: 'doc', content: [] }} onChange={onChange} citations={support()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Cite a source' }));
    await userEvent.click(screen.getByRole('button', { name: 'Pick' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Picker' })).toBeNull());
    await screen.findByRole('link', { name: 'New source' });
    const saved = onChange.mock.calls.at(-1)?.[0];
    expect(saved?.content?.[0]?.content?.[0]).toEqual({ type: 'citation', attrs: { kind: 'note', noteId: 'n-new', highlightId: null, label: 'New source' } });
  });

  it('opens the picker with Mod+Shift+C', async () => {
    render(<NoteEditor content={{ type: 'doc', content: [] }} onChange={() => undefined} citations={support()} ariaLabel="Charter" />);
    const editor = await screen.findByRole('textbox', { name: 'Charter' });
    act(() => editor.focus());
    await userEvent.keyboard('{Control>}{Shift>}c{/Shift}{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Picker' })).toBeTruthy();
  });

  it('offers no citing in an editor without citation support', async () => {
    render(<NoteEditor content={cited} onChange={() => undefined} />);
    await screen.findByRole('link', { name: 'Backstage scan' });
    expect(screen.queryByRole('button', { name: 'Cite a source' })).toBeNull();
  });
});
