import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { openSqliteTeamStore } from '../../../server/team/sqlite-team-store';
import type { TeamStore } from '../../../server/team/team-store';
import { teamDocumentName } from '../../../shared/team/team-document-name';
import { until } from '../live-clients';
import { startTeam, type RunningTeam } from './team-fixtures';

let dir: string;
let team: RunningTeam;
let store: TeamStore;

const file = () => joinPath(dir, 'team.sqlite');

async function start(wrap: (store: TeamStore) => TeamStore = (plain) => plain, extra: { maxMessageBytes?: number; maxDocumentBytes?: number; storeDebounceMs?: number } = {}) {
  store = openSqliteTeamStore(file());
  team = await startTeam({ store: wrap(store), ...extra });
}

/** Opens a raw WebSocket on /sync, authenticates `name` with `token` and returns it with every byte it received. */
async function rawSocket(name: string, token: string) {
  const raw = new WebSocket(`${team.url.replace(/^http/, 'ws')}sync`);
  const received: Buffer[] = [];
  raw.on('message', (data: Buffer) => received.push(data));
  await new Promise((resolve) => raw.once('open', resolve));
  const message = (type: number, body: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, name);
    encoding.writeVarUint(encoder, type);
    body(encoder);
    return encoding.toUint8Array(encoder);
  };
  raw.send(message(2, (encoder) => { encoding.writeVarUint(encoder, 0); encoding.writeVarString(encoder, token); }));
  await new Promise((resolve) => raw.once('message', resolve));
  const sendUpdate = (update: Uint8Array) => raw.send(message(0, (encoder) => { encoding.writeVarUint(encoder, 2); encoding.writeVarUint8Array(encoder, update); }));
  return { raw, received, sendUpdate };
}

beforeEach(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), 'team-server-'));
  await start();
});

