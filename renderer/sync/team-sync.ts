import { liveQuery, type Subscription } from 'dexie';
import { UserError } from '../../shared/errors/user-error';
import { groupJournalByTable } from '../../shared/sync/sync-journal';
import { isSyncedTable } from '../../shared/sync/synced-tables';
import type { DiscoveryDb } from '../db/discovery-db';
import { listenToCommittedWrites } from '../db/side-effects/committed-writes-channel';
import { createSyncDocsRepository } from '../db/repositories/sync-docs-repository';
import { createSyncJournalRepository, journalSharedTableWrites } from '../db/repositories/sync-journal-repository';
import { createSyncRowsRepository } from '../db/repositories/sync-rows-repository';
import { createTeamMembershipRepository, type TeamMembership } from '../db/repositories/team-membership-repository';
import { SyncEngine } from './sync-engine';
import type { JoinedTeam } from './team-api-client';
import { TeamTransport, type TeamTransportStatus } from './team-transport';

/** Where this device's team sync stands, as the status indicator and Settings show it. */
export type TeamSyncPhase = 'not-joined' | 'connecting' | 'connected' | 'offline' | 'removed';

export interface TeamSyncStatus {
  readonly phase: TeamSyncPhase;
  /** Local changes the team server has not acknowledged yet. */
  readonly waitingChanges: number;
  /** When every document last finished an exchange with the server (this session). */
  readonly lastSyncedAt: number | null;
  /** What went wrong, in plain words (also written to the local log), or null. */
  readonly error: string | null;
  /** True in the window that syncs for this device; the others show its status. */
  readonly isSyncingWindow: boolean;
}

export const NOT_JOINED: TeamSyncStatus = { phase: 'not-joined', waitingChanges: 0, lastSyncedAt: null, error: null, isSyncingWindow: false };

/** What the app says when the server refuses this device (its member was revoked, or the token is unknown). */
export const REMOVED_MESSAGE =
  'This device was removed from the team (or its access was withdrawn), so syncing stopped. Everything on this device is kept. To sync again, leave the team here and join with a new invite.';

/** Before the first connection, "Connecting…" for this long; then "Offline" until the server answers. */
const CONNECTING_GRACE_MS = 8_000;
/** Journal entries taken in per round. */
const JOURNAL_PAGE = 500;

export interface TeamSyncOptions {
  readonly db: DiscoveryDb;
  /** One syncing window per device: the Web Locks API (absent: this window always syncs). */
  readonly locks?: LockManager | null;
  /** A WebSocket implementation where there is no global one (Node tests). */
  readonly WebSocketPolyfill?: unknown;
  readonly now?: () => number;
  /** Where sync errors are written (the local log in the app). */
  readonly logError?: (error: unknown, where: string) => void;
}

/**
 * The team sync of one window. Every window of a device in a team journals its local writes of
 * shared rows (in the write's transaction); one window (a Web Lock per workspace) runs the engine:
 * it merges this device's workspace into the team's once after joining, connects the documents to
 * the team server, takes the journal in (after every commit of any window, and at start: what a
 * crash left journaled too) and writes teammates' changes to the tables, which the other windows
 * follow through their live queries. Its status goes to the other windows on a BroadcastChannel.
 * Stopped when the device leaves the team or the server removes it (the local copy stays).
 */
export class TeamSync {
  private readonly membershipRepository;
  private readonly journal;
  private readonly now: () => number;
  private readonly logError: (error: unknown, where: string) => void;
  private readonly listeners = new Set<(status: TeamSyncStatus) => void>();
  private current: TeamSyncStatus = NOT_JOINED;
  private membership: TeamMembership | undefined;
  private subscription: Subscription | null = null;
  private stopJournal: (() => void) | null = null;
  private leader: { readonly controller: AbortController; readonly token: string; readonly done: Promise<void> } | null = null;
  private isLeading = false;
  private channel: BroadcastChannel | null = null;

  constructor(private readonly options: TeamSyncOptions) {
    this.membershipRepository = createTeamMembershipRepository(options.db);
    this.journal = createSyncJournalRepository(options.db);
    this.now = options.now ?? Date.now;
    this.logError = options.logError ?? ((error, where) => console.error(where, error));
  }

  get status(): TeamSyncStatus {
    return this.current;
  }

  onStatus(listener: (status: TeamSyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows this device's membership: syncing starts when it has joined a team and stops when it leaves. */
  start(): void {
    if (this.subscription !== null) return;
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`discovery-desk-team-status:${this.options.db.name}`);
      this.channel.onmessage = (event: MessageEvent<unknown>) => this.onChannelMessage(event.data);
    }
    this.subscription = liveQuery(() => this.membershipRepository.get()).subscribe({
      next: (membership) => this.onMembership(membership),
      error: (error: unknown) => this.logError(error, 'team sync: reading this device’s membership'),
    });
  }

