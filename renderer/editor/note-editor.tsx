import './note-editor.css';
import { getSchema, type Editor, type EditorEvents, type JSONContent } from '@tiptap/core';
import { EditorState, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { EditorContent, useEditor } from '@tiptap/react';
import { BubbleMenu, type BubbleMenuProps } from '@tiptap/react/menus';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RichTextDoc } from '../../shared/domain/rich-text';
import type { CitationAttrs } from '../../shared/rich-text/citation-node';
import { isSafeHighlightId, sanitizeRichText } from '../../shared/rich-text/sanitize-rich-text';
import { EditorToolbar } from './editor-toolbar';
import { setCitationOpener } from './extensions/citation';
import { setRequestHandlers } from './extensions/request-shortcuts';
import { setTextLocked } from './extensions/text-lock';
import { LinkForm } from './link-form';
import { noteEditorExtensions } from './note-editor-extensions';
import { openNoteContent, type OpenedNoteContent } from './open-note-content';
import { userMessage } from '../errors/user-message';

/** The text a person selected to mark as evidence, in editor positions. */
export interface HighlightSelection {
  readonly from: number;
  readonly to: number;
  readonly quote: string;
}

export interface NoteEditorProps {
  /** The stored body; cleaned before the editor sees it. Read when the editor opens and when `documentKey` changes. */
  readonly content: RichTextDoc;
  /** Called with the cleaned document after every edit (debounce in the caller). */
  readonly onChange: (doc: RichTextDoc) => void;
  /** Creates the highlight record and returns its id, which the editor puts in the mark. */
  readonly onCreateHighlight?: (selection: HighlightSelection) => string | Promise<string>;
  readonly isReadOnly?: boolean;
  /** The text cannot be changed, only highlighted (an imported survey answer: what the respondent said). */
  readonly isTextLocked?: boolean;
  readonly ariaLabel?: string;
  readonly autoFocus?: boolean;
  /** Which note is open (e.g. its id); a new key replaces the content without calling `onChange`. */
  readonly documentKey?: string;
  readonly placeholder?: string;
  /** Citations of notes and highlights: a toolbar button, Mod-Shift-C and a picker. */
  readonly citations?: CitationSupport;
}

/** What an editor that holds citations needs from the screen around it. */
export interface CitationSupport {
  /** The search picker; `onPick` inserts the chosen source at the cursor. */
  readonly renderPicker: (props: { readonly onPick: (attrs: CitationAttrs) => void; readonly onClose: () => void }) => ReactNode;
  /** Keys (citationKey) of cited sources that no longer exist. */
  readonly missingKeys: ReadonlySet<string>;
  /** Opens a citation's source. */
  readonly onOpen: (attrs: CitationAttrs) => void;
}

interface Opening extends OpenedNoteContent {
  readonly documentKey: string | undefined;
}