afterEach(async () => {
  await team.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('team server API', () => {
  it('joins with the admin invite once, tells members who they are, and lets only admins invite', async () => {
    const invite = await team.server.createInvite('admin');
    const admin = await team.join(invite.inviteToken, 'Ana');
    expect(admin).toMatchObject({ workspaceId: team.server.workspaceId, role: 'admin', displayName: 'Ana' });
    expect(admin.memberToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await team.api('/team/join', { body: { inviteToken: invite.inviteToken, displayName: 'Bo' } })).status).toBe(403);

    expect(await team.api('/team/health')).toEqual({ status: 200, body: { ok: true, version: '9.9.9-test', workspaceId: team.server.workspaceId, openDocuments: 0 } });
    expect((await team.api('/team/me', { token: admin.memberToken })).body).toEqual({ memberId: admin.memberId, displayName: 'Ana', role: 'admin', workspaceId: team.server.workspaceId });

    const created = await team.api('/team/invites', { token: admin.memberToken, body: { uses: 2, expiresInHours: 1 } });
    expect(created.status).toBe(200);
    const { inviteToken } = created.body as { inviteToken: string };
    const bo = await team.join(inviteToken, 'Bo');
    await team.join(inviteToken, 'Cy');
    expect((await team.api('/team/join', { body: { inviteToken, displayName: 'Di' } })).status).toBe(403);
    expect(bo.role).toBe('member');
    expect((await team.api('/team/invites', { token: bo.memberToken, body: {} })).status).toBe(403);
    expect((await team.api('/team/members/' + admin.memberId + '/revoke', { token: bo.memberToken, body: {} })).status).toBe(403);

    const members = (await team.api('/team/members', { token: bo.memberToken })).body as { displayName: string; role: string; revoked: boolean }[];
    expect(members.map(({ displayName, role, revoked }) => ({ displayName, role, revoked }))).toEqual([
      { displayName: 'Ana', role: 'admin', revoked: false },
      { displayName: 'Bo', role: 'member', revoked: false },
      { displayName: 'Cy', role: 'member', revoked: false },
    ]);
    const invites = (await team.api('/team/invites', { token: admin.memberToken })).body as { id: string; usesLeft: number }[];
    expect(invites).toHaveLength(2);
    expect(JSON.stringify(invites)).not.toContain(inviteToken);
    expect(JSON.stringify(invites)).not.toContain('tokenHash');
  });

  it('revokes invites, refuses bad bodies, unknown tokens and huge requests with plain messages, and rate-limits wrong invites', async () => {
    const admin = await team.member('Ana', 'admin');
    const created = (await team.api('/team/invites', { token: admin.memberToken, body: {} })).body as { inviteToken: string; inviteId: string };
    expect((await team.api(`/team/invites/${created.inviteId}/revoke`, { token: admin.memberToken, body: {} })).status).toBe(200);
    expect((await team.api('/team/join', { body: { inviteToken: created.inviteToken, displayName: 'Bo' } })).status).toBe(403);
    expect((await team.api('/team/invites/nope/revoke', { token: admin.memberToken, body: {} })).status).toBe(404);

    const noName = await team.api('/team/join', { body: { inviteToken: 'x' } });
    expect(noName).toEqual({ status: 400, body: { message: 'Give the invite token and your name.' } });
    expect((await team.api('/team/join', { body: 'not json' })).status).toBe(400);
    expect((await team.api('/team/invites', { token: admin.memberToken, body: { uses: -1 } })).status).toBe(400);
    expect((await team.api('/team/join', { body: { inviteToken: 'x'.repeat(20_000), displayName: 'Bo' } })).status).toBe(413);
    const unknown = await team.api('/team/me', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect((unknown.body as { message: string }).message).toMatch(/no longer\) a member/);
    expect((await team.api('/team/me')).status).toBe(401);
    expect((await team.api('/team/nothing')).status).toBe(404);

    for (let attempt = 0; attempt < 4; attempt++) expect((await team.api('/team/join', { body: { inviteToken: `wrong-${attempt}`, displayName: 'Eve' } })).status).toBe(403);
    const limited = await team.api('/team/join', { body: { inviteToken: 'wrong-5', displayName: 'Eve' } });
    expect(limited.status).toBe(429);
    expect((limited.body as { message: string }).message).toMatch(/Wait \d+ seconds/);
    expect(team.logged.filter((entry) => entry.event === 'wrong-invite')).toHaveLength(5);
  });
});

describe('team server sync', () => {
  it('syncs documents of the workspace between members, and keeps every acknowledged edit across a restart', async () => {
    // A debounce longer than the test: only the append before the acknowledgement can have stored the edits.
    await team.stop();
    await start(undefined, { storeDebounceMs: 600_000 });
    const ana = await team.member('Ana', 'admin');
    const bo = await team.member('Bo');
    const name = teamDocumentName(team.server.workspaceId, 'table/notes/0');
    const anaDoc = team.client().open(name, ana.memberToken);
    const boDoc = team.client().open(name, bo.memberToken);
    await Promise.all([anaDoc.ready, boDoc.ready]);
    anaDoc.doc.getMap('n1').set('title', 'Deploys are slow');
    boDoc.doc.getText('body').insert(0, 'Bo was here');
    await until(boDoc.doc, () => boDoc.doc.getMap('n1').get('title') === 'Deploys are slow');
    await until(anaDoc.doc, () => anaDoc.doc.getText('body').toString() === 'Bo was here');
    anaDoc.doc.getMap('n1').delete('title');
    anaDoc.doc.getMap('n1').set('owner', 'Ana');
    await anaDoc.acknowledged();

    // Acknowledged means stored: read the file while the server still runs, before any debounce ran.
    const reader = openSqliteTeamStore(file());
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await reader.fetch(name)) ?? new Uint8Array());
    await reader.close();
    expect(stored.getMap('n1').toJSON()).toEqual({ owner: 'Ana' });
    expect(stored.getText('body').toString()).toBe('Bo was here');

    team.disconnectClients();
    await expect.poll(() => team.server.hocuspocus.getDocumentsCount()).toBe(0);
    await team.stop();
    await start();
    const again = team.client().open(name, bo.memberToken);
    await again.ready;
    expect(again.doc.getMap('n1').toJSON()).toEqual({ owner: 'Ana' });
    expect(again.doc.getText('body').toString()).toBe('Bo was here');
  });

  it('refuses documents of other workspaces, wrong tokens, garbage and oversized messages, logs them, and goes on', async () => {
    await team.stop();
    await start(undefined, { maxMessageBytes: 64 * 1024, maxDocumentBytes: 200 * 1024 });
    const ana = await team.member('Ana', 'admin');
    const mine = teamDocumentName(team.server.workspaceId, 'note/n1');
    await expect(team.client().open(teamDocumentName('wOTHER', 'note/n1'), ana.memberToken).ready).rejects.toThrow(/not-this-workspace/);
    await expect(team.client().open('note/n1', ana.memberToken).ready).rejects.toThrow(/not-this-workspace/);
    await expect(team.client().open(teamDocumentName(team.server.workspaceId, 'Bad Key'), ana.memberToken).ready).rejects.toThrow(/not-this-workspace/);
    await expect(team.client().open(mine, 'B'.repeat(43)).ready).rejects.toThrow(/unknown-or-revoked-token/);

    const big = new Y.Doc();
    big.getText('t').insert(0, 'x'.repeat(100 * 1024));
    const garbage = await rawSocket(mine, ana.memberToken);
    garbage.sendUpdate(new Uint8Array([1, 255, 255, 255, 9, 9]));
    const oversized = await rawSocket(mine, ana.memberToken);
    oversized.sendUpdate(Y.encodeStateAsUpdate(big));
    await expect.poll(() => team.refusals()).toEqual(expect.arrayContaining(['not-this-workspace', 'unknown-or-revoked-token', 'undecodable', 'oversized']));

    // Three 50 KB edits fit the message limit, but the third takes the document over 200 KB.
    const writer = team.client().open(mine, ana.memberToken);
    await writer.ready;
    writer.doc.getText('t').insert(0, 'a'.repeat(50 * 1024));
    await writer.acknowledged();
    writer.doc.getText('t').insert(0, 'b'.repeat(50 * 1024));
    await writer.acknowledged();
    const growing = await rawSocket(mine, ana.memberToken);
    const extra = new Y.Doc();
    extra.getText('other').insert(0, 'c'.repeat(60 * 1024));
    growing.sendUpdate(Y.encodeStateAsUpdate(extra));
    const extra2 = new Y.Doc();
    extra2.getText('other2').insert(0, 'd'.repeat(60 * 1024));
    growing.sendUpdate(Y.encodeStateAsUpdate(extra2));
    await expect.poll(() => team.refusals()).toContain('document-too-large');
    for (const socket of [garbage, oversized, growing]) socket.raw.close();

    const reader = team.client().open(mine, ana.memberToken);
    await reader.ready;
    expect(reader.doc.getText('t').length).toBe(100 * 1024);
    expect(reader.doc.getText('other2').length).toBe(0);
    expect(reader.doc.getText('t').toString().includes('x')).toBe(false);
  });

  it('closes a revoked member’s connections at once; afterwards its token reads and writes nothing', async () => {
    const ana = await team.member('Ana', 'admin');
    const bo = await team.member('Bo');
    const name = teamDocumentName(team.server.workspaceId, 'table/notes/1');
    const anaDoc = team.client().open(name, ana.memberToken);
    const boClient = team.client();
    const boDoc = boClient.open(name, bo.memberToken);
    await Promise.all([anaDoc.ready, boDoc.ready]);
    const closed = new Promise<void>((resolve) => boClient.socket.on('disconnect', () => resolve()));
    expect((await team.api(`/team/members/${bo.memberId}/revoke`, { token: ana.memberToken, body: {} })).status).toBe(200);
    await closed;
    expect((await team.api(`/team/members/${ana.memberId}/revoke`, { token: ana.memberToken, body: {} })).status).toBe(400);

    boDoc.doc.getMap('n1').set('title', 'written after revocation');
    anaDoc.doc.getMap('n1').set('secret', 'written by Ana after revocation');
    await anaDoc.acknowledged();
    const raw = await rawSocket(name, bo.memberToken);
    raw.sendUpdate(Y.encodeStateAsUpdate(boDoc.doc));
    // A fresh reader sees Ana's write: the server has everything it will ever send.
    const reader = team.client().open(name, ana.memberToken);
    await reader.ready;
    await until(reader.doc, () => reader.doc.getMap('n1').get('secret') !== undefined);
    expect(reader.doc.getMap('n1').get('title')).toBeUndefined();
    expect(boDoc.doc.getMap('n1').get('secret')).toBeUndefined();
    // The raw socket received only the refusal: no sync step, no update, no awareness.
    const text = Buffer.concat(raw.received).toString('latin1');
    expect(text).toContain('unknown-or-revoked-token');
    expect(text).not.toContain('written by Ana');
    raw.raw.close();
    expect((await team.api('/team/me', { token: bo.memberToken })).status).toBe(401);
    const members = (await team.api('/team/members', { token: ana.memberToken })).body as { memberId: string; revoked: boolean }[];
    expect(members.find((member) => member.memberId === bo.memberId)?.revoked).toBe(true);
  });

  it('fails the connection when the stored state cannot be read, never stores an empty document over it, unloads it, and the client gets it once the store answers', async () => {
    const ana = await team.member('Ana', 'admin');
    const name = teamDocumentName(team.server.workspaceId, 'note/n2');
    const writer = team.client().open(name, ana.memberToken);
    await writer.ready;
    writer.doc.getText('body').insert(0, 'kept');
    await writer.acknowledged();
    await team.stop();

    let failing = true;
    await start((plain) => ({ ...plain, fetch: (documentName) => (failing ? Promise.reject(new Error('disk read failed')) : plain.fetch(documentName)) }));
    // The store failing is not a refusal: the client's socket is dropped and it keeps trying.
    const reader = team.client().open(name, ana.memberToken);
    await expect.poll(() => team.logged.some((entry) => entry.event === 'store-unavailable' && entry.detail.during === 'fetch')).toBe(true);
    expect(team.logged.some((entry) => entry.event === 'fetch-failed')).toBe(true);
    await expect.poll(() => team.server.hocuspocus.getDocumentsCount()).toBe(0);
    expect(reader.doc.getText('body').toString()).toBe('');
    failing = false;
    await reader.ready;
    expect(reader.doc.getText('body').toString()).toBe('kept');
  });
});
