import type { Card } from './board';
import { evidenceOrigin } from './evidence-origin';

/** How broad users' evidence behind a bucket is, from weakest to strongest. */
export type EvidenceStrength = 'no user evidence' | 'single source' | 'several people' | 'across channels';

/** The distinct sources behind a bucket and the strength they add up to. */
export interface BucketEvidence {
  readonly cards: number;
  /** Users' evidence only: distinct people, teams, channels and notes from user channels. */
  readonly people: number;
  readonly teams: number;
  readonly channels: number;
  readonly notes: number;
  /** Notes from the market and research (vendors, open source, papers, peer companies): context, never users. */
  readonly marketNotes: number;
  /** The team's own brainstorm notes. */
  readonly teamNotes: number;
  readonly strength: EvidenceStrength;
}

/**
 * Counts the distinct people, teams, channels and notes behind a bucket's cards, from what users
 * said only (see evidenceOrigin); market, research and team notes are counted apart and add
 * nothing to the strength. A user note with no people linked counts as a source of its own;
 * several highlights of one note count once. 'across channels' needs two user sources in two user
 * channels, 'several people' two user sources.
 */
export function bucketEvidence(cards: readonly Pick<Card, 'source' | 'snapshot'>[]): BucketEvidence {
  const people = new Set<string>();
  const teams = new Set<string>();
  const channels = new Set<string>();
  const notes = new Set<string>();
  const notesWithoutPeople = new Set<string>();
  const marketNotes = new Set<string>();
  const teamNotes = new Set<string>();
  for (const card of cards) {
    const origin = evidenceOrigin(card.snapshot.channel);
    if (origin === 'market') {
      marketNotes.add(card.source.noteId);
      continue;
    }
    if (origin === 'team') {
      teamNotes.add(card.source.noteId);
      continue;
    }
    notes.add(card.source.noteId);
    channels.add(card.snapshot.channel);
    for (const team of card.snapshot.teams) if (team.trim() !== '') teams.add(team.trim().toLowerCase());
    for (const personId of card.snapshot.personIds) people.add(personId);
    if (card.snapshot.personIds.length === 0) notesWithoutPeople.add(card.source.noteId);
  }
  const sources = people.size + notesWithoutPeople.size;
  const strength: EvidenceStrength =
    notes.size === 0 ? 'no user evidence' : sources >= 2 && channels.size >= 2 ? 'across channels' : sources >= 2 ? 'several people' : 'single source';
  return { cards: cards.length, people: people.size, teams: teams.size, channels: channels.size, notes: notes.size, marketNotes: marketNotes.size, teamNotes: teamNotes.size, strength };
}

/** Evidence strengths in order, weakest first, for sorting. */
export const EVIDENCE_STRENGTHS: readonly EvidenceStrength[] = ['no user evidence', 'single source', 'several people', 'across channels'];

/** The words of a bucket's evidence counts, e.g. ["3 people", "2 teams", "2 user channels", "4 user notes", "1 market or research note"]. */
export function evidenceWords(evidence: BucketEvidence): string[] {
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    plural(evidence.people, 'person', 'people'),
    plural(evidence.teams, 'team', 'teams'),
    plural(evidence.channels, 'user channel', 'user channels'),
    plural(evidence.notes, 'user note', 'user notes'),
    ...(evidence.marketNotes === 0 ? [] : [plural(evidence.marketNotes, 'market or research note', 'market or research notes')]),
    ...(evidence.teamNotes === 0 ? [] : [plural(evidence.teamNotes, 'team brainstorm', 'team brainstorms')]),
  ];
}
