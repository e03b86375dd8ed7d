import { chromium, type Browser, type Page } from 'playwright-core';
import type { BenchBrowserOptions } from '../bench-browser';
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
/** Participants on real participant pages in Chromium, besides the Node clients. */
const BROWSER_PARTICIPANTS = 2;
/** How often the facilitator's panel asks the server for the room, as the app does (live-workshop-panel.tsx). */
const PANEL_REFRESH_MS = 1000;

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

/** Joins on the participant page as a person in the room would: the code, then the name. */
async function joinInBrowser(browser: Browser, url: string, code: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Code from the projector' }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('textbox', { name: /name/ }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('status').filter({ hasText: `${name} · Connected` }).waitFor({ timeout: DELIVERY_TIMEOUT_MS });
  return page;
}

/** Clicks a button in the page and returns the page's Date.now() at the click (the same clock as this process's). */
function clickAt(page: Page, name: string): Promise<number> {
  return page.getByRole('button', { name, exact: true }).evaluate((button) => {
    const at = Date.now();
    (button as HTMLButtonElement).click();
    return at;
  });
}

interface RoomView {
  readonly at: number;
  readonly voted: ReadonlyMap<string, boolean>;
}

/**
 * A live workshop with N participants (Node clients, one socket each, all in this process) on a
 * round of M cards, the server in its own Node process, the facilitator's panel polling the room
 * every second as the app does. Each participant in turn moves a card (the others wait to see it
 * on their board), then each votes (the others wait to see them marked as voted on the roster).
 * Latency runs from the change on the sender to the update applied on each other participant.
 * Two more participants join on the real participant page in Chromium (served by the workshop
 * server, as in the room) and stay connected through it all; at the end each adds and takes back a
 * dot in turn, timed from the click in the page until the facilitator's panel (asking every second,
 * as the app does) shows them as voted or not, and until the server's state first shows it.
 */
export async function workshopScenario({ profile, browserOptions, participantDir }: { readonly profile: BenchProfile; readonly browserOptions: BenchBrowserOptions; readonly participantDir: string }): Promise<ScenarioOutcome> {
  const { participants, cardCount, label } = profile.workshop;
  const names = workshopMetrics(label);
  return runScenario(`live workshop ${label}, ${cardCount} cards`, Object.values(names), async () => {
    const cluster = await startWorkshopCluster(roundInput(cardCount), { storeDebounceMs: 1000, participantDir });
    const seats: Seat[] = [];
    let facilitator: NodeJS.Timeout | null = null;
    const browser = await chromium.launch({ executablePath: browserOptions.chromiumPath, args: [...browserOptions.chromiumArgs], headless: true });
    /** What the facilitator's panel has seen, one entry per refresh. */
    const panelViews: RoomView[] = [];
    try {
      const { workshopId } = cluster.session;
      const url = `http://127.0.0.1:${cluster.workshopPort}/`;
      const pages: { readonly page: Page; readonly name: string }[] = [];
      for (let index = 0; index < BROWSER_PARTICIPANTS; index += 1) {
        const name = `Browser ${index + 1}`;
        pages.push({ page: await joinInBrowser(browser, url, cluster.session.joinCode, name), name });
      }
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
      facilitator = setInterval(() => {
        void cluster
          .state()
          .then((state) => panelViews.push({ at: Date.now(), voted: new Map(state.roster.map((entry) => [entry.name, entry.hasVoted])) }))
          .catch(() => undefined);
      }, PANEL_REFRESH_MS);
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

      // The Chromium participants: add a dot, take it back, in turn; each flips "voted" on the facilitator's screen.
      const toPanel: number[] = [];
      const toServer: number[] = [];
      const flips = profile.name === 'small' ? 2 : 6;
      for (let flip = 0; flip < flips; flip += 1) {
        for (const { page, name } of pages) {
          const isVoting = flip % 2 === 0;
          const clickedAt = await clickAt(page, `${isVoting ? 'Add a dot to' : 'Remove a dot from'} Bucket 0`);
          for (;;) {
            const state = await cluster.state();
            if (state.roster.find((entry) => entry.name === name)?.hasVoted === isVoting) break;
            if (Date.now() - clickedAt > DELIVERY_TIMEOUT_MS) throw new Error(`${name}'s vote did not reach the server within ${DELIVERY_TIMEOUT_MS} ms.`);
          }
          toServer.push(Date.now() - clickedAt);
          for (;;) {
            const seen = panelViews.find((view) => view.at >= clickedAt && view.voted.get(name) === isVoting);
            if (seen) {
              toPanel.push(seen.at - clickedAt);
              break;
            }
            if (Date.now() - clickedAt > DELIVERY_TIMEOUT_MS) throw new Error(`The facilitator's panel did not show ${name}'s vote within ${DELIVERY_TIMEOUT_MS} ms.`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      }
      const round = (value: number) => Math.round(value * 10) / 10;
      return {
        [names.syncP95]: round(percentile(latencies, 95)),
        [names.syncP50]: round(percentile(latencies, 50)),
        [names.syncMax]: round(Math.max(...latencies)),
        [names.serverMb]: round(after.rssMb),
        [names.serverHeapMb]: round(after.heapUsedMb),
        [names.serverCpuMs]: Math.round(after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs),
        [names.deliveries]: latencies.length,
        [names.browserVoteToFacilitatorP95]: round(percentile(toPanel, 95)),
        [names.browserVoteToFacilitatorP50]: round(percentile(toPanel, 50)),
        [names.browserVoteToServerStateP95]: round(percentile(toServer, 95)),
        [names.browserVotes]: toPanel.length,
      };
    } finally {
      if (facilitator !== null) clearInterval(facilitator);
      for (const seat of seats) seat.client.destroy();
      await browser.close();
      await cluster.dispose();
    }
  });
}
