/**
 * A span inside a note that someone marked as evidence. Its position lives in the note body as a
 * TipTap mark carrying this id, so it follows the text as the note is edited.
 */
export interface Highlight {
  readonly id: string;
  readonly noteId: string;
  /** The marked text when the highlight was made, for lists and exports. */
  readonly quote: string;
  readonly tags: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
}