/** The rich-text editor for a note: toolbar, link form, evidence highlights, Markdown shortcuts. */
export function NoteEditor({
  content,
  onChange,
  onCreateHighlight,
  isReadOnly = false,
  isTextLocked = false,
  ariaLabel = 'Note',
  autoFocus = false,
  documentKey,
  placeholder,
  citations,
}: NoteEditorProps) {
  const [extensions] = useState(() => noteEditorExtensions(placeholder === undefined ? {} : { placeholder }));
  const [schema] = useState(() => getSchema(extensions));
  const [opening, setOpening] = useState<Opening>(() => ({ documentKey, ...openNoteContent(content, schema) }));
  const [initialContent] = useState<JSONContent>(opening.json);
  const [isLinkFormOpen, setIsLinkFormOpen] = useState(false);
  const [isHighlightPending, setIsHighlightPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [isCitePickerOpen, setIsCitePickerOpen] = useState(false);
  if (opening.documentKey !== documentKey) {
    setOpening({ documentKey, ...openNoteContent(content, schema) });
    setIsLinkFormOpen(false);
    setNotice(null);
  }
  const isEditable = !isReadOnly && opening.isValid;

  const latest = useRef({ onChange, onCreateHighlight, autoFocus, isEditable, opening, citations });
  useLayoutEffect(() => {
    latest.current = { onChange, onCreateHighlight, autoFocus, isEditable, opening, citations };
  });

  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        class: 'note-editor__content',
        'aria-label': ariaLabel,
        'aria-multiline': 'true',
        'aria-readonly': String(!isEditable || isTextLocked),
      },
    }),
    [ariaLabel, isEditable, isTextLocked],
  );

  const editor = useEditor({
    extensions,
    content: initialContent,
    editable: isEditable,
    editorProps,
    // The Content-Security-Policy blocks injected <style>; note-editor.css carries those rules.
    injectCSS: false,
    onCreate: ({ editor: created }) => {
      if (latest.current.autoFocus) focusFirstEmptyBlock(created);
    },
    onUpdate: ({ editor: changed }) => {
      if (latest.current.isEditable) latest.current.onChange(sanitizeRichText(changed.getJSON()));
    },
  });

  const applied = useRef<Opening>(opening);
  useLayoutEffect(() => {
    if (editor === null || editor.isDestroyed || applied.current === opening) return;
    applied.current = opening;
    replaceDocument(editor, opening.json);
    if (latest.current.autoFocus) focusFirstEmptyBlock(editor);
  }, [editor, opening]);

  useLayoutEffect(() => {
    if (editor !== null && !editor.isDestroyed && editor.isEditable !== isEditable) editor.setEditable(isEditable, false);
  }, [editor, isEditable]);

  useLayoutEffect(() => {
    if (editor !== null && !editor.isDestroyed) setTextLocked(editor, isTextLocked);
  }, [editor, isTextLocked]);

  const createHighlight = useCallback(async (target: Editor, selection: HighlightSelection, create: NonNullable<NoteEditorProps['onCreateHighlight']>) => {
    setIsHighlightPending(true);
    setNotice(null);
    const openedAt = latest.current.opening;
    const mapping = new Mapping();
    const track = ({ transaction, appendedTransactions }: EditorEvents['transaction']) => {
      for (const step of [transaction, ...appendedTransactions]) mapping.appendMapping(step.mapping);
    };
    target.on('transaction', track);
    try {
      const highlightId = await create(selection);
      if (target.isDestroyed || latest.current.opening !== openedAt) return;
      if (!isSafeHighlightId(highlightId)) {
        setNotice('The highlight could not be marked in the text: its id is not valid.');
        return;
      }
      const range = { from: mapping.map(selection.from, 1), to: mapping.map(selection.to, -1) };
      if (!target.commands.setEvidenceHighlight({ highlightId, range })) {
        setNotice('The highlighted text was deleted before the highlight was made.');
      }
    } catch (error) {
      setNotice(`Could not highlight the evidence: ${userMessage(error, 'highlighting the evidence')}`);
    } finally {
      target.off('transaction', track);
      setIsHighlightPending(false);
    }
  }, []);

  const requestHighlight = useCallback(
    (target: Editor): boolean => {
      const create = latest.current.onCreateHighlight;
      if (create === undefined || !target.isEditable || isHighlightPending) return false;
      const { from, to, empty } = target.state.selection;
      if (empty) return false;
      const quote = target.state.doc.textBetween(from, to, '\n', '\n');
      if (quote.trim().length === 0) return false;
      void createHighlight(target, { from, to, quote }, create);
      return true;
    },
    [createHighlight, isHighlightPending],
  );

  const requestLink = useCallback((target: Editor): boolean => {
    if (!target.isEditable || target.storage.textLock.isLocked) return false;
    setIsLinkFormOpen(true);
    return true;
  }, []);

  const requestCitation = useCallback((target: Editor): boolean => {
    if (!target.isEditable || target.storage.textLock.isLocked || latest.current.citations === undefined) return false;
    setIsCitePickerOpen(true);
    return true;
  }, []);

  useLayoutEffect(() => {
    if (editor !== null && !editor.isDestroyed) setRequestHandlers(editor, { onHighlight: requestHighlight, onLink: requestLink, onCitation: requestCitation });
  }, [editor, requestHighlight, requestLink, requestCitation]);

  // The bubble follows its selection when anything holding the note scrolls (the menu itself listens
  // to the window only), and hides while the selection is scrolled out of sight.
  useEffect(() => {
    if (editor === null) return;
    const follow = (event: Event) => {
      if (editor.isDestroyed || editor.state.selection.empty) return;
      if (event.target instanceof Node && !event.target.contains(editor.view.dom)) return;
      editor.view.dispatch(editor.state.tr.setMeta(BUBBLE_MENU_KEY, 'updatePosition'));
    };
    window.addEventListener('scroll', follow, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', follow, { capture: true });
  }, [editor]);

  const missingKeys = citations?.missingKeys;
  useLayoutEffect(() => {
    if (editor === null || editor.isDestroyed) return;
    setCitationOpener(editor, (attrs) => latest.current.citations?.onOpen(attrs));
    if (missingKeys !== undefined) editor.commands.setMissingCitations(missingKeys);
  }, [editor, missingKeys]);

  if (editor === null) return null;

  const closeLinkForm = () => {
    setIsLinkFormOpen(false);
    editor.commands.focus();
  };

  const applyLink = (href: string) => {
    setIsLinkFormOpen(false);
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // The trailing plain space keeps what is typed next out of the link.
      editor
        .chain()
        .focus()
        .insertContent([
          { type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] },
          { type: 'text', text: ' ' },
        ])
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
  };

  const removeLink = () => {
    setIsLinkFormOpen(false);
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  };

  const closeCitePicker = () => {
    setIsCitePickerOpen(false);
    editor.commands.focus();
  };

  const insertCitation = (attrs: CitationAttrs) => {
    setIsCitePickerOpen(false);
    editor.chain().focus().insertCitation(attrs).run();
  };

  const currentHref: unknown = isLinkFormOpen ? editor.getAttributes('link')['href'] : undefined;
  const canHighlight = onCreateHighlight !== undefined && isEditable;

  return (
    <div className={isEditable && !isTextLocked ? 'note-editor' : 'note-editor note-editor--read-only'}>
      {isEditable && isTextLocked && (
        <p className="note-editor__locked muted">
          What the respondent wrote, as imported: it cannot be edited. Select words and choose “Highlight as evidence” (or press Ctrl/Cmd+Shift+H) to mark them.
        </p>
      )}
      {isEditable && !isTextLocked && (
        <EditorToolbar
          editor={editor}
          isLinkFormOpen={isLinkFormOpen}
          onLink={() => setIsLinkFormOpen((isOpen) => !isOpen)}
          {...(canHighlight ? { onHighlight: () => requestHighlight(editor) } : {})}
          isHighlightPending={isHighlightPending}
          {...(citations === undefined ? {} : { onCite: () => setIsCitePickerOpen((isOpen) => !isOpen), isCitePickerOpen })}
        />
      )}
      {isEditable && isCitePickerOpen && citations !== undefined && citations.renderPicker({ onPick: insertCitation, onClose: closeCitePicker })}
      {isEditable && isLinkFormOpen && (
        <LinkForm
          initialHref={typeof currentHref === 'string' ? currentHref : ''}
          hasLink={editor.isActive('link')}
          onApply={applyLink}
          onRemove={removeLink}
          onCancel={closeLinkForm}
        />
      )}
      {notice !== null && (
        <p role="alert" className="note-editor__notice">
          {notice}
        </p>
      )}
      {!opening.isValid && (
        <p role="alert" className="note-editor__notice">
          This note’s text could not be opened in the editor, so it is not shown and cannot be edited here. The stored note was not changed.
        </p>
      )}
      <EditorContent editor={editor} className="note-editor__surface" />
      {canHighlight && (
        <BubbleMenu editor={editor} shouldShow={shouldShowBubbleMenu} pluginKey={BUBBLE_MENU_KEY} className="note-editor__bubble" options={BUBBLE_MENU_OPTIONS}>
          <button type="button" className="note-editor__bubble-button" onMouseDown={(event) => event.preventDefault()} onClick={() => requestHighlight(editor)} disabled={isHighlightPending}>
            Highlight as evidence
          </button>
        </BubbleMenu>
      )}
    </div>
  );
}

const BUBBLE_MENU_KEY = new PluginKey('noteHighlightBubble');
const BUBBLE_MENU_OPTIONS = { placement: 'top', hide: true } as const;

const shouldShowBubbleMenu: NonNullable<BubbleMenuProps['shouldShow']> = ({ editor, view, state, from, to, element }) =>
  editor.isEditable &&
  state.selection instanceof TextSelection &&
  !state.selection.empty &&
  (view.hasFocus() || element.contains(document.activeElement)) &&
  state.doc.textBetween(from, to).trim().length > 0;

/** Swaps in another note's document with a fresh undo history, without an update event. */
function replaceDocument(editor: Editor, json: JSONContent): void {
  const doc = editor.schema.nodeFromJSON(json);
  editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
  // A no-op transaction lets the toolbar and menus read the new state.
  editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false).setMeta('preventUpdate', true));
}

/** Puts the cursor where writing starts: the first empty paragraph (under a template's first prompt). */
function focusFirstEmptyBlock(editor: Editor): void {
  let target: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (target !== null) return false;
    if (node.type.name === 'paragraph' && node.content.size === 0) target = pos + 1;
    return true;
  });
  editor.commands.focus(target ?? 'end');
}
