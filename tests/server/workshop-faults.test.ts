import 'fake-indexeddb/auto';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanBallot, tallyBallots } from '../../shared/live-workshop/ballot';
import { createBucket, moveCard, readBuckets, readRawBallot, readResults, readSettings, writeDots } from '../../shared/live-workshop/live-doc-content';
import { ballotDocumentName, boardDocumentName, controlDocumentName } from '../../shared/live-workshop/live-documents';
import { timeLeft } from '../../shared/live-workshop/live-timer';
import type { LiveWorkshopInput } from '../../shared/live-workshop/live-workshop-input';
import { keepLocalCopies } from '../../renderer/participant/local-copies';
import { measureClockOffset } from '../../renderer/participant/participant-session';
import { openSqliteStore } from '../../server/sqlite-store';
import { networkFault, seededValue, type NetworkFault } from '../harness/seeded';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy';
import { liveClient, until, type LiveClient, type LiveDocumentClient } from './live-clients';
import { buildHostProcess, startWorkshopCluster, type WorkshopCluster } from './workshop-cluster';

const INPUT: LiveWorkshopInput = {
  title: 'Fault round',
  budget: 5,
  cards: Array.from({ length: 8 }, (_, index) => ({ id: `c${index}`, title: `Card ${index}`, excerpt: 'An excerpt', channel: 'survey', occurredAt: index, people: 'SRE' })),
  buckets: [{ id: 'b0', title: 'Speed' }, { id: 'b1', title: 'Noise' }, { id: 'b2', title: 'Docs' }],
  placements: {},
  participants: [],
};
const NAMES = ['Ana', 'Bo', 'Cy'];

interface Participant {
  readonly name: string;
  readonly participantId: string;
  readonly token: string;
  readonly proxy: TcpProxy;
  readonly client: LiveClient;
  readonly control: LiveDocumentClient;
  readonly board: LiveDocumentClient;
  readonly ballot: LiveDocumentClient;
  /** A string only this participant's ballot holds, to search other participants' received bytes for. */
  readonly marker: string;
}

let cluster: WorkshopCluster | null = null;
const cleanups: (() => Promise<void> | void)[] = [];
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`Nothing at ${index}.`);
  return item;
}
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await buildHostProcess();
}, 120_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await cluster?.dispose();
  cluster = null;
});

async function startCluster(storeDebounceMs: number) {
  cluster = await startWorkshopCluster(INPUT, { storeDebounceMs });
  return cluster;
}

async function proxyTo(running: WorkshopCluster) {
  const proxy = await startTcpProxy({ port: running.workshopPort });
  cleanups.push(() => proxy.close());
  return proxy;
}

function connect(url: string) {
  const client = liveClient(url);
  cleanups.push(() => client.destroy());
  return client;
}

async function participant(running: WorkshopCluster, name: string, marker: string): Promise<Participant> {
  const { token, participantId } = await running.join(name);
  const proxy = await proxyTo(running);
  const client = connect(proxy.url());
  const { workshopId } = running.session;
  const control = client.open(controlDocumentName(workshopId), token);
  const board = client.open(boardDocumentName(workshopId), token);
  const ballot = client.open(ballotDocumentName(workshopId, participantId), token);
  await Promise.all([control.ready, board.ready, ballot.ready]);
  return { name, participantId, token, proxy, client, control, board, ballot, marker };
}

function applyFault(proxy: TcpProxy, fault: NetworkFault) {
  if (fault.kind === 'cut') return proxy.cut();
  if (fault.kind === 'delay') {
    proxy.delay(fault.ms);
    setTimeout(() => proxy.delay(0), fault.ms * 4);
    return;
  }
  if (fault.kind === 'hold') {
    proxy.hold();
    setTimeout(() => proxy.resume(), fault.ms);
    return;
  }
  proxy.partition();
  setTimeout(() => proxy.heal(), fault.ms);
}

function healAll(people: readonly Participant[]) {
  for (const person of people) {
    person.proxy.heal();
    person.proxy.resume();
    person.proxy.delay(0);
  }
}

/** JSON with sorted keys: replicas that converged can hold map keys in different orders. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  return JSON.stringify(value);
}
const boardJson = (doc: Y.Doc) => canonical({ buckets: doc.getMap('buckets').toJSON(), placements: doc.getMap('placements').toJSON() });
const ballotJson = (doc: Y.Doc) => canonical(readRawBallot(doc));

/** The stored copy of a document, read from the server's SQLite file (the server must not be running). */
function storedDoc(file: string, name: string): Y.Doc {
  const store = openSqliteStore(file);
  try {
    const doc = new Y.Doc();
    const state = store.fetch(name);
    if (state !== null) Y.applyUpdate(doc, state);
    return doc;
  } finally {
    store.close();
  }
}

