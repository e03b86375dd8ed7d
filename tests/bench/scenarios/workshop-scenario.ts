import type { BenchProfile } from '../bench-profile';
import { workshopMetrics } from '../metric-names';
import { percentile } from '../percentile';
import { runScenario, type ScenarioOutcome } from '../scenario-outcome';
import { moveCard, readRoster, writeDots } from '../../../shared/live-workshop/live-doc-content';
import { ballotDocumentName, boardDocumentName, controlDocumentName } from '../../../shared/live-workshop/live-documents';
import type { LiveWorkshopInput } from '../../../shared/live-workshop/live-workshop-input';
import { liveClient, type LiveClient, type LiveDocumentClient } from '../../server/live-clients';
import { startWorkshopCluster } from '../../server/workshop-cluster';
import type * as Y from 'yjs';

const BUCKETS = 20;
const MOVES_PER_PARTICIPANT = 2;
const DELIVERY_TIMEOUT_MS = 30_000;

interface Seat {
  readonly participantId: string;
  readonly client: LiveClient;
  readonly control: LiveDocumentClient;
  readonly board: LiveDocumentClient;
  readonly ballot: LiveDocumentClient;
}

/** Resolves with the time (performance.now) at which `read()` first holds after a change of `doc`. */
function seenAt(doc: Y.Doc, read: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    if (read()) return resolve(performance.now());
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error(`A change did not arrive within ${DELIVERY_TIMEOUT_MS} ms.`));
    }, DELIVERY_TIMEOUT_MS);
    function check() {
      if (!read()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve(performance.now());
    }
    doc.on('update', check);
  });
}

function roundInput(cardCount: number): LiveWorkshopInput {
  const buckets = Array.from({ length: BUCKETS }, (_, index) => ({ id: `b${index}`, title: `Bucket ${index}` }));
  const cards = Array.from({ length: cardCount }, (_, index) => ({
    id: `c${index}`,
    title: `Deploy pipeline pain ${index}`,
    excerpt: `Waiting on the pipeline again; the staging cluster was busy and the rollback took most of the afternoon (${index}).`.slice(0, 200),
    channel: 'coffee-chat',
    occurredAt: 1_700_000_000_000 + index * 60_000,
    people: 'Platform team',
  }));
  const placements = Object.fromEntries(cards.filter((_, index) => index % 2 === 0).map((card, index) => [card.id, `b${index % BUCKETS}`]));
  return { title: 'Bench round', budget: 5, cards, buckets, placements, participants: [] };
}

/**
 * A live workshop with N participants (Node clients, one socket each, all in this process) on a
 * round of M cards, the server in its own Node process, the facilitator's panel polling the room
 * every second as the app does. Each participant in turn moves a card (the others wait to see it
 * on their board), then each votes (the others wait to see them marked as voted on the roster).
 * Latency runs from the change on the sender to the update applied on each other participant.
 */
export async function workshopScenario({ profile }: { readonly profile: BenchProfile }): Promise<ScenarioOutcome> {
  const { participants, cardCount, label } = profile.workshop;
  const names = workshopMetrics(label);
  return runScenario(`live workshop ${label}, ${cardCount} cards`, Object.values(names), async () => {
    const cluster = await startWorkshopCluster(roundInput(cardCount), { storeDebounceMs: 1000 });
    const seats: Seat[] = [];
    let facilitator: NodeJS.Timeout | null = null;
    try {
      const { workshopId } = cluster.session;
      const url = `http://127.0.0.1:${cluster.workshopPort}/`;
      for (let index = 0; index < participants; index += 1) {
        const { token, participantId } = await cluster.join(`Participant ${index + 1}`);
        const client = liveClient(url);
        seats.push({
          participantId,
          client,
          control: client.open(controlDocumentName(workshopId), token),
          board: client.open(boardDocumentName(workshopId), token),
          ballot: client.open(ballotDocumentName(workshopId, participantId), token),
        });
      }
      await Promise.all(seats.flatMap((seat) => [seat.control.ready, seat.board.ready, seat.ballot.ready]));
      facilitator = setInterval(() => void cluster.state().catch(() => undefined), 1000);
      await cluster.command({ command: 'phase', phase: 'grouping' });
      const before = await cluster.health();
      const latencies: number[] = [];

      for (let round = 0; round < MOVES_PER_PARTICIPANT; round += 1) {
        for (const [index, sender] of seats.entries()) {
          const cardId = `c${(round * participants + index) % cardCount}`;
          const bucketId = `b${(round * 7 + index + 1) % BUCKETS}`;
          const others = seats.filter((seat) => seat !== sender);
          const arrivals = others.map((seat) => seenAt(seat.board.doc, () => seat.board.doc.getMap('placements').get(cardId) === bucketId));
          const startedAt = performance.now();
          moveCard(sender.board.doc, cardId, bucketId);
          for (const arrivedAt of await Promise.all(arrivals)) latencies.push(arrivedAt - startedAt);
        }
      }
      await cluster.command({ command: 'phase', phase: 'dot-voting' });
      for (const [index, sender] of seats.entries()) {
        const others = seats.filter((seat) => seat !== sender);
        const arrivals = others.map((seat) => seenAt(seat.control.doc, () => readRoster(seat.control.doc).get(sender.participantId)?.hasVoted === true));
        const startedAt = performance.now();
        writeDots(sender.ballot.doc, `b${index % BUCKETS}`, 2);
        for (const arrivedAt of await Promise.all(arrivals)) latencies.push(arrivedAt - startedAt);
      }
      const after = await cluster.health();
      const round = (value: number) => Math.round(value * 10) / 10;
      return {
        [names.syncP95]: round(percentile(latencies, 95)),
        [names.syncP50]: round(percentile(latencies, 50)),
        [names.syncMax]: round(Math.max(...latencies)),
        [names.serverMb]: round(after.rssMb),
        [names.serverHeapMb]: round(after.heapUsedMb),
        [names.serverCpuMs]: Math.round(after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs),
        [names.deliveries]: latencies.length,
      };
    } finally {
      if (facilitator !== null) clearInterval(facilitator);
      for (const seat of seats) seat.client.destroy();
      await cluster.dispose();
    }
  });
}
