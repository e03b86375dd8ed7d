import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import { compareNewestFirst, matchesNoteFilter, type NoteFilter } from '../../../shared/domain/note-filter';
import { hasMatchingChannelFields, type ChannelFields, type Note, type NoteLink } from '../../../shared/domain/note';
import { richTextToPlainText, type RichTextDoc } from '../../../shared/domain/rich-text';
import { sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';
import type { Highlight } from '../../../shared/domain/highlight';
import { assertAnswerTextKept } from '../../../shared/domain/imported-answer';
import { isChatWritten } from '../../../shared/surveys/follow-up-chat';
import { parseRespondentPath } from '../../../shared/surveys/survey-routes';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { countChannelsOnIndex, readNoteCounts, recountNotes } from './note-counts';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

export interface NewNote {
  readonly channel: Channel;
  readonly title: string;
  readonly body: RichTextDoc;
  readonly occurredAt: number;
  readonly personIds?: readonly string[];
  readonly teams?: readonly string[];
  readonly organisation?: string;
  readonly tags?: readonly string[];
  readonly links?: readonly NoteLink[];
  readonly channelFields?: ChannelFields;
}

/** Fields to change; `null` clears an optional field. */
export type NoteChanges = Partial<Omit<NewNote, 'organisation' | 'channelFields'>> & {
  readonly organisation?: string | null;
  readonly channelFields?: ChannelFields | null;
};

/** Where the next newest-first page starts: just after this note. */
export interface NoteCursor {
  readonly occurredAt: number;
  readonly id: string;
}

export interface NotePage {
  readonly notes: readonly Note[];
  /** Absent on the last page. */
  readonly next?: NoteCursor;
}

/** A deleted note with its highlights, enough to undo the deletion. */
export interface DeletedNote {
  readonly note: Note;
  readonly highlights: readonly Highlight[];
}

export interface NotesRepository {
  create(input: NewNote): Promise<Note>;
  /** All notes or none (for imports). */
  createMany(inputs: readonly NewNote[]): Promise<readonly Note[]>;
  /** Undefined when the note does not exist. */
  update(id: string, changes: NoteChanges): Promise<Note | undefined>;
  get(id: string): Promise<Note | undefined>;
  /** The notes with these ids, in the same order; missing ones are left out. */
  getMany(ids: readonly string[]): Promise<readonly Note[]>;
  /** Deletes the note and its highlights together; returns what was removed, for undo. */
  delete(id: string): Promise<DeletedNote | undefined>;
  /** Puts back a note and its highlights exactly as `delete` returned them. */
  restore(deleted: DeletedNote): Promise<void>;
  /** A page of notes, newest first; reads only the page, never every note. */
  listNewest(options: { readonly limit: number; readonly before?: NoteCursor }): Promise<NotePage>;
  /** Notes per channel (every channel present, in display order), from the kept counts. */
  countByChannel(): Promise<ReadonlyMap<Channel, number>>;
  /** Rebuilds the kept note counts when they are missing (an old or bulk-loaded workspace); cheap otherwise. */
  ensureCounts(): Promise<void>;
  /** The date of each channel's newest note; channels never used are absent. */
  lastUsedByChannel(): Promise<ReadonlyMap<Channel, number>>;
  /**
   * The newest `limit` notes matching every filter, through the indexes: a selective filter
   * (person, team, organisation, tag) reads only its matches; otherwise the date index is walked
   * newest first and stops after `limit`. `total` is the number of matches when cheaply known.
   */
  query(filter: NoteFilter, limit: number): Promise<{ readonly notes: readonly Note[]; readonly total: number | null }>;
  /** Every note of one channel, newest first (for small channels such as SLA conversations). */
  listChannel(channel: Channel): Promise<readonly Note[]>;
  /** The distinct values in use, sorted, for autocomplete. */
  distinctValues(field: 'tags' | 'teams' | 'organisation'): Promise<readonly string[]>;
}

/** Above this many candidates a selective filter is walked by date instead of loaded whole. */
const SELECTIVE_FILTER_LIMIT = 5000;

const NEWEST_INDEX = '[occurredAt+id]';
const CHANNEL_INDEX = '[channel+occurredAt+id]';

export function createNotesRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): NotesRepository {
  return {
    async create(input) {
      const now = clock();
      const note = toNote(newId(), input, now, now);
      await writeTransaction(db, [db.notes], async () => {
        await db.notes.add(note);
      });
      return note;
    },

    async createMany(inputs) {
      const now = clock();
      const notes = inputs.map((input) => toNote(newId(), input, now, now));
      await writeTransaction(db, [db.notes], async () => {
        await db.notes.bulkAdd(notes);
      });
      return notes;
    },

    update(id, changes) {
      return writeTransaction(db, [db.notes, db.surveyResponses], async () => {
        const existing = await db.notes.get(id);
        if (existing === undefined) return undefined;
        const note = toNote(existing.id, mergeChanges(existing, changes), existing.createdAt, clock());
        // What a respondent said stays as imported; highlights (marks) and tags may change.
        assertAnswerTextKept(existing, note);
        await db.notes.put(note);
        await completeFollowUps(db, note, clock());
        return note;
      });
    },

    get: (id) => db.notes.get(id),

    async getMany(ids) {
      const rows = await db.notes.bulkGet([...ids]);
      return rows.filter((row): row is Note => row !== undefined);
    },

    delete(id) {
      return writeTransaction(db, [db.notes, db.highlights], async () => {
        const note = await db.notes.get(id);
        if (note === undefined) return undefined;
        const highlights = await db.highlights.where('noteId').equals(id).toArray();
        await db.highlights.where('noteId').equals(id).delete();
        await db.notes.delete(id);
        return { note, highlights };
      });
    },

    restore({ note, highlights }) {
      return writeTransaction(db, [db.notes, db.highlights], async () => {
        await db.notes.add(note);
        await db.highlights.bulkAdd([...highlights]);
      });
    },

    async listNewest({ limit, before }) {
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A page holds at least one note, not ${limit}.`);
      const collection =
        before === undefined ? db.notes.orderBy(NEWEST_INDEX) : db.notes.where(NEWEST_INDEX).below([before.occurredAt, before.id]);
      // One extra row tells whether another page follows without a second query.
      const rows = await collection.reverse().limit(limit + 1).toArray();
      const notes = rows.slice(0, limit);
      const last = notes.at(-1);
      return rows.length > limit && last !== undefined ? { notes, next: { occurredAt: last.occurredAt, id: last.id } } : { notes };
    },

    async countByChannel() {
      return (await readNoteCounts(db))?.byChannel ?? (await countChannelsOnIndex(db));
    },

    async ensureCounts() {
      if (db.isReadOnly) return;
      if ((await readNoteCounts(db)) === undefined) await recountNotes(db);
    },

    async lastUsedByChannel() {
      const newest = await db.transaction('r', db.notes, () =>
        Promise.all(CHANNEL_IDS.map((channel) => channelRange(db, channel).reverse().first())),
      );
      return new Map(newest.flatMap((note) => (note === undefined ? [] : [[note.channel, note.occurredAt] as const])));
    },

    async query(filter, limit) {
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A page holds at least one note, not ${limit}.`);
      return db.transaction('r', db.notes, db.highlights, db.meta, async () => {
        const candidates = await selectiveCandidates(db, filter);
        // The candidates already hold the tag, on the note or on one of its highlights.
        const perNote = withoutTag(filter);
        if (candidates !== null && candidates.size <= SELECTIVE_FILTER_LIMIT) {
          const rows = await db.notes.bulkGet([...candidates]);
          const matches = rows.filter((note): note is Note => note !== undefined && matchesNoteFilter(note, perNote)).sort(compareNewestFirst);
          return { notes: matches.slice(0, limit), total: matches.length };
        }
        const range = dateRange(db, filter);
        if (candidates === null) {
          const [notes, counts] = await Promise.all([range.clone().reverse().limit(limit).toArray(), readNoteCounts(db)]);
          // Counting a range walks every key in it, so only the kept counts give a total.
          const hasDates = filter.from !== undefined || filter.to !== undefined;
          const total = counts === undefined || hasDates ? null : filter.channel === undefined ? counts.total : (counts.byChannel.get(filter.channel) ?? 0);
          return { notes, total };
        }
        const notes = await range
          .reverse()
          .filter((note) => candidates.has(note.id) && matchesNoteFilter(note, perNote))
          .limit(limit)
          .toArray();
        return { notes, total: null };
      });
    },

    async listChannel(channel) {
      return channelRange(db, channel).reverse().toArray();
    },

    async distinctValues(field) {
      const counts = await readNoteCounts(db);
      const kept = counts === undefined ? undefined : field === 'organisation' ? counts.organisations : counts[field];
      // Without kept counts (until ensureCounts has run once) the index is walked: slow at scale.
      const keys = kept ? [...kept.keys()] : await db.notes.orderBy(field).uniqueKeys();
      return keys.filter((key): key is string => typeof key === 'string' && key !== '').sort((a, b) => a.localeCompare(b));
    },
  };
}

