import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { ballotFingerprint, cleanBallot, tallyBallots, type Ballot } from '../shared/live-workshop/ballot';
import { liveNameProblem, newJoinCode, normaliseJoinCode } from '../shared/live-workshop/join-code';
import { readBuckets, readPlacements, readRawBallot, readRoster, readSettings } from '../shared/live-workshop/live-doc-content';
import { ballotDocumentName, boardDocumentName, controlDocumentName, documentPermission, parseDocumentName, type LivePrincipal } from '../shared/live-workshop/live-documents';
import type { JoinRequest, LiveCommand, LiveOutcome, LiveWorkshopInput, TimerAction } from '../shared/live-workshop/live-workshop-input';
import { withDocument } from './document-access';
import { hashToken, isTokenValid, makeToken, readTokenClaim } from './live-tokens';
import type { LiveStore, StoredParticipant } from './sqlite-store';
import type { ServerLog } from './server-log';

export interface LiveWorkshopsDependencies {
  readonly store: LiveStore;
  readonly hocuspocus: Hocuspocus;
  readonly now: () => number;
  /** A random URL-safe string of at least 16 characters. */
  readonly randomSecret: () => string;
  readonly randomIndex: (n: number) => number;
  readonly log: ServerLog;
}

export type JoinResult =
  | { readonly ok: true; readonly token: string; readonly workshopId: string; readonly participantId: string; readonly name: string }
  | { readonly ok: true; readonly workshopId: string; readonly participants: readonly { readonly id: string; readonly name: string }[] }
  | { readonly ok: false; readonly problem: 'wrong-code' | 'taken' | 'name'; readonly message: string };

export interface CreatedWorkshop {
  readonly workshopId: string;
  readonly joinCode: string;
  readonly facilitatorToken: string;
}

/** Thrown for a refused connection; Hocuspocus sends the reason to the client. */
export class AccessRefused extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

export type LiveWorkshops = ReturnType<typeof createLiveWorkshops>;

