/** A coffee chat planned with a person; after the date it asks for notes and becomes a note in one step. */
export interface PlannedChat {
  readonly id: string;
  readonly contactId: string;
  /** The planned day (epoch ms). */
  readonly plannedFor: number;
  readonly topic?: string;
  /** The coffee-chat note it turned into, once written. */
  readonly noteId?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}