function loggedUpdates(file: string, name: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM updates WHERE name = ?').get(name)?.count ?? 0;
  } finally {
    db.close();
  }
}

const operation = fc.record({
  actor: fc.integer({ min: 0, max: NAMES.length - 1 }),
  action: fc.oneof(
    fc.record({ kind: fc.constant('move' as const), card: fc.integer({ min: 0, max: INPUT.cards.length - 1 }), bucket: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('bucket' as const) }),
    fc.record({ kind: fc.constant('vote' as const), bucket: fc.integer({ min: 0, max: 5 }), dots: fc.integer({ min: 0, max: 3 }) }),
  ),
  fault: fc.option(networkFault(NAMES.length), { nil: undefined, freq: 2 }),
});

describe('live workshop under faults (server in its own process, a TCP proxy per participant)', () => {
  it.each([11, 29])('seed %i: partitions, holds, cuts and delays during grouping and voting; after healing everything converges and no ballot leaked', { timeout: 90_000 }, async (seed) => {
    const running = await startCluster(300);
    const people = await Promise.all(NAMES.map((name, index) => participant(running, name, `zq${seed}x${index}marker${'ABC'[index]}`)));
    // Every participant writes their marker into their own ballot first: it must never reach another participant.
    for (const person of people) person.ballot.doc.getMap('dots').set(person.marker, 1);
    await running.command({ command: 'phase', phase: 'grouping' });

    const operations = seededValue(fc.array(operation, { minLength: 40, maxLength: 40 }), seed);
    const createdBuckets: { id: string; by: Participant; acknowledged: boolean }[] = [];
    const bucketIds = () => [...INPUT.buckets.map((bucket) => bucket.id), ...createdBuckets.map((bucket) => bucket.id)];
    for (const [index, step] of operations.entries()) {
      if (index === operations.length / 2) await running.command({ command: 'phase', phase: 'dot-voting' });
      if (step.fault) applyFault(at(people, step.fault.client).proxy, step.fault.fault);
      const actor = at(people, step.actor);
      const ids = bucketIds();
      if (step.action.kind === 'move') moveCard(actor.board.doc, `c${step.action.card}`, ids[step.action.bucket % ids.length] ?? null);
      else if (step.action.kind === 'bucket') {
        const created = { id: `room-${seed}-${index}`, by: actor, acknowledged: false };
        createBucket(actor.board.doc, created.id, `Made by ${actor.name}`, index);
        createdBuckets.push(created);
        void actor.board.acknowledged().then(() => {
          created.acknowledged = true;
        });
      } else writeDots(actor.ballot.doc, at(INPUT.buckets, step.action.bucket % INPUT.buckets.length).id, step.action.dots);
      await tick(15);
    }
    // A participant's second device tries to write the read-only control document during the storm.
    const rogue = connect(`http://127.0.0.1:${running.workshopPort}/`).open(controlDocumentName(running.session.workshopId), at(people, 1).token);
    await rogue.ready;
    rogue.doc.getMap('settings').set('areVotesRevealed', true);
    rogue.doc.getMap('results').set('votes', [{ bucketId: 'b0', dots: 99, voters: 1 }]);

    healAll(people);
    await Promise.all(people.flatMap((person) => [person.board.acknowledged(), person.ballot.acknowledged()]));
    expect(createdBuckets.every((bucket) => bucket.acknowledged)).toBe(true);

    // Every board converges, and holds every bucket made in the room.
    await expect.poll(() => new Set(people.map((person) => boardJson(person.board.doc))).size, { timeout: 20_000 }).toBe(1);
    const finalBoard = at(people, 0).board.doc;
    expect(readBuckets(finalBoard).map((bucket) => bucket.id).sort()).toEqual(bucketIds().sort());
    // The server saw every ballot (who voted, never what), and read-only held.
    const voters = people.filter((person) => Object.keys(cleanBallot(readRawBallot(person.ballot.doc), bucketIds(), INPUT.budget).dots).length > 0).map((person) => person.participantId);
    await expect.poll(async () => (await running.state()).roster.filter((entry) => entry.hasVoted).map((entry) => entry.id).sort(), { timeout: 20_000 }).toEqual(voters.sort());
    const stateBefore = await running.state();
    expect(stateBefore.settings.areVotesRevealed).toBe(false);
    expect(stateBefore.results.votes).toBeNull();
    for (const person of people) expect(readSettings(person.control.doc).areVotesRevealed).toBe(false);

    // No participant's socket carried another participant's ballot before the reveal.
    for (const reader of people) for (const owner of people) if (owner !== reader) expect(reader.proxy.clientReceived(owner.marker), `${reader.name} received ${owner.name}'s ballot`).toBe(false);
    // The search would find a ballot on the wire: a second device of Ana's, through its own proxy, receives hers.
    const spare = await proxyTo(running);
    const spareBallot = connect(spare.url()).open(ballotDocumentName(running.session.workshopId, at(people, 0).participantId), at(people, 0).token);
    await spareBallot.ready;
    expect(spare.clientReceived(at(people, 0).marker)).toBe(true);

    // The reveal tallies exactly the ballots the participants hold.
    await running.command({ command: 'reveal-votes' });
    await Promise.all(people.map((person) => until(person.control.doc, () => readResults(person.control.doc).votes !== null)));
    const expected = tallyBallots(readBuckets(finalBoard).map((bucket) => bucket.id), people.map((person) => ({ participantId: person.participantId, ballot: cleanBallot(readRawBallot(person.ballot.doc), readBuckets(finalBoard).map((bucket) => bucket.id), INPUT.budget) })));
    expect(readResults(at(people, 2).control.doc).votes).toEqual(expected.votes);

    // Everyone leaves: the server closes every document.
    const boards = boardJson(finalBoard);
    const ballots = people.map((person) => ballotJson(person.ballot.doc));
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await expect.poll(async () => (await running.health()).openDocuments, { timeout: 20_000 }).toBe(0);

    // The stored copy (after a kill -9) equals what the clients converged on.
    await running.process.kill9();
    expect(boardJson(storedDoc(running.sqliteFile, boardDocumentName(running.session.workshopId)))).toBe(boards);
    people.forEach((person, index) => expect(ballotJson(storedDoc(running.sqliteFile, ballotDocumentName(running.session.workshopId, person.participantId)))).toBe(ballots[index]));
    expect(readSettings(storedDoc(running.sqliteFile, controlDocumentName(running.session.workshopId))).areVotesRevealed).toBe(true);
    expect(readResults(storedDoc(running.sqliteFile, controlDocumentName(running.session.workshopId))).votes).toEqual(expected.votes);
  });

  it('kill -9 inside the store debounce loses no acknowledged move or ballot; writes made while the server was down arrive after the restart', { timeout: 90_000 }, async () => {
    // A long debounce: the kill lands before the server compacted anything into its snapshot.
    const running = await startCluster(10_000);
    const [ana, bo] = await Promise.all([participant(running, 'Ana', 'unused-a'), participant(running, 'Bo', 'unused-b')]);
    const { workshopId } = running.session;
    moveCard(ana.board.doc, 'c1', 'b2');
    createBucket(bo.board.doc, 'before-kill', 'Made before the kill', 1);
    writeDots(ana.ballot.doc, 'b0', 2);
    writeDots(bo.ballot.doc, 'b1', 3);
    await Promise.all([ana.board.acknowledged(), bo.board.acknowledged(), ana.ballot.acknowledged(), bo.ballot.acknowledged()]);
    // Inside the debounce: acknowledged updates sit in the append log, not yet in a snapshot.
    expect(loggedUpdates(running.sqliteFile, boardDocumentName(workshopId))).toBeGreaterThan(0);
    expect(loggedUpdates(running.sqliteFile, ballotDocumentName(workshopId, ana.participantId))).toBeGreaterThan(0);

    await running.crashAndRestart(async () => {
      // While the server is down both keep working offline.
      moveCard(bo.board.doc, 'c2', 'before-kill');
      writeDots(ana.ballot.doc, 'b2', 1);
    });
    await Promise.all([ana.board.acknowledged(), bo.board.acknowledged(), ana.ballot.acknowledged(), bo.ballot.acknowledged()]);
    await until(ana.board.doc, () => ana.board.doc.getMap('placements').get('c2') === 'before-kill');
    await until(bo.board.doc, () => bo.board.doc.getMap('placements').get('c1') === 'b2' && bo.board.doc.getMap('buckets').has('before-kill'));
    expect(boardJson(ana.board.doc)).toBe(boardJson(bo.board.doc));

    await running.command({ command: 'reveal-votes' });
    await until(bo.control.doc, () => readResults(bo.control.doc).votes !== null);
    expect(readResults(bo.control.doc).votes).toEqual(expect.arrayContaining([{ bucketId: 'b0', dots: 2, voters: 1 }, { bucketId: 'b1', dots: 3, voters: 1 }, { bucketId: 'b2', dots: 1, voters: 1 }]));

    await running.process.kill9();
    const stored = storedDoc(running.sqliteFile, boardDocumentName(workshopId));
    expect(boardJson(stored)).toBe(boardJson(ana.board.doc));
    expect(readRawBallot(storedDoc(running.sqliteFile, ballotDocumentName(workshopId, ana.participantId))).dots).toEqual({ b0: 2, b2: 1 });
  });

  it('a participant page closed while offline reopens with its ballot from the browser store and sends it on reconnect', { timeout: 60_000 }, async () => {
    const running = await startCluster(300);
    const { workshopId } = running.session;
    const { token, participantId } = await running.join('Ana');
    const proxy = await proxyTo(running);
    const open = (docs: { board: Y.Doc; ballot: Y.Doc }) => {
      const local = keepLocalCopies(workshopId, participantId, docs);
      const client = liveClient(proxy.url());
      return { local, client, board: client.open(boardDocumentName(workshopId), token, docs.board), ballot: client.open(ballotDocumentName(workshopId, participantId), token, docs.ballot) };
    };
    const first = open({ board: new Y.Doc(), ballot: new Y.Doc() });
    await Promise.all([first.local.whenLoaded, first.board.ready, first.ballot.ready]);

    proxy.partition();
    writeDots(first.ballot.doc, 'b1', 4);
    moveCard(first.board.doc, 'c3', 'b1');
    // The page is closed while offline: what the browser stored is all that is left.
    await expect.poll(async () => {
      const probe = new Y.Doc();
      const copy = keepLocalCopies(workshopId, participantId, { board: new Y.Doc(), ballot: probe });
      await copy.whenLoaded;
      await copy.destroy();
      return readRawBallot(probe).dots.b1;
    }).toBe(4);
    first.client.destroy();
    await first.local.destroy();
    expect((await running.state()).roster.find((entry) => entry.id === participantId)?.hasVoted).toBe(false);

    // Reopened, still offline, the ballot is there; back online it reaches the server.
    const docs = { board: new Y.Doc(), ballot: new Y.Doc() };
    const reopened = open(docs);
    cleanups.push(async () => {
      reopened.client.destroy();
      await reopened.local.destroy();
    });
    await reopened.local.whenLoaded;
    expect(readRawBallot(docs.ballot).dots).toEqual({ b1: 4 });
    proxy.heal();
    await Promise.all([reopened.board.ready, reopened.ballot.ready]);
    await Promise.all([reopened.board.acknowledged(), reopened.ballot.acknowledged()]);
    await expect.poll(async () => (await running.state()).roster.find((entry) => entry.id === participantId)?.hasVoted, { timeout: 20_000 }).toBe(true);
    const watcher = connect(`http://127.0.0.1:${running.workshopPort}/`).open(boardDocumentName(workshopId), token);
    await watcher.ready;
    expect(watcher.doc.getMap('placements').get('c3')).toBe('b1');
    await running.command({ command: 'reveal-votes' });
    await expect.poll(async () => (await running.state()).results.votes?.find((tally) => tally.bucketId === 'b1')?.dots, { timeout: 20_000 }).toBe(4);
  });

  it('a participant whose clock is seven minutes fast sees the time left on the server clock', { timeout: 60_000 }, async () => {
    const running = await startCluster(300);
    const skewed = () => Date.now() + 7 * 60_000;
    const ana = await participant(running, 'Ana', 'unused');
    // A slow link for the clock read too: half the round trip is the most the offset can be off by.
    ana.proxy.delay(40);
    const offset = await measureClockOffset(skewed, `${ana.proxy.url()}api/clock`);
    await running.command({ command: 'timer', timer: { action: 'start', minutes: 5 } });
    await until(ana.control.doc, () => readSettings(ana.control.doc).timerEndsAt !== undefined);
    const timer = { endsAt: readSettings(ana.control.doc).timerEndsAt };
    const seenAt = skewed();
    const left = timeLeft(timer, seenAt, offset) ?? -1;
    const naive = timeLeft(timer, seenAt, 0);
    expect(naive).toBe(0);
    expect(left).toBeLessThanOrEqual(5 * 60_000);
    // Generous for a loaded machine: the skew alone would take 7 minutes off.
    expect(left).toBeGreaterThan(4 * 60_000);
  });
});
