import type { Note } from '../../../shared/domain/note';
import type { PlannedChat } from '../../../shared/domain/planned-chat';
import { noteTemplate } from '../../../shared/rich-text/note-templates';
import type { DiscoveryDb } from '../discovery-db';
import { toNote } from './notes-repository';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

export interface PlannedChatsRepository {
  plan(input: { readonly contactId: string; readonly plannedFor: number; readonly topic?: string }): Promise<PlannedChat>;
  /** Planned chats without notes yet, soonest first (overdue ones lead). */
  listOpen(): Promise<readonly PlannedChat[]>;
  listForContact(contactId: string): Promise<readonly PlannedChat[]>;
  remove(id: string): Promise<PlannedChat | undefined>;
  restore(chat: PlannedChat): Promise<void>;
  /** Turns a planned chat into a coffee-chat note with that person on that date, linked to it, in one transaction. */
  writeNote(id: string, title: string): Promise<Note>;
}

export function createPlannedChatsRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): PlannedChatsRepository {
  return {
    async plan({ contactId, plannedFor, topic }) {
      if (!Number.isFinite(plannedFor)) throw new UserError('A planned chat needs a date.');
      const now = clock();
      const trimmed = topic?.trim() ?? '';
      const chat: PlannedChat = { id: newId(), contactId, plannedFor, ...(trimmed === '' ? {} : { topic: trimmed }), createdAt: now, updatedAt: now };
      await writeTransaction(db, [db.plannedChats, db.contacts], async () => {
        if ((await db.contacts.get(contactId)) === undefined) throw new UserError('This contact no longer exists.');
        await db.plannedChats.add(chat);
      });
      return chat;
    },

    async listOpen() {
      return db.plannedChats.orderBy('plannedFor').filter((chat) => chat.noteId === undefined).toArray();
    },

    async listForContact(contactId) {
      const rows = await db.plannedChats.where('contactId').equals(contactId).toArray();
      return rows.sort((a, b) => a.plannedFor - b.plannedFor);
    },

    remove(id) {
      return writeTransaction(db, [db.plannedChats], async () => {
        const chat = await db.plannedChats.get(id);
        await db.plannedChats.delete(id);
        return chat;
      });
    },

    async restore(chat) {
      await writeTransaction(db, [db.plannedChats], () => db.plannedChats.put(chat));
    },

    writeNote(id, title) {
      return writeTransaction(db, [db.plannedChats, db.notes], async () => {
        const chat = await db.plannedChats.get(id);
        if (chat === undefined) throw new UserError('This planned chat no longer exists.');
        if (chat.noteId !== undefined) {
          const existing = await db.notes.get(chat.noteId);
          if (existing !== undefined) return existing;
        }
        const now = clock();
        const note = toNote(newId(), { channel: 'coffee-chat', title, body: noteTemplate('coffee-chat'), occurredAt: chat.plannedFor, personIds: [chat.contactId] }, now, now);
        await db.notes.add(note);
        await db.plannedChats.put({ ...chat, noteId: note.id, updatedAt: now });
        return note;
      });
    },
  };
}
