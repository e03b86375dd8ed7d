import type { Card, PainBucket } from '../../../shared/domain/board';
import type { LiveWorkshopInput } from '../../../shared/live-workshop/live-workshop-input';
import type { WorkshopParticipant } from '../../../shared/domain/workshop';

/** Only the round's cards go on the server: title, excerpt, channel, date, and people (or their team, when names are hidden). */
export function liveWorkshopInput(round: { readonly title: string }, cards: readonly Card[], buckets: readonly PainBucket[], participants: readonly WorkshopParticipant[], budget: number, isHidingNames: boolean): LiveWorkshopInput {
  const placements: Record<string, string> = {};
  for (const card of cards) if (card.bucketId) placements[card.id] = card.bucketId;
  return {
    title: round.title.slice(0, 300),
    budget,
    cards: cards.map((card) => ({
      id: card.id,
      title: card.snapshot.title.slice(0, 300),
      excerpt: card.snapshot.excerpt.slice(0, 2000),
      channel: card.snapshot.channel,
      occurredAt: card.snapshot.occurredAt,
      people: (isHidingNames ? (card.snapshot.teams.length > 0 ? card.snapshot.teams.join(', ') : card.snapshot.people.length > 0 ? 'A participant' : '') : card.snapshot.people.join(', ')).slice(0, 500),
    })),
    buckets: buckets.map((bucket) => ({ id: bucket.id, title: bucket.title.slice(0, 300) })),
    placements,
    participants: participants.map(({ id, name }) => ({ id, name: name.slice(0, 60) })),
  };
}
