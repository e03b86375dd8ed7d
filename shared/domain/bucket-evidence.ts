import type { Card } from './board';

/** How broad the evidence behind a bucket is, from weakest to strongest. */
export type EvidenceStrength = 'no evidence' | 'single source' | 'several people' | 'across channels';

/** The distinct sources behind a bucket and the strength they add up to. */
export interface BucketEvidence {
  readonly cards: number;
  readonly people: number;
  readonly teams: number;
  readonly channels: number;
  readonly notes: number;
  readonly strength: EvidenceStrength;
}

/**
 * Counts the distinct people, teams, channels and notes behind a bucket's cards. A note with no
 * people (a paper, a vendor page) counts as a source of its own; several highlights of one note
 * count once. 'across channels' needs two sources in two channels, 'several people' two sources.
 */
export function bucketEvidence(cards: readonly Pick<Card, 'source' | 'snapshot'>[]): BucketEvidence {
  const people = new Set<string>();
  const teams = new Set<string>();
  const channels = new Set<string>();
  const notes = new Set<string>();
  const notesWithoutPeople = new Set<string>();
  for (const card of cards) {
    notes.add(card.source.noteId);
    channels.add(card.snapshot.channel);
    for (const team of card.snapshot.teams) if (team.trim() !== '') teams.add(team.trim().toLowerCase());
    for (const personId of card.snapshot.personIds) people.add(personId);
    if (card.snapshot.personIds.length === 0) notesWithoutPeople.add(card.source.noteId);
  }
  const sources = people.size + notesWithoutPeople.size;
  const strength: EvidenceStrength =
    notes.size === 0 ? 'no evidence' : sources >= 2 && channels.size >= 2 ? 'across channels' : sources >= 2 ? 'several people' : 'single source';
  return { cards: cards.length, people: people.size, teams: teams.size, channels: channels.size, notes: notes.size, strength };
}
