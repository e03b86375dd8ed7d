/**
 * Version 4: adds what the board, its workshops and the people section need that version 1 did
 * not foresee. Frozen like v1. No upgrade step: the tables start empty and nothing older moves in.
 */
export const schemaV4 = {
  // One saved workshop session per round (participants, phase, timer, revealed votes).
  workshops: 'id, roundId',
  // Blind, independent scores: one row per scorer and bucket, read per round.
  scores: 'id, [roundId+scorer], bucketId',
  // Coffee chats planned with a person on a date; `plannedFor` lists the upcoming ones in order.
  plannedChats: 'id, plannedFor, contactId',
} as const satisfies Readonly<Record<string, string>>;
