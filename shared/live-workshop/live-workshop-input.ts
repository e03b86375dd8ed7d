import { z } from 'zod';
import { LIVE_PHASES } from './live-documents';

const text = (max: number) => z.string().max(max);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One card as it goes on the server: what the room reads, never the rest of the note. */
export const liveCardSchema = z.object({
  id,
  title: text(300),
  excerpt: text(2000),
  channel: text(60),
  occurredAt: z.number().finite(),
  /** People's names, or their role or team when the facilitator chose to hide names. */
  people: text(500),
});
export type LiveCard = z.infer<typeof liveCardSchema>;

/** Everything the facilitator's app sends to start a live workshop on one round. */
export const liveWorkshopInputSchema = z.object({
  title: text(300),
  budget: z.number().int().min(1).max(50),
  cards: z.array(liveCardSchema).max(5000),
  buckets: z.array(z.object({ id, title: text(300) })).max(500),
  /** Card id to bucket id for cards already grouped. */
  placements: z.record(z.string(), id),
  participants: z.array(z.object({ id, name: text(60) })).max(200),
});
export type LiveWorkshopInput = z.infer<typeof liveWorkshopInputSchema>;

/** Joining: the code alone lists the names to pick from; with a name or a picked participant it joins. */
export const joinRequestSchema = z.union([z.object({ code: text(20), name: text(200) }), z.object({ code: text(20), participantId: id }), z.object({ code: text(20) })]);
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const timerActionSchema = z.union([
  z.object({ action: z.literal('start'), minutes: z.number().positive().max(180) }),
  z.object({ action: z.enum(['pause', 'resume', 'reset']) }),
]);
export type TimerAction = z.infer<typeof timerActionSchema>;

/** A facilitator's command to a running live workshop. */
export const liveCommandSchema = z.union([
  z.object({ command: z.literal('phase'), phase: z.enum(LIVE_PHASES) }),
  z.object({ command: z.literal('timer'), timer: timerActionSchema }),
  z.object({ command: z.literal('budget'), budget: z.number().int().min(1).max(50) }),
  z.object({ command: z.enum(['reveal-votes', 'reveal-scores', 'reopen', 'retally']) }),
  z.object({ command: z.literal('rank'), order: z.array(id).max(500) }),
  /** Frees a taken name (the person's device died): the old device loses the seat, the person joins again under the name. */
  z.object({ command: z.literal('release-seat'), participantId: id }),
]);
export type LiveCommand = z.infer<typeof liveCommandSchema>;

/** What a live workshop produced, saved into the facilitator's workspace in one transaction. */
export interface LiveOutcome {
  readonly workshopId: string;
  readonly phase: (typeof LIVE_PHASES)[number];
  readonly budget: number;
  readonly areVotesRevealed: boolean;
  readonly participants: readonly { readonly id: string; readonly name: string }[];
  /** Buckets in creation order; those created in the room have ids the app has not seen. */
  readonly buckets: readonly { readonly id: string; readonly title: string }[];
  /** Card id to bucket id, or null for ungrouped. */
  readonly placements: Readonly<Record<string, string | null>>;
  readonly votes: readonly { readonly participantId: string; readonly bucketId: string; readonly dots: number }[];
  readonly scores: readonly { readonly participantId: string; readonly bucketId: string; readonly values: Readonly<Record<string, number>> }[];
  /** Bucket ids, most pressing first. */
  readonly ranking: readonly string[];
}