// Bounds for compound keys: -Infinity sorts below every key part, a fresh [] above every number
// and string. Fresh arrays each time: IndexedDB rejects a key holding the same array twice.
const low = (value: number | undefined) => value ?? -Infinity;
const high = (value: number | undefined): number | never[] => value ?? [];

function channelRange(db: DiscoveryDb, channel: Channel, from?: number, to?: number) {
  return db.notes.where(CHANNEL_INDEX).between([channel, low(from), -Infinity], [channel, high(to), []], true, true);
}

// The channel and date filters map onto an index range directly; the others are checked per note.
function dateRange(db: DiscoveryDb, filter: NoteFilter) {
  if (filter.channel !== undefined) return channelRange(db, filter.channel, filter.from, filter.to);
  if (filter.from === undefined && filter.to === undefined) return db.notes.orderBy(NEWEST_INDEX);
  return db.notes.where(NEWEST_INDEX).between([low(filter.from), -Infinity], [high(filter.to), []], true, true);
}

function withoutTag(filter: NoteFilter): NoteFilter {
  const { tag: _tag, ...rest } = filter;
  return rest;
}

// One tag vocabulary: a note has a tag when it carries it or when one of its highlights does.
async function idsOfNotesTagged(db: DiscoveryDb, tag: string): Promise<string[]> {
  const [own, highlights] = await Promise.all([db.notes.where('tags').equals(tag).primaryKeys(), db.highlights.where('tags').equals(tag).toArray()]);
  return [...new Set([...own, ...highlights.map((highlight) => highlight.noteId)])];
}

