import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../../scripts/build-server.mjs';
import { startServerProcess, type ServerProcess } from '../../harness/server-process';
import { launchWorkspaceBrowser, loadSeedBundle, openBlankDocument, type BenchBrowserOptions, type WorkspaceBrowser } from '../bench-browser';
import type { FirstSyncReport } from '../bench-page-api';
import type { BenchProfile, WorkspaceSize } from '../bench-profile';
import { generateWorkspace } from '../generate-workspace';
import { syncEditMetrics, syncMetrics } from '../metric-names';
import { percentile } from '../percentile';
import { runScenario, type ScenarioOutcome } from '../scenario-outcome';
import { nodeTeammate, type NodeTeammate, type TeamMember } from '../sync-node-client';

export interface SyncScenarioOptions {
  readonly root: string;
  readonly appUrl: string;
  readonly bundleSource: string;
  readonly browserOptions: BenchBrowserOptions;
  readonly profile: BenchProfile;
}

const ARRIVAL_TIMEOUT_MS = 30_000;
const wallClock = () => performance.timeOrigin + performance.now();
const round = (value: number) => Math.round(value * 10) / 10;
const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** The resident memory of a process in MB (ps, on Linux and macOS). */
function residentMb(pid: number): number {
  const kilobytes = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  if (!Number.isFinite(kilobytes)) throw new Error(`ps gave no resident size for process ${pid}.`);
  return kilobytes / 1024;
}

interface TeamServerRun {
  readonly server: ServerProcess<string>;
  readonly url: string;
  members(count: number): Promise<TeamMember[]>;
  stop(): Promise<void>;
}

