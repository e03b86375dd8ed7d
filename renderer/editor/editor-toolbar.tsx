import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';

export interface EditorToolbarProps {
  readonly editor: Editor;
  readonly isLinkFormOpen: boolean;
  readonly onLink: () => void;
  /** Absent when the note cannot hold highlights. */
  readonly onHighlight?: () => void;
  readonly isHighlightPending: boolean;
  /** Absent when the document cannot hold citations. */
  readonly onCite?: () => void;
  readonly isCitePickerOpen?: boolean;
}

interface ToolbarItem {
  readonly label: string;
  readonly glyph: string;
  readonly glyphClass?: string;
  readonly shortcut?: string;
  /** Toggle buttons report their state; action buttons (undo, highlight) have none. */
  readonly isPressed?: boolean;
  readonly isExpanded?: boolean;
  readonly isDisabled?: boolean;
  readonly run: () => void;
}

const isApple = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);
const ariaShortcut = (shortcut: string) => shortcut.replace('Mod', isApple ? 'Meta' : 'Control');
const shownShortcut = (shortcut: string) => (isApple ? shortcut.replace('Mod+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧') : shortcut.replace('Mod', 'Ctrl'));

// Keeps the editor focused and its selection intact when a toolbar button is pressed.
const keepEditorFocus = (event: MouseEvent) => event.preventDefault();

/** The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern). */
export function EditorToolbar({ editor, isLinkFormOpen, onLink, onHighlight, isHighlightPending, onCite, isCitePickerOpen = false }: EditorToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      isHeading: current.isActive('heading'),
      isBold: current.isActive('bold'),
      isItalic: current.isActive('italic'),
      isBulletList: current.isActive('bulletList'),
      isOrderedList: current.isActive('orderedList'),
      isTaskList: current.isActive('taskList'),
      isQuote: current.isActive('blockquote'),
      isLink: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      hasSelection: !current.state.selection.empty,
    }),
  });
  const [activeIndex, setActiveIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const items: readonly ToolbarItem[] = [
    { label: 'Heading', glyph: 'H', shortcut: 'Mod+Alt+2', isPressed: state.isHeading, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: 'Bold', glyph: 'B', glyphClass: 'is-bold', shortcut: 'Mod+B', isPressed: state.isBold, run: () => editor.chain().focus().toggleBold().run() },
    { label: 'Italic', glyph: 'I', glyphClass: 'is-italic', shortcut: 'Mod+I', isPressed: state.isItalic, run: () => editor.chain().focus().toggleItalic().run() },
    { label: 'Bullet list', glyph: '•', shortcut: 'Mod+Shift+8', isPressed: state.isBulletList, run: () => editor.chain().focus().toggleBulletList().run() },
    { label: 'Numbered list', glyph: '1.', shortcut: 'Mod+Shift+7', isPressed: state.isOrderedList, run: () => editor.chain().focus().toggleOrderedList().run() },
    { label: 'Task list', glyph: '☐', shortcut: 'Mod+Shift+9', isPressed: state.isTaskList, run: () => editor.chain().focus().toggleTaskList().run() },
    { label: 'Quote', glyph: '“', shortcut: 'Mod+Shift+B', isPressed: state.isQuote, run: () => editor.chain().focus().toggleBlockquote().run() },
    { label: 'Link', glyph: '↗', shortcut: 'Mod+K', isPressed: state.isLink, isExpanded: isLinkFormOpen, run: onLink },
    { label: 'Undo', glyph: '↶', shortcut: 'Mod+Z', isDisabled: !state.canUndo, run: () => editor.chain().focus().undo().run() },
    { label: 'Redo', glyph: '↷', shortcut: 'Mod+Shift+Z', isDisabled: !state.canRedo, run: () => editor.chain().focus().redo().run() },
    ...(onHighlight === undefined
      ? []
      : [
          {
            label: 'Highlight evidence',
            glyph: 'Evidence',
            glyphClass: 'is-evidence',
            shortcut: 'Mod+Shift+H',
            isDisabled: !state.hasSelection || isHighlightPending,
            run: onHighlight,
          },
        ]),
    ...(onCite === undefined
      ? []
      : [{ label: 'Cite a source', glyph: 'Cite', glyphClass: 'is-evidence', shortcut: 'Mod+Shift+C', isExpanded: isCitePickerOpen, run: onCite }]),
  ];
  const tabStop = Math.min(activeIndex, items.length - 1);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = items.length - 1;
    const next =
      event.key === 'ArrowRight' ? (tabStop === last ? 0 : tabStop + 1)
      : event.key === 'ArrowLeft' ? (tabStop === 0 ? last : tabStop - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setActiveIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="note-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={moveFocus}>
      {items.map((item, index) => (
        <button
          key={item.label}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`note-toolbar__button${item.glyphClass === 'is-evidence' ? ' note-toolbar__button--evidence' : ''}`}
          aria-label={item.label}
          title={item.shortcut === undefined ? item.label : `${item.label} (${shownShortcut(item.shortcut)})`}
          aria-keyshortcuts={item.shortcut === undefined ? undefined : ariaShortcut(item.shortcut)}
          aria-pressed={item.isPressed}
          aria-expanded={item.isExpanded}
          aria-disabled={item.isDisabled === true ? true : undefined}
          tabIndex={index === tabStop ? 0 : -1}
          onMouseDown={keepEditorFocus}
          onFocus={() => setActiveIndex(index)}
          onClick={() => {
            if (item.isDisabled !== true) item.run();
          }}
        >
          <span aria-hidden="true" className={item.glyphClass}>
            {item.glyph}
          </span>
        </button>
      ))}
    </div>
  );
}
