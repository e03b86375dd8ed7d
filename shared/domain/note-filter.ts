import type { Channel } from './channel';
import type { Note } from './note';

/** Inbox filters; every one given must match (they combine with AND). Dates are inclusive epoch ms. */
export interface NoteFilter {
  readonly channel?: Channel;
  readonly personId?: string;
  readonly team?: string;
  readonly organisation?: string;
  readonly tag?: string;
  readonly from?: number;
  readonly to?: number;
}

/** Whether a note passes every filter that is set. */
export function matchesNoteFilter(note: Note, filter: NoteFilter): boolean {
  return (
    (filter.channel === undefined || note.channel === filter.channel) &&
    (filter.personId === undefined || note.personIds.includes(filter.personId)) &&
    (filter.team === undefined || note.teams.includes(filter.team)) &&
    (filter.organisation === undefined || note.organisation === filter.organisation) &&
    (filter.tag === undefined || note.tags.includes(filter.tag)) &&
    (filter.from === undefined || note.occurredAt >= filter.from) &&
    (filter.to === undefined || note.occurredAt <= filter.to)
  );
}

/** Newest first; the id breaks ties so the order is total and stable. */
export function compareNewestFirst(a: Pick<Note, 'occurredAt' | 'id'>, b: Pick<Note, 'occurredAt' | 'id'>): number {
  return b.occurredAt - a.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Whether any filter is set. */
export function isNoteFilterActive(filter: NoteFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined);
}