  /** Stops syncing in this window (the app closes); the membership stays. */
  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.stopJournal?.();
    this.stopJournal = null;
    this.channel?.close();
    this.channel = null;
    await this.stopLeading();
  }

  /**
   * Stores a membership the server just granted. This device's workspace is merged into the team's
   * on the first connection; documents of an earlier team are forgotten first (the rows stay).
   */
  async joined(team: JoinedTeam): Promise<void> {
    await this.stopLeading();
    await this.journal.clear();
    const docs = createSyncDocsRepository(this.options.db);
    await docs.clear();
    await this.membershipRepository.save({ ...team, joinedAt: this.now(), mergedAt: null, removedMessage: null });
  }

  /** Leaves the team on this device: syncing stops, the team's documents here are forgotten, every row stays. */
  async leave(): Promise<void> {
    await this.stopLeading();
    await this.membershipRepository.clear();
    await this.journal.clear();
    await createSyncDocsRepository(this.options.db).clear();
  }

  private onMembership(membership: TeamMembership | undefined): void {
    this.membership = membership;
    const isActive = membership !== undefined && membership.removedMessage === null;
    if (isActive && this.stopJournal === null) this.stopJournal = journalSharedTableWrites(this.options.db);
    if (!isActive && this.stopJournal !== null) {
      this.stopJournal();
      this.stopJournal = null;
    }
    if (membership === undefined) {
      void this.stopLeading();
      this.setStatus(NOT_JOINED);
    } else if (membership.removedMessage !== null) {
      void this.stopLeading();
      this.setStatus({ ...NOT_JOINED, phase: 'removed', error: membership.removedMessage });
    } else if (this.leader === null || this.leader.token !== membership.memberToken) {
      void this.stopLeading().then(() => this.startLeading(membership));
    }
  }

  private startLeading(membership: TeamMembership): void {
    if (this.membership?.memberToken !== membership.memberToken || this.leader !== null) return;
    const controller = new AbortController();
    if (this.current.phase === 'not-joined' || this.current.phase === 'removed') this.setStatus({ ...NOT_JOINED, phase: 'connecting' });
    this.channel?.postMessage({ type: 'ask' });
    const run = () => this.lead(membership, controller.signal);
    const { locks } = this.options;
    const held: Promise<void> = locks ? locks.request(`discovery-desk-team-sync:${this.options.db.name}`, { signal: controller.signal }, run).then(() => undefined) : run();
    const done = held.catch((error: unknown) => {
      if (!controller.signal.aborted) this.fail(error, 'team sync: running');
    });
    this.leader = { controller, token: membership.memberToken, done };
  }

  private async stopLeading(): Promise<void> {
    const leader = this.leader;
    if (leader === null) return;
    this.leader = null;
    leader.controller.abort();
    await leader.done;
  }

  /** Runs the engine while this window holds the lock, until `signal` aborts. */
  private async lead(membership: TeamMembership, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const { db } = this.options;
    this.isLeading = true;
    const startedAt = this.now();
    const docs = createSyncDocsRepository(db);
    const cleanups: (() => void)[] = [];
    const engine = new SyncEngine({
      docs,
      rows: createSyncRowsRepository(db),
      member: { id: membership.memberId, name: membership.displayName },
      now: this.now,
      onError: (error) => this.fail(error, 'team sync: applying a change'),
    });
    let transport: TeamTransport | null = null;
    let everConnected = false;
    let error: string | null = null;
    const publish = (status: TeamTransportStatus) => {
      if (signal.aborted) return;
      everConnected ||= status.connected;
      const phase: TeamSyncPhase = status.connected ? 'connected' : !everConnected && this.now() - startedAt < CONNECTING_GRACE_MS ? 'connecting' : 'offline';
      this.setStatus({ phase, waitingChanges: status.waitingChanges, lastSyncedAt: status.lastSyncedAt, error, isSyncingWindow: true });
    };
    try {
      await engine.start({ pauseRemote: membership.mergedAt === null });
      if (signal.aborted) return;
      const active = new TeamTransport({
        serverUrl: membership.serverUrl,
        workspaceId: membership.workspaceId,
        memberToken: membership.memberToken,
        now: this.now,
        ...(this.options.WebSocketPolyfill === undefined ? {} : { WebSocketPolyfill: this.options.WebSocketPolyfill }),
      });
      transport = active;
      cleanups.push(
        active.onStatus((status) => {
          if (status.refused !== null) {
            this.logError(new UserError(REMOVED_MESSAGE), 'team sync: the server refused this device');
            void this.membershipRepository.update({ removedMessage: REMOVED_MESSAGE });
            return;
          }
          publish(status);
        }),
      );
      active.connect(await engine.openDocs());
      cleanups.push(engine.onDocOpened(() => void engine.openDocs().then((open) => active.connect(open))));
      // The browser's own idea of the network: offline closes the socket at once (changes wait here), online reconnects.
      if (typeof window !== 'undefined') {
        const goOffline = () => active.pause();
        const goOnline = () => active.resume();
        window.addEventListener('offline', goOffline);
        window.addEventListener('online', goOnline);
        cleanups.push(() => {
          window.removeEventListener('offline', goOffline);
          window.removeEventListener('online', goOnline);
        });
        if (typeof navigator !== 'undefined' && navigator.onLine === false) active.pause();
      }
      const grace = setTimeout(() => publish(active.status), CONNECTING_GRACE_MS + 10);
      cleanups.push(() => clearTimeout(grace));
      publish(active.status);

      if (membership.mergedAt === null) {
        // The team's rows first, then this device's merged in: nothing lost, nothing doubled (ids are unique).
        await untilAborted(active.whenSynced(), signal);
        if (signal.aborted) return;
        await engine.mergeLocalWorkspace();
        await this.membershipRepository.update({ mergedAt: this.now() });
      }

      const drain = serialised(async () => {
        for (;;) {
          if (signal.aborted) return;
          const entries = await this.journal.read(JOURNAL_PAGE);
          if (entries.length === 0) return;
          for (const [table, tableEntries] of groupJournalByTable(entries)) await engine.applyJournal(table, tableEntries);
          await this.journal.remove(entries);
          if (entries.length < JOURNAL_PAGE) return;
        }
      }, (failure) => {
        error = 'Some changes made on this device could not be prepared for the team yet; they are kept and sent on the next try.';
        this.fail(failure, 'team sync: sending local changes');
        publish(active.status);
      });
      const onCommit = (tables: readonly { readonly table: string }[]) => {
        if (tables.some((writes) => isSyncedTable(writes.table))) drain();
      };
      cleanups.push(db.sideEffects.onCommit(onCommit), listenToCommittedWrites(db.name, onCommit));
      drain();
      await untilAborted(new Promise<never>(() => undefined), signal);
    } finally {
      for (const cleanup of cleanups) cleanup();
      engine.stop();
      transport?.destroy();
      await engine.whenIdle();
      docs.closeAll();
      this.isLeading = false;
    }
  }

  private fail(error: unknown, where: string): void {
    this.logError(error, where);
  }

  private onChannelMessage(data: unknown): void {
    if (typeof data !== 'object' || data === null || !('type' in data)) return;
    if (data.type === 'ask' && this.isLeading) this.channel?.postMessage({ type: 'status', status: this.current });
    if (data.type === 'status' && !this.isLeading && 'status' in data && this.membership !== undefined && this.membership.removedMessage === null) {
      const status = parseStatus(data.status);
      if (status !== undefined) this.setStatus({ ...status, isSyncingWindow: false });
    }
  }

  private setStatus(status: TeamSyncStatus): void {
    this.current = status;
    if (this.isLeading) this.channel?.postMessage({ type: 'status', status });
    for (const listener of [...this.listeners]) listener(status);
  }
}

/** Runs `task` once at a time; a call while it runs runs it once more afterwards. */
function serialised(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await task();
      } while (again);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

/** Waits for `promise`, or returns when `signal` aborts first. */
function untilAborted(promise: Promise<unknown>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error('Waiting for the team server failed.'));
      },
    );
  });
}

function parseStatus(value: unknown): TeamSyncStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const phase: unknown = Reflect.get(value, 'phase');
  const waitingChanges: unknown = Reflect.get(value, 'waitingChanges');
  const lastSyncedAt: unknown = Reflect.get(value, 'lastSyncedAt');
  const error: unknown = Reflect.get(value, 'error');
  if (phase !== 'not-joined' && phase !== 'connecting' && phase !== 'connected' && phase !== 'offline' && phase !== 'removed') return undefined;
  if (typeof waitingChanges !== 'number') return undefined;
  return { phase, waitingChanges, lastSyncedAt: typeof lastSyncedAt === 'number' ? lastSyncedAt : null, error: typeof error === 'string' ? error : null, isSyncingWindow: false };
}
