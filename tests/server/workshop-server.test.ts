import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { readResults, readRoster, readSettings } from '../../shared/live-workshop/live-doc-content';
import { ballotDocumentName, boardDocumentName, controlDocumentName } from '../../shared/live-workshop/live-documents';
import type { LiveWorkshopInput } from '../../shared/live-workshop/live-workshop-input';
import type { ServerLog } from '../../server/server-log';
import { openSqliteStore } from '../../server/sqlite-store';
import { createWorkshopServer, type WorkshopServer } from '../../server/workshop-server';
import { liveClient, until, type LiveClient } from './live-clients';

const INPUT: LiveWorkshopInput = {
  title: 'Q3 round',
  budget: 3,
  cards: [
    { id: 'c1', title: 'Deploys are slow', excerpt: 'It takes an hour', channel: 'coffee-chat', occurredAt: 1, people: 'SRE' },
    { id: 'c2', title: 'Alerts are noisy', excerpt: 'Paged at 3am', channel: 'survey', occurredAt: 2, people: 'Platform team' },
  ],
  buckets: [{ id: 'b1', title: 'Speed' }, { id: 'b2', title: 'Noise' }],
  placements: { c1: 'b1' },
  participants: [{ id: 'p-ana', name: 'Ana' }],
};

interface Logged {
  readonly event: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

let dir: string;
let server: WorkshopServer;
let url: string;
let clock: number;
let logged: Logged[];
const clients: LiveClient[] = [];

function startServer(file = joinPath(dir, 'workshop.sqlite')) {
  const log: ServerLog = { info: () => undefined, warn: (event, detail) => logged.push({ event, detail }) };
  server = createWorkshopServer({ store: openSqliteStore(file), participantDir: null, now: () => clock, log, storeDebounceMs: 50 });
  return server.listen('127.0.0.1', 0).then((address) => {
    url = address;
  });
}

function client() {
  const created = liveClient(url);
  clients.push(created);
  return created;
}

async function join(code: string, body: Record<string, string>) {
  const response = await fetch(`${url}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, ...body }) });
  return { status: response.status, body: (await response.json()) as { token?: string; participantId?: string; workshopId?: string; message?: string; participants?: { id: string; name: string }[] } };
}

async function joined(code: string, name: string) {
  const { body } = await join(code, { name });
  if (!body.token || !body.participantId || !body.workshopId) throw new Error(`join failed: ${body.message}`);
  return { token: body.token, participantId: body.participantId, workshopId: body.workshopId };
}

beforeEach(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), 'workshop-server-'));
  clock = 1_000_000;
  logged = [];
  await startServer();
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.destroy();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('workshop server', () => {
  it('lets a participant join with the code, offers the listed names, and rate-limits wrong codes', async () => {
    const { joinCode } = await server.workshops.create(INPUT);
    const check = await join(joinCode.toLowerCase(), {});
    expect(check.body.participants).toEqual([{ id: 'p-ana', name: 'Ana' }]);
    const ana = await join(joinCode, { participantId: 'p-ana' });
    expect(ana.body.participantId).toBe('p-ana');
    expect((await join(joinCode, { participantId: 'p-ana' })).status).toBe(409);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await join('WRONG1', { name: 'Eve' })).status).toBe(404);
    const limited = await join(joinCode, { name: 'Eve' });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/Wait \d+ seconds/);
    clock += 61_000;
    expect((await join(joinCode, { name: 'Eve' })).status).toBe(200);
  });

  it('shares grouping moves, keeps ballots to their owner, and makes the control document read-only', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const bo = await joined(joinCode, 'Bo');
    const anaClient = client();
    const boClient = client();
    const anaBoard = anaClient.open(boardDocumentName(workshopId), ana.token);
    const boBoard = boClient.open(boardDocumentName(workshopId), bo.token);
    await Promise.all([anaBoard.ready, boBoard.ready]);
    anaBoard.doc.getMap('placements').set('c2', 'b2');
    await until(boBoard.doc, () => boBoard.doc.getMap('placements').get('c2') === 'b2');

    const stolen = boClient.open(ballotDocumentName(workshopId, ana.participantId), bo.token);
    await expect(stolen.ready).rejects.toThrow(/refused/);
    expect(logged.some((entry) => entry.event === 'refused-connection' && entry.detail.reason === 'not-your-document')).toBe(true);

    const anaControl = anaClient.open(controlDocumentName(workshopId), ana.token);
    await anaControl.ready;
    expect(readSettings(anaControl.doc).title).toBe('Q3 round');
    anaControl.doc.getMap('settings').set('areVotesRevealed', true);
    await until(anaControl.doc, () => true);
    const fresh = client().open(controlDocumentName(workshopId), bo.token);
    await fresh.ready;
    expect(readSettings(fresh.doc).areVotesRevealed).toBe(false);
    expect(logged.some((entry) => entry.event === 'refused-write' && entry.detail.reason === 'read-only')).toBe(true);
  });

  it('tallies ballots at the reveal, shows who voted but not what, and counts late ballots', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const bo = await joined(joinCode, 'Bo');
    const watcher = client().open(controlDocumentName(workshopId), bo.token);
    await watcher.ready;
    const anaBallot = client().open(ballotDocumentName(workshopId, ana.participantId), ana.token);
    await anaBallot.ready;
    anaBallot.doc.getMap('dots').set('b2', 2);
    anaBallot.doc.getMap('dots').set('b1', 9);
    await anaBallot.acknowledged();
    await until(watcher.doc, () => readRoster(watcher.doc).get(ana.participantId)?.hasVoted === true);
    expect(watcher.doc.getMap('results').size).toBe(0);

    await server.workshops.command(workshopId, { command: 'reveal-votes' });
    await until(watcher.doc, () => readResults(watcher.doc).votes !== null);
    // Bucket order counts first: b1's 9 dots are cut to the budget of 3, leaving none for b2.
    expect(readResults(watcher.doc).votes).toEqual([
      { bucketId: 'b1', dots: 3, voters: 1 },
      { bucketId: 'b2', dots: 0, voters: 0 },
    ]);

    const boBallot = client().open(ballotDocumentName(workshopId, bo.participantId), bo.token);
    await boBallot.ready;
    boBallot.doc.getMap('dots').set('b2', 1);
    await until(watcher.doc, () => readResults(watcher.doc).late.includes(bo.participantId));
    await server.workshops.command(workshopId, { command: 'retally' });
    await until(watcher.doc, () => readResults(watcher.doc).late.length === 0);
    expect(readResults(watcher.doc).votes?.find((tally) => tally.bucketId === 'b2')?.dots).toBe(1);
  });

  it('keeps a vote on a bucket that has not arrived yet pending, and counts it once the bucket arrives', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const bo = await joined(joinCode, 'Bo');
    const watcher = client().open(controlDocumentName(workshopId), bo.token);
    const boBoard = client().open(boardDocumentName(workshopId), bo.token);
    const anaBallot = client().open(ballotDocumentName(workshopId, ana.participantId), ana.token);
    await Promise.all([watcher.ready, boBoard.ready, anaBallot.ready]);
    anaBallot.doc.getMap('dots').set('b1', 1);
    await anaBallot.acknowledged();
    await until(watcher.doc, () => readRoster(watcher.doc).get(ana.participantId)?.hasVoted === true);
    await server.workshops.command(workshopId, { command: 'reveal-votes' });
    await until(watcher.doc, () => readResults(watcher.doc).votes !== null);

    // Ana made bucket b3 on her device and put a dot on it; her ballot reaches the server before the bucket does.
    anaBallot.doc.getMap('dots').set('b3', 2);
    await anaBallot.acknowledged();
    expect(readResults(watcher.doc).late).toEqual([]);
    boBoard.doc.getMap('buckets').set('b3', { title: 'Flaky tests', createdAt: 5 });
    await until(watcher.doc, () => readResults(watcher.doc).late.includes(ana.participantId));
    await server.workshops.command(workshopId, { command: 'retally' });
    await until(watcher.doc, () => readResults(watcher.doc).votes?.some((tally) => tally.bucketId === 'b3') === true);
    expect(readResults(watcher.doc).votes?.find((tally) => tally.bucketId === 'b3')).toEqual({ bucketId: 'b3', dots: 2, voters: 1 });
  });

  it('remembers which ballots were tallied across a server crash and restart: an unchanged ballot is not reported late', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const bo = await joined(joinCode, 'Bo');
    const anaClient = client();
    const anaBallot = anaClient.open(ballotDocumentName(workshopId, ana.participantId), ana.token);
    await anaBallot.ready;
    anaBallot.doc.getMap('dots').set('b1', 2);
    await anaBallot.acknowledged();
    await server.workshops.command(workshopId, { command: 'reveal-votes' });
    anaClient.destroy();
    await expect.poll(() => server.hocuspocus.getDocumentsCount()).toBe(0);

    await server.close();
    await startServer();
    const watcher = client().open(controlDocumentName(workshopId), bo.token);
    const boBoard = client().open(boardDocumentName(workshopId), bo.token);
    await Promise.all([watcher.ready, boBoard.ready]);
    expect(readResults(watcher.doc).votes?.find((tally) => tally.bucketId === 'b1')?.dots).toBe(2);
    // The room goes back to grouping and adds a bucket: every ballot is read again. Ana's, counted
    // before the crash and unchanged, must not come back as late; Bo's vote after the reveal is.
    boBoard.doc.getMap('buckets').set('b4', { title: 'Onboarding', createdAt: 6 });
    const boBallot = client().open(ballotDocumentName(workshopId, bo.participantId), bo.token);
    await boBallot.ready;
    boBallot.doc.getMap('dots').set('b4', 1);
    await until(watcher.doc, () => readResults(watcher.doc).late.includes(bo.participantId));
    expect(readResults(watcher.doc).late).toEqual([bo.participantId]);
  });

  it('releases a taken seat: the old device loses it, the person rejoins under the name and gets their ballot back', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const watcher = client().open(controlDocumentName(workshopId), (await joined(joinCode, 'Bo')).token);
    const oldDevice = client();
    const oldBallot = oldDevice.open(ballotDocumentName(workshopId, ana.participantId), ana.token);
    await Promise.all([watcher.ready, oldBallot.ready]);
    oldBallot.doc.getMap('dots').set('b1', 2);
    await oldBallot.acknowledged();
    expect(readRoster(watcher.doc).get(ana.participantId)?.hasJoined).toBe(true);
    expect((await join(joinCode, { name: 'Ana' })).status).toBe(409);

    const closed = new Promise<string>((resolve) => oldBallot.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    await server.workshops.command(workshopId, { command: 'release-seat', participantId: ana.participantId });
    // The old device is told why it lost the seat, and its token no longer opens anything.
    expect(await closed).toBe('seat-released');
    await until(watcher.doc, () => readRoster(watcher.doc).get(ana.participantId)?.hasJoined === false);

    const again = await joined(joinCode, 'ana');
    expect(again.participantId).toBe(ana.participantId);
    const newBallot = client().open(ballotDocumentName(workshopId, again.participantId), again.token);
    await newBallot.ready;
    expect(newBallot.doc.getMap('dots').get('b1')).toBe(2);
    await expect(client().open(boardDocumentName(workshopId), ana.token).ready).rejects.toThrow(/invalid-token/);
    expect(logged.some((entry) => entry.event === 'refused-connection' && entry.detail.reason === 'invalid-token')).toBe(true);
    await expect(server.workshops.command(workshopId, { command: 'release-seat', participantId: 'nobody' })).rejects.toThrow(/not in this workshop/);
  });

  it('stamps the timer with the server clock', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const watcher = client().open(controlDocumentName(workshopId), ana.token);
    await watcher.ready;
    await server.workshops.command(workshopId, { command: 'timer', timer: { action: 'start', minutes: 5 } });
    await until(watcher.doc, () => readSettings(watcher.doc).timerEndsAt !== undefined);
    expect(readSettings(watcher.doc).timerEndsAt).toBe(clock + 300_000);
    clock += 60_000;
    await server.workshops.command(workshopId, { command: 'timer', timer: { action: 'pause' } });
    await until(watcher.doc, () => readSettings(watcher.doc).timerPausedMs !== undefined);
    expect(readSettings(watcher.doc)).toMatchObject({ timerEndsAt: undefined, timerPausedMs: 240_000 });
    expect(await (await fetch(`${url}api/clock`)).json()).toEqual({ now: clock });
  });

  it('refuses garbage and oversized writes, logs them, and the workshop goes on', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const bo = await joined(joinCode, 'Bo');
    const boBoard = client().open(boardDocumentName(workshopId), bo.token);
    await boBoard.ready;

    const sendRaw = async (update: Uint8Array) => {
      const raw = new WebSocket(url.replace(/^http/, 'ws'));
      await new Promise((resolve) => raw.once('open', resolve));
      const message = (type: number, body: (encoder: encoding.Encoder) => void) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarString(encoder, boardDocumentName(workshopId));
        encoding.writeVarUint(encoder, type);
        body(encoder);
        return encoding.toUint8Array(encoder);
      };
      raw.send(message(2, (encoder) => { encoding.writeVarUint(encoder, 0); encoding.writeVarString(encoder, ana.token); }));
      await new Promise((resolve) => raw.once('message', resolve));
      raw.send(message(0, (encoder) => { encoding.writeVarUint(encoder, 2); encoding.writeVarUint8Array(encoder, update); }));
      return raw;
    };
    const otherRoot = new Y.Doc();
    otherRoot.getMap('everything').set('x', 'y'.repeat(10));
    const sockets = [await sendRaw(new Uint8Array([1, 255, 255, 255, 9, 9])), await sendRaw(Y.encodeStateAsUpdate(otherRoot)), await sendRaw(new Uint8Array(2_100_000))];
    const reasons = () => logged.filter((entry) => entry.event === 'refused-write').map((entry) => entry.detail.reason);
    await expect.poll(reasons).toEqual(expect.arrayContaining(['undecodable', 'unknown-root', 'oversized']));
    for (const socket of sockets) socket.close();

    const anaBoard = client().open(boardDocumentName(workshopId), ana.token);
    await anaBoard.ready;
    anaBoard.doc.getMap('placements').set('c1', 'b2');
    await until(boBoard.doc, () => boBoard.doc.getMap('placements').get('c1') === 'b2');
    expect(boBoard.doc.share.has('everything')).toBe(false);
  });

  it('keeps every acknowledged write across a restart, and ending the workshop kills the code and returns the outcome', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const anaClient = client();
    const board = anaClient.open(boardDocumentName(workshopId), ana.token);
    const ballot = anaClient.open(ballotDocumentName(workshopId, ana.participantId), ana.token);
    await Promise.all([board.ready, ballot.ready]);
    board.doc.getMap('placements').set('c2', 'b1');
    ballot.doc.getMap('dots').set('b1', 2);
    ballot.doc.getMap('scores').set('b1', { reach: 4, severity: 5, frequency: 2 });
    await Promise.all([board.acknowledged(), ballot.acknowledged()]);
    anaClient.destroy();
    await expect.poll(() => server.hocuspocus.getDocumentsCount()).toBe(0);

    await server.close();
    await startServer();
    await server.workshops.command(workshopId, { command: 'rank', order: ['b1', 'b2', 'nope'] });
    const outcome = await server.workshops.end(workshopId);
    expect(outcome.placements).toEqual({ c1: 'b1', c2: 'b1' });
    expect(outcome.votes).toEqual([{ participantId: ana.participantId, bucketId: 'b1', dots: 2 }]);
    expect(outcome.scores).toEqual([{ participantId: ana.participantId, bucketId: 'b1', values: { reach: 4, severity: 5, frequency: 2 } }]);
    expect(outcome.ranking).toEqual(['b1', 'b2']);
    expect(outcome.participants.map((participant) => participant.name)).toEqual(['Ana']);
    expect((await join(joinCode, { name: 'Late' })).status).toBe(404);
    await expect(client().open(boardDocumentName(workshopId), ana.token).ready).rejects.toThrow(/workshop-ended/);
  });

  it('fails the connection when stored state cannot be read, and never stores an empty document over it', async () => {
    const { joinCode, workshopId } = await server.workshops.create(INPUT);
    const ana = await joined(joinCode, 'Ana');
    const store = openSqliteStore(joinPath(dir, 'workshop.sqlite'));
    const before = store.fetch(boardDocumentName(workshopId));
    store.close();
    const original = server.hocuspocus.configuration.extensions;
    const failing = { priority: 1000, onLoadDocument: () => Promise.reject(new Error('disk read failed')) };
    server.hocuspocus.configuration.extensions = [failing, ...original];
    await expect(client().open(boardDocumentName(workshopId), ana.token).ready).rejects.toThrow(/refused/);
    server.hocuspocus.configuration.extensions = original;
    await expect.poll(() => server.hocuspocus.getDocumentsCount()).toBe(0);
    const check = openSqliteStore(joinPath(dir, 'workshop.sqlite'));
    expect(Y.encodeStateVectorFromUpdate(check.fetch(boardDocumentName(workshopId)) ?? new Uint8Array())).toEqual(Y.encodeStateVectorFromUpdate(before ?? new Uint8Array()));
    check.close();
  });
});