// The ids matching every equality filter, read as keys only from their indexes; null when none is set.
async function selectiveCandidates(db: DiscoveryDb, filter: NoteFilter): Promise<Set<string> | null> {
  const lookups = [
    filter.personId === undefined ? null : db.notes.where('personIds').equals(filter.personId),
    filter.team === undefined ? null : db.notes.where('teams').equals(filter.team),
    filter.organisation === undefined ? null : db.notes.where('organisation').equals(filter.organisation),
  ].filter((collection) => collection !== null);
  const keyLookups: Promise<readonly string[]>[] = lookups.map((collection) => collection.primaryKeys());
  if (filter.tag !== undefined) keyLookups.push(idsOfNotesTagged(db, filter.tag));
  if (keyLookups.length === 0) return null;
  const keySets = await Promise.all(keyLookups);
  const [smallest, ...others] = keySets.sort((a, b) => a.length - b.length);
  const otherSets = others.map((keys) => new Set(keys));
  return new Set((smallest ?? []).filter((id) => otherSets.every((keys) => keys.has(id))));
}

/**
 * A follow-up chat note links the response that prompted it; once the note is saved with more than
 * it started with, the chat happened and the follow-up is done.
 */
async function completeFollowUps(db: DiscoveryDb, note: Note, now: number): Promise<void> {
  if (note.channel !== 'coffee-chat') return;
  for (const link of note.links) {
    const target = parseRespondentPath(link.url);
    if (target === undefined) continue;
    const response = await db.surveyResponses.get(target.responseId);
    const followUp = response?.followUp;
    if (response === undefined || followUp === undefined || followUp.chatNoteId !== note.id || followUp.doneAt !== undefined) continue;
    if (followUp.chatStartHash === undefined || !isChatWritten(note.plainText, followUp.chatStartHash)) continue;
    await db.surveyResponses.put({ ...response, followUp: { ...followUp, doneAt: now } });
  }
}

// Copies field by field, so nothing a caller's object carries beyond NewNote is stored.
/**
 * The stored form of a new note: the body cleaned, its plain text derived, channel fields checked.
 * Exported for importers that write notes in their own transaction; they must also adjust the counts.
 */
export function toNote(id: string, fields: NewNote, createdAt: number, updatedAt: number): Note {
  if (!Number.isFinite(fields.occurredAt)) throw new UserError('A note needs the date it happened.');
  // Every way into the table (editor, import, restore) passes here, so hostile markup stops here.
  const body = sanitizeRichText(fields.body);
  const note: Note = {
    id,
    channel: fields.channel,
    title: fields.title,
    body,
    plainText: richTextToPlainText(body),
    occurredAt: fields.occurredAt,
    personIds: fields.personIds ?? [],
    teams: fields.teams ?? [],
    ...(fields.organisation === undefined ? {} : { organisation: fields.organisation }),
    tags: fields.tags ?? [],
    links: fields.links ?? [],
    ...(fields.channelFields === undefined ? {} : { channelFields: fields.channelFields }),
    createdAt,
    updatedAt,
  };
  if (!hasMatchingChannelFields(note)) {
    throw new UserError(`A ${note.channel} note cannot carry ${note.channelFields?.kind ?? ''} fields.`);
  }
  return note;
}

function mergeChanges(note: Note, changes: NoteChanges): NewNote {
  const organisation = changes.organisation === undefined ? note.organisation : (changes.organisation ?? undefined);
  const channelFields = changes.channelFields === undefined ? note.channelFields : (changes.channelFields ?? undefined);
  return {
    channel: changes.channel ?? note.channel,
    title: changes.title ?? note.title,
    body: changes.body ?? note.body,
    occurredAt: changes.occurredAt ?? note.occurredAt,
    personIds: changes.personIds ?? note.personIds,
    teams: changes.teams ?? note.teams,
    tags: changes.tags ?? note.tags,
    links: changes.links ?? note.links,
    ...(organisation === undefined ? {} : { organisation }),
    ...(channelFields === undefined ? {} : { channelFields }),
  };
}
