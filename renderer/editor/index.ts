export { NoteEditor, type CitationSupport, type HighlightSelection, type NoteEditorProps } from './note-editor';
export { Citation, type CitationStorage } from './extensions/citation';
export { noteEditorExtensions, type NoteEditorExtensionOptions } from './note-editor-extensions';
export { EvidenceHighlight, type EvidenceHighlightRange } from './extensions/evidence-highlight';
export { setRequestHandlers, type RequestHandler, type RequestShortcutsStorage } from './extensions/request-shortcuts';
