import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import { hasMatchingChannelFields, type ChannelFields, type Note, type NoteLink } from '../../../shared/domain/note';
import { richTextToPlainText, type RichTextDoc } from '../../../shared/domain/rich-text';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';

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

export interface NotesRepository {
  create(input: NewNote): Promise<Note>;
  /** All notes or none (for imports). */
  createMany(inputs: readonly NewNote[]): Promise<readonly Note[]>;
  /** Undefined when the note does not exist. */
  update(id: string, changes: NoteChanges): Promise<Note | undefined>;
  get(id: string): Promise<Note | undefined>;
  /** Deletes the note and its highlights together. */
  delete(id: string): Promise<void>;
  /** A page of notes, newest first; reads only the page, never every note. */
  listNewest(options: { readonly limit: number; readonly before?: NoteCursor }): Promise<NotePage>;
  /** Notes per channel (every channel present, in display order), counted on the index. */
  countByChannel(): Promise<ReadonlyMap<Channel, number>>;
}

const NEWEST_INDEX = '[occurredAt+id]';
const CHANNEL_INDEX = '[channel+occurredAt+id]';

export function createNotesRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): NotesRepository {
  return {
    async create(input) {
      const now = clock();
      const note = toNote(newId(), input, now, now);
      await writeTransaction(db, [db.notes], () => db.notes.add(note));
      return note;
    },

    async createMany(inputs) {
      const now = clock();
      const notes = inputs.map((input) => toNote(newId(), input, now, now));
      await writeTransaction(db, [db.notes], () => db.notes.bulkAdd(notes));
      return notes;
    },

    update(id, changes) {
      return writeTransaction(db, [db.notes], async () => {
        const existing = await db.notes.get(id);
        if (existing === undefined) return undefined;
        const note = toNote(existing.id, mergeChanges(existing, changes), existing.createdAt, clock());
        await db.notes.put(note);
        return note;
      });
    },

    get: (id) => db.notes.get(id),

    delete(id) {
      return writeTransaction(db, [db.notes, db.highlights], async () => {
        await db.highlights.where('noteId').equals(id).delete();
        await db.notes.delete(id);
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
      const counts = await db.transaction('r', db.notes, () =>
        // Arrays sort after every number and string, so [channel, []] is above all of the channel's keys.
        Promise.all(CHANNEL_IDS.map((channel) => db.notes.where(CHANNEL_INDEX).between([channel], [channel, []]).count())),
      );
      return new Map(CHANNEL_IDS.map((channel, index) => [channel, counts[index] ?? 0]));
    },
  };
}

// Copies field by field, so nothing a caller's object carries beyond NewNote is stored.
function toNote(id: string, fields: NewNote, createdAt: number, updatedAt: number): Note {
  if (!Number.isFinite(fields.occurredAt)) throw new RangeError('A note needs the date it happened.');
  const note: Note = {
    id,
    channel: fields.channel,
    title: fields.title,
    body: fields.body,
    plainText: richTextToPlainText(fields.body),
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
    throw new RangeError(`A ${note.channel} note cannot carry ${note.channelFields?.kind ?? ''} fields.`);
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