/** The live workshops a server runs: creating, joining, authenticating, the facilitator's commands and the outcome. */
export function createLiveWorkshops(deps: LiveWorkshopsDependencies) {
  const { store, hocuspocus, now, log } = deps;

  const control = <T>(workshopId: string, change: (doc: Y.Doc) => T) => withDocument(hocuspocus, controlDocumentName(workshopId), change);

  function requireWorkshop(workshopId: string) {
    const workshop = store.getWorkshop(workshopId);
    if (workshop === undefined) throw new RangeError('That live workshop does not exist on this server.');
    return workshop;
  }

  async function create(input: LiveWorkshopInput): Promise<CreatedWorkshop> {
    const workshopId = deps.randomSecret().slice(0, 16).replace(/[^A-Za-z0-9]/g, 'x');
    let joinCode = newJoinCode(deps.randomIndex);
    while (store.findWorkshopByCode(joinCode)) joinCode = newJoinCode(deps.randomIndex);
    const facilitatorToken = makeToken({ workshopId, participantId: null }, deps.randomSecret());
    store.addWorkshop({ id: workshopId, joinCode, facilitatorTokenHash: hashToken(facilitatorToken), isEnded: false, createdAt: now() });
    for (const participant of input.participants) store.putParticipant({ workshopId, id: participant.id, name: participant.name.trim(), tokenHash: null });
    const bucketIds = new Set(input.buckets.map((bucket) => bucket.id));
    await control(workshopId, (doc) => {
      const settings = doc.getMap<unknown>('settings');
      settings.set('title', input.title);
      settings.set('phase', 'silent-review');
      settings.set('budget', input.budget);
      settings.set('ranking', []);
      const cards = doc.getMap<unknown>('cards');
      input.cards.forEach((card, order) => cards.set(card.id, { ...card, order }));
      const roster = doc.getMap<unknown>('roster');
      for (const participant of input.participants) roster.set(participant.id, { name: participant.name.trim(), isOnline: false, hasVoted: false, hasScored: false, hasJoined: false });
    });
    await withDocument(hocuspocus, boardDocumentName(workshopId), (doc) => {
      const buckets = doc.getMap<unknown>('buckets');
      input.buckets.forEach((bucket, order) => buckets.set(bucket.id, { title: bucket.title, createdAt: order }));
      const placements = doc.getMap<unknown>('placements');
      for (const card of input.cards) {
        const bucketId = input.placements[card.id];
        placements.set(card.id, bucketId !== undefined && bucketIds.has(bucketId) ? bucketId : null);
      }
    });
    log.info('workshop-created', { workshopId, cards: input.cards.length, participants: input.participants.length });
    return { workshopId, joinCode, facilitatorToken };
  }

  async function join(request: JoinRequest): Promise<JoinResult> {
    const workshop = store.findWorkshopByCode(normaliseJoinCode(request.code));
    if (workshop === undefined) return { ok: false, problem: 'wrong-code', message: 'That code does not open a workshop. Check the code on the projector and type it again.' };
    const participants = store.listParticipants(workshop.id);
    if ('participantId' in request) {
      const chosen = participants.find((participant) => participant.id === request.participantId);
      if (chosen === undefined) return { ok: false, problem: 'name', message: 'That name is no longer in the workshop. Type your name instead.' };
      return claim(chosen);
    }
    if (!('name' in request)) return { ok: true, workshopId: workshop.id, participants: participants.filter((participant) => participant.tokenHash === null).map(({ id, name }) => ({ id, name })) };
    const problem = liveNameProblem(request.name);
    if (problem) return { ok: false, problem: 'name', message: problem };
    const name = request.name.trim();
    const same = participants.find((participant) => participant.name.toLowerCase() === name.toLowerCase());
    if (same) return claim(same);
    const participant: StoredParticipant = { workshopId: workshop.id, id: deps.randomSecret().slice(0, 12).replace(/[^A-Za-z0-9]/g, 'x'), name, tokenHash: null };
    await control(workshop.id, (doc) => doc.getMap<unknown>('roster').set(participant.id, { name, isOnline: false, hasVoted: false, hasScored: false, hasJoined: false }));
    return claim(participant);
  }

  async function claim(participant: StoredParticipant): Promise<JoinResult> {
    if (participant.tokenHash !== null) {
      return { ok: false, problem: 'taken', message: `${participant.name} has already joined from another device. Reopen the workshop there, or ask the facilitator to release the name.` };
    }
    const token = makeToken({ workshopId: participant.workshopId, participantId: participant.id }, deps.randomSecret());
    store.putParticipant({ ...participant, tokenHash: hashToken(token) });
    await setJoined(participant.workshopId, participant.id, true);
    log.info('participant-joined', { workshopId: participant.workshopId, participantId: participant.id });
    return { ok: true, token, workshopId: participant.workshopId, participantId: participant.id, name: participant.name };
  }

  /** The principal a token proves, and whether its connection to `documentName` is read-only; throws AccessRefused otherwise. */
  function authenticate(token: string, documentName: string): { readonly principal: LivePrincipal; readonly isReadOnly: boolean } {
    const claim = readTokenClaim(token);
    const document = parseDocumentName(documentName);
    const workshop = claim ? store.getWorkshop(claim.workshopId) : undefined;
    if (claim === null || document === null || workshop === undefined) throw new AccessRefused('unknown-token-or-document');
    const storedHash = claim.participantId === null ? workshop.facilitatorTokenHash : (store.listParticipants(workshop.id).find((participant) => participant.id === claim.participantId)?.tokenHash ?? null);
    if (!isTokenValid(token, storedHash)) throw new AccessRefused('invalid-token');
    const principal: LivePrincipal = claim.participantId === null ? { kind: 'facilitator', workshopId: workshop.id } : { kind: 'participant', workshopId: workshop.id, participantId: claim.participantId };
    if (workshop.isEnded && principal.kind === 'participant') throw new AccessRefused('workshop-ended');
    const permission = documentPermission(principal, document, workshop.isEnded);
    if (permission === 'none') throw new AccessRefused('not-your-document');
    return { principal, isReadOnly: permission === 'read' };
  }

  async function setJoined(workshopId: string, participantId: string, hasJoined: boolean) {
    await control(workshopId, (doc) => {
      const entry = readRoster(doc).get(participantId);
      if (entry && entry.hasJoined !== hasJoined) doc.getMap<unknown>('roster').set(participantId, { ...entry, hasJoined });
    });
  }

  /** Closes the live connections of this workshop's participants that `isTarget` picks. */
  function disconnectParticipants(workshopId: string, isTarget: (participantId: string) => boolean, reason: string) {
    for (const [name, document] of hocuspocus.documents) {
      if (parseDocumentName(name)?.workshopId !== workshopId) continue;
      for (const { connection } of document.connections.values()) {
        const context: unknown = connection.context;
        if (isParticipantContext(context) && isTarget(context.principal.participantId)) connection.close({ code: 4403, reason });
      }
    }
  }

  /**
   * Frees a taken seat: its token stops working and its connections close, so the device that held
   * it loses it; the person joins again under the same name and gets the same ballot back.
   */
  async function releaseSeat(workshopId: string, participantId: string) {
    const participant = store.listParticipants(workshopId).find((candidate) => candidate.id === participantId);
    if (participant === undefined) throw new RangeError('That participant is not in this workshop.');
    store.putParticipant({ ...participant, tokenHash: null });
    disconnectParticipants(workshopId, (id) => id === participantId, 'seat-released');
    await setJoined(workshopId, participantId, false);
    log.info('seat-released', { workshopId, participantId });
  }

  async function readBallots(workshopId: string, bucketIds: readonly string[], budget: number) {
    const joined = store.listParticipants(workshopId).filter((participant) => participant.tokenHash !== null);
    const ballots: { participantId: string; ballot: Ballot }[] = [];
    for (const participant of joined) {
      const raw = await withDocument(hocuspocus, ballotDocumentName(workshopId, participant.id), readRawBallot);
      ballots.push({ participantId: participant.id, ballot: cleanBallot(raw, bucketIds, budget) });
    }
    return ballots;
  }

  async function boardBucketIds(workshopId: string) {
    return withDocument(hocuspocus, boardDocumentName(workshopId), (doc) => readBuckets(doc).map((bucket) => bucket.id));
  }

  async function reveal(workshopId: string, what: 'votes' | 'scores' | 'both') {
    const bucketIds = await boardBucketIds(workshopId);
    const budget = await control(workshopId, (doc) => readSettings(doc).budget);
    const ballots = await readBallots(workshopId, bucketIds, budget);
    const results = tallyBallots(bucketIds, ballots);
    // Kept in the store, not in memory: after a crash and restart, ballots already counted must not come back as late.
    store.putTalliedBallots(workshopId, new Map(ballots.map(({ participantId, ballot }) => [participantId, ballotFingerprint(ballot)])));
    await control(workshopId, (doc) => {
      const settings = doc.getMap<unknown>('settings');
      const map = doc.getMap<unknown>('results');
      if (what !== 'scores' || settings.get('areVotesRevealed') === true) {
        settings.set('areVotesRevealed', true);
        map.set('votes', results.votes);
      }
      if (what !== 'votes' || settings.get('areScoresRevealed') === true) {
        settings.set('areScoresRevealed', true);
        map.set('spreads', results.spreads);
      }
      map.set('late', []);
    });
    log.info('revealed', { workshopId, what, ballots: results.counted.length });
  }

  function timerChanges(settings: Y.Map<unknown>, timer: TimerAction) {
    const { timerEndsAt, timerPausedMs } = { timerEndsAt: settings.get('timerEndsAt'), timerPausedMs: settings.get('timerPausedMs') };
    if (timer.action === 'start') return { timerEndsAt: now() + timer.minutes * 60_000, timerPausedMs: undefined };
    if (timer.action === 'pause' && typeof timerEndsAt === 'number') return { timerEndsAt: undefined, timerPausedMs: Math.max(0, timerEndsAt - now()) };
    if (timer.action === 'resume' && typeof timerPausedMs === 'number') return { timerEndsAt: now() + timerPausedMs, timerPausedMs: undefined };
    if (timer.action === 'reset') return { timerEndsAt: undefined, timerPausedMs: undefined };
    return null;
  }

  function setOrDelete(map: Y.Map<unknown>, key: string, value: unknown) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  async function command(workshopId: string, order: LiveCommand): Promise<void> {
    if (requireWorkshop(workshopId).isEnded) throw new RangeError('This live workshop has ended.');
    if (order.command === 'reveal-votes') return reveal(workshopId, 'votes');
    if (order.command === 'reveal-scores') return reveal(workshopId, 'scores');
    if (order.command === 'retally') return reveal(workshopId, 'both');
    if (order.command === 'release-seat') return releaseSeat(workshopId, order.participantId);
    const bucketIds = order.command === 'rank' ? new Set(await boardBucketIds(workshopId)) : null;
    await control(workshopId, (doc) => {
      const settings = doc.getMap<unknown>('settings');
      if (order.command === 'phase') {
        settings.set('phase', order.phase);
        settings.delete('timerEndsAt');
        settings.delete('timerPausedMs');
      } else if (order.command === 'timer') {
        const changes = timerChanges(settings, order.timer);
        if (changes) for (const [key, value] of Object.entries(changes)) setOrDelete(settings, key, value);
      } else if (order.command === 'budget') settings.set('budget', order.budget);
      else if (order.command === 'reopen') {
        settings.set('areVotesRevealed', false);
        settings.set('areScoresRevealed', false);
        doc.getMap<unknown>('results').clear();
      } else if (order.command === 'rank' && bucketIds) settings.set('ranking', order.order.filter((id) => bucketIds.has(id)));
    });
    log.info('command', { workshopId, command: order.command });
  }

  async function outcome(workshopId: string): Promise<LiveOutcome> {
    requireWorkshop(workshopId);
    const board = await withDocument(hocuspocus, boardDocumentName(workshopId), (doc) => {
      const buckets = readBuckets(doc);
      return { buckets, placements: readPlacements(doc, new Set(buckets.map((bucket) => bucket.id))) };
    });
    const settings = await control(workshopId, readSettings);
    const bucketIds = board.buckets.map((bucket) => bucket.id);
    const ballots = await readBallots(workshopId, bucketIds, settings.budget);
    return {
      workshopId,
      phase: settings.phase,
      budget: settings.budget,
      areVotesRevealed: settings.areVotesRevealed,
      participants: store.listParticipants(workshopId).map(({ id, name }) => ({ id, name })),
      buckets: board.buckets.map(({ id, title }) => ({ id, title })),
      placements: Object.fromEntries(board.placements),
      votes: ballots.flatMap(({ participantId, ballot }) => Object.entries(ballot.dots).map(([bucketId, dots]) => ({ participantId, bucketId, dots }))),
      scores: ballots.flatMap(({ participantId, ballot }) => Object.entries(ballot.scores).map(([bucketId, values]) => ({ participantId, bucketId, values }))),
      ranking: settings.ranking.filter((id) => bucketIds.includes(id)),
    };
  }

  /** Ends the workshop: the code dies, participants are disconnected, and the outcome is returned to be saved. */
  async function end(workshopId: string): Promise<LiveOutcome> {
    const result = await outcome(workshopId);
    await control(workshopId, (doc) => doc.getMap<unknown>('settings').set('isEnded', true));
    store.endWorkshop(workshopId);
    disconnectParticipants(workshopId, () => true, 'workshop-ended');
    log.info('workshop-ended', { workshopId });
    return result;
  }

  /** After a ballot changed: who has voted or scored (never what), and whether it is now a late ballot. */
  async function ballotChanged(documentName: string, doc: Y.Doc): Promise<void> {
    const target = parseDocumentName(documentName);
    if (target?.kind !== 'ballot') return;
    await evaluateBallot(target.workshopId, target.participantId, readRawBallot(doc));
  }

  async function evaluateBallot(workshopId: string, participantId: string, raw: ReturnType<typeof readRawBallot>): Promise<void> {
    const workshop = store.getWorkshop(workshopId);
    if (workshop === undefined || workshop.isEnded) return;
    const bucketIds = await boardBucketIds(workshopId);
    await control(workshopId, (controlDoc) => {
      const settings = readSettings(controlDoc);
      const ballot = cleanBallot(raw, bucketIds, settings.budget);
      const roster = controlDoc.getMap<unknown>('roster');
      const entry = readRoster(controlDoc).get(participantId);
      const hasVoted = Object.keys(ballot.dots).length > 0;
      const hasScored = Object.keys(ballot.scores).length > 0;
      if (entry && (entry.hasVoted !== hasVoted || entry.hasScored !== hasScored)) roster.set(participantId, { ...entry, hasVoted, hasScored });
      if (!settings.areVotesRevealed && !settings.areScoresRevealed) return;
      const before = store.talliedBallots(workshopId).get(participantId);
      if (before === ballotFingerprint(ballot)) return;
      const results = controlDoc.getMap<unknown>('results');
      const late = results.get('late');
      const list = Array.isArray(late) ? late.filter((id): id is string => typeof id === 'string') : [];
      if (!list.includes(participantId)) results.set('late', [...list, participantId]);
    });
  }

  /** Per workshop, the bucket ids of the board as last seen, to notice buckets arriving or going. */
  const boardBuckets = new Map<string, string>();

  /**
   * After a board change: when its buckets changed, every ballot is read again. A dot or score on
   * a bucket the server has not received yet (the ballot and the board travel separately) stays
   * in the ballot, pending; once the bucket arrives it counts (voted, or a late ballot after the reveal).
   */
  async function boardChanged(documentName: string, doc: Y.Doc): Promise<void> {
    const target = parseDocumentName(documentName);
    if (target?.kind !== 'board') return;
    const key = readBuckets(doc)
      .map((bucket) => bucket.id)
      .sort()
      .join('\n');
    if (boardBuckets.get(target.workshopId) === key) return;
    boardBuckets.set(target.workshopId, key);
    const workshop = store.getWorkshop(target.workshopId);
    if (workshop === undefined || workshop.isEnded) return;
    for (const participant of store.listParticipants(target.workshopId)) {
      if (participant.tokenHash === null) continue;
      const raw = await withDocument(hocuspocus, ballotDocumentName(target.workshopId, participant.id), readRawBallot);
      await evaluateBallot(target.workshopId, participant.id, raw);
    }
  }

  /** Marks who is connected, from the connections to the control document. */
  async function presenceChanged(workshopId: string): Promise<void> {
    const name = controlDocumentName(workshopId);
    const document = hocuspocus.documents.get(name);
    if (document === undefined) return;
    const online = new Set<string>();
    for (const { connection } of document.connections.values()) {
      const context: unknown = connection.context;
      if (isParticipantContext(context)) online.add(context.principal.participantId);
    }
    await control(workshopId, (doc) => {
      const roster = doc.getMap<unknown>('roster');
      for (const [id, entry] of readRoster(doc)) if (entry.isOnline !== online.has(id)) roster.set(id, { ...entry, isOnline: online.has(id) });
    });
  }

  return { create, join, authenticate, command, outcome, end, ballotChanged, boardChanged, presenceChanged, requireWorkshop, findWorkshop: (workshopId: string) => store.getWorkshop(workshopId) };
}

function isParticipantContext(context: unknown): context is { principal: { kind: 'participant'; participantId: string } } {
  if (typeof context !== 'object' || context === null || !('principal' in context)) return false;
  const principal: unknown = context.principal;
  return typeof principal === 'object' && principal !== null && 'kind' in principal && principal.kind === 'participant' && 'participantId' in principal && typeof principal.participantId === 'string';
}
