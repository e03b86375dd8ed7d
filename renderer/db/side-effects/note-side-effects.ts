import { contactNameKey, type Contact } from '../../../shared/domain/contact';
import type { Note } from '../../../shared/domain/note';
import { richTextToPlainText } from '../../../shared/domain/rich-text';
import { adjustedNoteCounts, NOTE_COUNTS_KEY, noteCountsRecord, parseNoteCounts } from '../repositories/note-counts';
import type { WriteSideEffects } from './write-side-effects';

/**
 * What follows every write of notes and contacts, whoever writes them: a note's plain text from its
 * body and the kept note counts in the same transaction, a contact's name key from its name. The
 * search index follows their commits (see committed-writes-channel.ts).
 */
export function registerNoteAndContactSideEffects(sideEffects: WriteSideEffects): void {
  sideEffects.register<Note>('notes', {
    alsoWrites: ['meta'],
    beforeWrite: (note) => (typeof note.body === 'object' && note.body !== null ? { ...note, plainText: richTextToPlainText(note.body) } : note),
    async afterWrite(changes, transaction) {
      const row = await transaction.get('meta', NOTE_COUNTS_KEY);
      const counts = parseNoteCounts(typeof row === 'object' && row !== null ? Reflect.get(row, 'value') : undefined);
      // Missing counts are rebuilt from scratch later; adjusting nothing keeps them missing, never wrong.
      if (counts === undefined) return;
      const removed = changes.flatMap((change) => (change.before === undefined ? [] : [change.before]));
      const added = changes.flatMap((change) => (change.after === undefined ? [] : [change.after]));
      await transaction.put('meta', noteCountsRecord(adjustedNoteCounts(counts, { removed, added })));
    },
    // A clear (a restore) drops the counts; the next start recounts them.
    afterRangeDeleted: (transaction) => transaction.delete('meta', NOTE_COUNTS_KEY),
  });
  sideEffects.register<Contact>('contacts', {
    beforeWrite: (contact) => (typeof contact.name === 'string' ? { ...contact, nameKey: contactNameKey(contact.name) } : contact),
  });
}