async function startTeamServer(entry: string): Promise<TeamServerRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'discovery-bench-team-'));
  const server = await startServerProcess<string>({
    entry,
    dataDir,
    args: ({ port, dataDir: data }) => ['--host', '127.0.0.1', '--port', String(port), '--data', data],
    // The admin invite is the last line printed at start.
    ready: (line) => (/^ {2}[A-Za-z0-9_-]{43}$/.test(line) ? line.trim() : null),
    startTimeoutMs: 60_000,
  });
  const url = `http://127.0.0.1:${server.port}/`;
  async function post(path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
    const response = await fetch(new URL(path, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${String(answer.message)}`);
    return answer;
  }
  const admin = await post('team/join', { inviteToken: server.info, displayName: 'Bench admin' });
  const asMember = (answer: Record<string, unknown>): TeamMember => ({ memberToken: String(answer.memberToken), memberId: String(answer.memberId), workspaceId: String(answer.workspaceId) });
  return {
    server,
    url,
    async members(count) {
      const { inviteToken } = await post('team/invites', { uses: count }, String(admin.memberToken));
      return [asMember(admin), ...(await Promise.all(Array.from({ length: count - 1 }, (_, index) => post('team/join', { inviteToken, displayName: `Teammate ${index + 2}` }).then(asMember))))];
    },
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first teammate puts the whole generated workspace in the team (through the engine, as their app would). */
async function seedTeam(teammate: NodeTeammate, size: WorkspaceSize, seed: number, batchSize: number): Promise<void> {
  const workspace = generateWorkspace({ seed, noteCount: size.noteCount });
  const asChanges = (rows: readonly { readonly id: string }[]) => rows.map((row) => ({ key: row.id, before: undefined, after: row }));
  await teammate.write('contacts', asChanges(workspace.contacts));
  for (const batch of workspace.batches(batchSize)) {
    await teammate.write('notes', asChanges(batch.notes));
    await teammate.write('highlights', asChanges(batch.highlights));
  }
  await teammate.synced();
}

async function chromiumTeammate(options: SyncScenarioOptions, serverUrl: string, member: TeamMember, expectedNotes: number): Promise<{ browser: WorkspaceBrowser; report: FirstSyncReport }> {
  // The benchmark's blank page is answered by Playwright, not by a server on 127.0.0.1, so
  // Chromium's Local Network Access checks count it as public and block its socket to the team
  // server on loopback; the app itself, served from 127.0.0.1, is not blocked.
  const { chromiumPath, chromiumArgs } = options.browserOptions;
  const browser = await launchWorkspaceBrowser({ chromiumPath, chromiumArgs: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks'] });
  try {
    browser.page.on('console', (message) => {
      if (message.type() === 'error') console.log(`    [page] ${message.text()}`);
    });
    await openBlankDocument(browser.page, options.appUrl);
    await loadSeedBundle(browser.page, options.bundleSource);
    const report = await browser.page.evaluate((sync) => {
      if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
      return window.discoveryBench.syncFirst(sync);
    }, { serverUrl, ...member, expectedNotes });
    return { browser, report };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

type Sender = { readonly kind: 'page'; readonly browser: WorkspaceBrowser } | { readonly kind: 'node'; readonly teammate: NodeTeammate };

/**
 * Edits seen across clients: senders take turns (every client, the Node ones included) renaming a
 * note; each real app (Chromium, engine on IndexedDB) that did not send it times it from the
 * sender's write to the renamed row committed in its own table.
 */
async function measureEdits(pages: readonly WorkspaceBrowser[], nodes: readonly NodeTeammate[], noteIds: readonly string[], edits: number): Promise<number[]> {
  const senders: Sender[] = [...pages.map((browser) => ({ kind: 'page' as const, browser })), ...nodes.map((teammate) => ({ kind: 'node' as const, teammate }))];
  const titles = new Map<string, string>();
  const latencies: number[] = [];
  for (let edit = 0; edit < edits; edit += 1) {
    const sender = senders[edit % senders.length];
    const id = noteIds[edit % noteIds.length];
    if (sender === undefined || id === undefined) throw new Error('No sender or note to edit.');
    const title = `Edit ${edit} of the bench`;
    const receivers = pages.filter((page) => sender.kind !== 'page' || sender.browser !== page);
    const watches = await Promise.all(
      receivers.map((receiver) =>
        receiver.page.evaluate((watch) => {
          if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
          return window.discoveryBench.syncWatchNoteTitle(watch);
        }, { id, title, timeoutMs: ARRIVAL_TIMEOUT_MS }),
      ),
    );
    let sentAt: number;
    if (sender.kind === 'page') {
      sentAt = await sender.browser.page.evaluate((change) => {
        if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
        return window.discoveryBench.syncEditNote(change);
      }, { id, title });
    } else {
      sentAt = wallClock();
      await sender.teammate.write('notes', [{ key: id, before: { id, title: titles.get(id) }, after: { id, title } }]);
    }
    titles.set(id, title);
    const arrivals = await Promise.all(
      receivers.map((receiver, index) =>
        receiver.page.evaluate((watch) => {
          if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
          return window.discoveryBench.syncArrival(watch);
        }, watches[index] ?? -1),
      ),
    );
    for (const arrivedAt of arrivals) latencies.push(arrivedAt - sentAt);
  }
  return latencies;
}

/**
 * A team on the real team server (its own Node process, SQLite): one teammate (the app's engine in
 * Node) puts a generated workspace in; a new teammate in Chromium (the app's engine, y-dexie in
 * IndexedDB, rows through the one write path) does a first full sync, timed against restoring the
 * same workspace from a backup file in that page. On the first size, a second Chromium teammate
 * and Node teammates bring the team to N clients and edits are timed between them. The server's
 * memory is read with every client connected.
 */
export async function syncScenario(options: SyncScenarioOptions): Promise<ScenarioOutcome[]> {
  const { profile, root } = options;
  const entryDir = join(root, 'bench', '.cache', 'team-server');
  await mkdir(entryDir, { recursive: true });
  await buildServer(entryDir);
  const entry = join(entryDir, 'team-server.mjs');
  const outcomes: ScenarioOutcome[] = [];
  for (const [position, size] of profile.sync.workspaces.entries()) {
    const names = syncMetrics(size.label);
    const withEdits = position === 0;
    const editNames = syncEditMetrics(profile.sync.clients);
    outcomes.push(
      await runScenario(`team sync ${size.label}`, [...Object.values(names), ...(withEdits ? Object.values(editNames) : [])], async () => {
        const team = await startTeamServer(entry);
        const browsers: WorkspaceBrowser[] = [];
        const nodes: NodeTeammate[] = [];
        try {
          const pageCount = withEdits ? 2 : 1;
          const members = await team.members(profile.sync.clients);
          const seeder = await nodeTeammate(team.url, members[0] ?? fail('no member'), 'Seeder');
          nodes.push(seeder);
          const seedStartedAt = performance.now();
          await seedTeam(seeder, size, profile.seed, profile.seedBatchSize);
          const sizes = [...(await seeder.docSizes()).values()];
          console.log(`    team seeded with ${size.noteCount.toLocaleString('en')} notes in ${((performance.now() - seedStartedAt) / 1000).toFixed(1)} s: ${sizes.length} documents, ${megabytes(sizes.reduce((sum, bytes) => sum + bytes, 0)).toFixed(1)} MB, the largest ${megabytes(Math.max(...sizes)).toFixed(2)} MB`);

          const first = await chromiumTeammate(options, team.url, members[1] ?? fail('no member'), size.noteCount);
          browsers.push(first.browser);
          const { report } = first;
          console.log(`    first sync ${(report.ms / 1000).toFixed(1)} s (open ${(report.openMs / 1000).toFixed(1)} s, receive ${(report.receiveMs / 1000).toFixed(1)} s, write rows ${(report.applyMs / 1000).toFixed(1)} s): ${report.notes} notes, ${report.highlights} highlights, ${report.contacts} people`);
          for (let index = 1; index < pageCount; index += 1) browsers.push((await chromiumTeammate(options, team.url, members[1 + index] ?? fail('no member'), size.noteCount)).browser);
          for (const member of members.slice(1 + pageCount)) nodes.push(await nodeTeammate(team.url, member, 'Node teammate'));
          await Promise.all(nodes.map((node) => node.synced()));
          const serverMb = residentMb(team.server.pid ?? fail('the team server has no process id'));
          console.log(`    team server: ${serverMb.toFixed(1)} MB resident with ${browsers.length + nodes.length} clients`);

          const editFigures: Record<string, number> = {};
          if (withEdits) {
            const workspace = generateWorkspace({ seed: profile.seed, noteCount: size.noteCount });
            const noteIds = Array.from({ length: Math.min(size.noteCount, 50) }, (_, index) => workspace.noteAt(Math.floor((index * size.noteCount) / 50)).note.id);
            const latencies = await measureEdits(browsers, nodes, noteIds, profile.sync.edits);
            console.log(`    edits: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms over ${latencies.length} deliveries`);
            Object.assign(editFigures, {
              [editNames.p95]: round(percentile(latencies, 95)),
              [editNames.p50]: round(percentile(latencies, 50)),
              [editNames.max]: round(Math.max(...latencies)),
              [editNames.deliveries]: latencies.length,
            });
          }

          const baseline = await first.browser.page.evaluate(() => {
            if (window.discoveryBench === undefined) throw new Error('The seeding bundle is not loaded.');
            return window.discoveryBench.syncRestoreBaseline();
          });
          console.log(`    restore of the same workspace from a ${baseline.fileMb.toFixed(1)} MB backup: ${(baseline.restoreMs / 1000).toFixed(1)} s`);
          return {
            [names.firstSync]: Math.round(report.ms),
            [names.restore]: Math.round(baseline.restoreMs),
            [names.ratio]: Math.round((report.ms / baseline.restoreMs) * 100) / 100,
            [names.serverMb]: round(serverMb),
            [names.docsMb]: round(megabytes(sizes.reduce((sum, bytes) => sum + bytes, 0))),
            [names.largestDocMb]: Math.round(megabytes(Math.max(...sizes)) * 100) / 100,
            ...editFigures,
          };
        } finally {
          for (const node of nodes) node.destroy();
          for (const browser of browsers) await browser.close();
          await team.stop();
        }
      }),
    );
  }
  return outcomes;
}

function fail(message: string): never {
  throw new Error(message);
}
