import type { Card, CardSnapshot } from './board';
import type { Contact } from './contact';
import type { Highlight } from './highlight';
import type { Note } from './note';
import { noteExcerpt } from '../rich-text/note-excerpt';
import { compareSla } from './sla-gap';

/** How much of a note's text a card shows. */
export const CARD_EXCERPT_LENGTH = 280;

/** The first `length` characters of text with whitespace collapsed, cut at a word with an ellipsis. */
export function excerptOf(text: string, length = CARD_EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** What a card shows of a note (and of one highlight in it), frozen: later edits of the note leave it unchanged. */
export function cardSnapshot(note: Note, contacts: ReadonlyMap<string, Pick<Contact, 'name' | 'team'>>, highlight?: Highlight): CardSnapshot {
  const people = note.personIds.map((id) => contacts.get(id)?.name ?? 'Unknown person');
  const teams = [...new Set([...note.teams, ...note.personIds.flatMap((id) => contacts.get(id)?.team ?? [])].filter((team) => team.trim() !== ''))];
  const sla = note.channelFields?.kind === 'sla' ? note.channelFields : undefined;
  return {
    title: note.title.trim() || 'Untitled note',
    // The note's own words: the channel template's prompt headings say nothing about this note.
    excerpt: excerptOf(highlight?.quote ?? noteExcerpt(note.channel, note.plainText, Number.MAX_SAFE_INTEGER)),
    channel: note.channel,
    occurredAt: note.occurredAt,
    personIds: [...note.personIds],
    people,
    teams,
    tags: [...new Set([...note.tags, ...(highlight?.tags ?? [])])],
    ...(highlight === undefined ? {} : { quote: highlight.quote }),
    ...(sla === undefined
      ? {}
      : {
          sla: {
            service: sla.service,
            metric: sla.metric,
            expected: sla.expected,
            ...(sla.offered === undefined ? {} : { offered: sla.offered }),
            ...(sla.measured === undefined ? {} : { measured: sla.measured }),
            comparison: compareSla(sla.metric, sla.expected, sla.offered),
          },
        }),
  };
}

/**
 * The cards of a new round: one per note, newest first, each followed by one per highlight of
 * that note (oldest first); without note cards, only the highlights' cards. Ids come from `newId`; every card starts ungrouped.
 */
export function snapshotCards(
  roundId: string,
  notes: readonly Note[],
  highlights: readonly Highlight[],
  contacts: ReadonlyMap<string, Pick<Contact, 'name' | 'team'>>,
  newId: () => string,
  { withNoteCards = true }: { readonly withNoteCards?: boolean } = {},
): Card[] {
  const byNote = new Map<string, Highlight[]>();
  for (const highlight of [...highlights].sort((a, b) => a.createdAt - b.createdAt)) {
    byNote.set(highlight.noteId, [...(byNote.get(highlight.noteId) ?? []), highlight]);
  }
  const cards: Card[] = [];
  for (const note of notes) {
    if (withNoteCards) cards.push({ id: newId(), roundId, source: { kind: 'note', noteId: note.id }, position: cards.length, snapshot: cardSnapshot(note, contacts) });
    for (const highlight of byNote.get(note.id) ?? []) {
      cards.push({
        id: newId(),
        roundId,
        source: { kind: 'highlight', noteId: note.id, highlightId: highlight.id },
        position: cards.length,
        snapshot: cardSnapshot(note, contacts, highlight),
      });
    }
  }
  return cards;
}
