import { useLiveQuery } from 'dexie-react-hooks';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Card, PainBucket } from '../../../shared/domain/board';
import type { Round } from '../../../shared/domain/round';
import type { Workshop } from '../../../shared/domain/workshop';
import type { HostAddress, LiveState } from '../../../shared/live-workshop/live-host-types';
import { LIVE_PHASE_LABELS, LIVE_PHASES } from '../../../shared/live-workshop/live-documents';
import type { LiveCommand } from '../../../shared/live-workshop/live-workshop-input';
import { useRepositories } from '../../db';
import { isUserError } from '../../../shared/errors/user-error';
import { LiveWorkshopProblem, type LiveWorkshopHost } from '../../platform/live-workshop-host';
import { usePlatform } from '../../platform/platform-context';
import { liveWorkshopInput } from './live-workshop-input';

const NO_CARDS: readonly Card[] = [];
const NO_BUCKETS: readonly PainBucket[] = [];
const DEFAULT_PORT = 5190;

const say = (caught: unknown) => (caught instanceof LiveWorkshopProblem || isUserError(caught) ? caught.message : 'Something went wrong with the live workshop. Try again; if it persists, end it and start again.');

/** Run live: the facilitator hosts the workshop for everyone's own device, then saves its outcome into the round. */
export function LiveWorkshopPanel({ round, workshop, onLeave }: { readonly round: Round; readonly workshop: Workshop; readonly onLeave: () => void }) {
  const { board } = useRepositories();
  const host: LiveWorkshopHost = usePlatform().liveWorkshop;
  const [state, setState] = useState<LiveState | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let isActive = true;
    const refresh = () =>
      host.state().then(
        (next) => {
          if (isActive) setState(next);
        },
        (caught: unknown) => {
          if (isActive) {
            setState(null);
            setProblem(say(caught));
          }
        },
      );
    void refresh();
    // The facilitator's window never opens a socket to the network: it reads the room through the local admin API.
    const timer = setInterval(() => void refresh(), 1000);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [host]);

  const run = (command: LiveCommand) => void host.command(command).then(() => setProblem(null), (caught: unknown) => setProblem(say(caught)));

  return (
    <section className="live panel" aria-label="Live workshop">
      <div className="live__top">
        <h3>Run live</h3>
        <button type="button" className="button button--quiet" onClick={onLeave}>
          {state ? 'Back to the one-laptop workshop' : 'Close'}
        </button>
      </div>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {saved && <p className="notice" role="status">The workshop’s outcome is saved to this round.</p>}
      {state === undefined ? null : state === null ? (
        <LiveSetup round={round} workshop={workshop} host={host} onStarted={() => setSaved(false)} onProblem={setProblem} />
      ) : (
        <LiveRoom
          state={state}
          onCommand={run}
          onEnd={async () => {
            try {
              const outcome = await host.end();
              await saveOutcome(outcome);
              setSaved(true);
              setState(null);
            } catch (caught) {
              setProblem(say(caught));
            }
          }}
        />
      )}
    </section>
  );

  async function saveOutcome(outcome: Awaited<ReturnType<LiveWorkshopHost['end']>>) {
    await board.saveLiveOutcome(round.id, outcome);
  }
}

function LiveSetup({ round, workshop, host, onStarted, onProblem }: { readonly round: Round; readonly workshop: Workshop; readonly host: LiveWorkshopHost; readonly onStarted: () => void; readonly onProblem: (problem: string | null) => void }) {
  const { board } = useRepositories();
  const cards = useLiveQuery(() => board.listCards(round.id), [board, round.id]) ?? NO_CARDS;
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]) ?? NO_BUCKETS;
  const [addresses, setAddresses] = useState<readonly HostAddress[]>([]);
  const [address, setAddress] = useState('127.0.0.1');
  const [port, setPort] = useState(String(DEFAULT_PORT));
  const [isHidingNames, setIsHidingNames] = useState(false);
  const [isStarting, setIsStarting] = useState(false);
  useEffect(() => {
    void host.addresses().then(setAddresses, (caught: unknown) => onProblem(say(caught)));
  }, [host, onProblem]);
  const portNumber = Number(port);
  const isPortValid = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535;
  const start = async () => {
    setIsStarting(true);
    try {
      await host.start(address, portNumber, liveWorkshopInput(round, cards, buckets, workshop.participants, workshop.votesPerParticipant, isHidingNames));
      onProblem(null);
      onStarted();
    } catch (caught) {
      onProblem(say(caught));
    } finally {
      setIsStarting(false);
    }
  };
  return (
    <div className="live__setup">
      <p>Everyone joins from their own browser on this network: no install, no account, nothing from the internet. Ballots stay secret until you reveal them.</p>
      <label className="field">
        <span className="field__label">Address</span>
        <select value={address} onChange={(event) => setAddress(event.target.value)}>
          {(addresses.length > 0 ? addresses : [{ address: '127.0.0.1', label: 'This computer only (rehearsal)', isLoopback: true }]).map((candidate) => (
            <option key={candidate.address} value={candidate.address}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Port</span>
        <input type="number" min={1024} max={65535} value={port} aria-invalid={!isPortValid} onChange={(event) => setPort(event.target.value)} />
      </label>
      {!isPortValid && <p className="field__problem">Choose a port from 1024 to 65535.</p>}
      <label className="checkbox">
        <input type="checkbox" checked={isHidingNames} onChange={(event) => setIsHidingNames(event.target.checked)} />
        Replace people’s names on the cards by their team
      </label>
      <p className="muted">
        Goes to the server: this round’s {cards.length.toLocaleString()} cards (title, excerpt, channel, date, {isHidingNames ? 'teams' : 'people'}), its {buckets.length} buckets and the participants. Nothing else of your workspace.
      </p>
      <button type="button" className="button button--primary" disabled={!isPortValid || isStarting} onClick={() => void start()}>
        {isStarting ? 'Starting…' : 'Start the live workshop'}
      </button>
    </div>
  );
}

function JoinCard({ state }: { readonly state: LiveState }) {
  const [qr, setQr] = useState<string | null>(null);
  const joinUrl = `${state.url}?code=${state.joinCode}`;
  useEffect(() => {
    void QRCode.toDataURL(joinUrl, { margin: 1, width: 220 }).then(setQr, () => setQr(null));
  }, [joinUrl]);
  return (
    <div className="live__join">
      <p className="live__url" aria-label="Join address">
        {state.url}
      </p>
      <p className="live__code">
        Code <strong aria-label="Join code">{state.joinCode}</strong>
      </p>
      {qr && <img className="live__qr" src={qr} alt={`QR code for ${joinUrl}`} width={220} height={220} />}
      <p className={state.isEncrypted ? 'live__security' : 'live__security live__security--plain'} role="note">
        {state.isEncrypted
          ? 'Encrypted: HTTPS and WSS with the configured certificate.'
          : 'Not encrypted: plain HTTP on this network. Anyone on it could read the cards and votes in transit. Configure a certificate and key to encrypt.'}
      </p>
    </div>
  );
}

function LiveRoom({ state, onCommand, onEnd }: { readonly state: LiveState; readonly onCommand: (command: LiveCommand) => void; readonly onEnd: () => Promise<void> }) {
  const [minutes, setMinutes] = useState('5');
  const [isEnding, setIsEnding] = useState(false);
  const { settings, results } = state;
  const titles = new Map(state.buckets.map((bucket) => [bucket.id, bucket.title]));
  const now = useNow(500);
  const left = settings.timerEndsAt !== undefined ? Math.max(0, settings.timerEndsAt - now) : settings.timerPausedMs;
  return (
    <div className="live__room">
      <JoinCard state={state} />
      <div className="live__controls">
        <nav className="workshop__phases" aria-label="Live phases">
          {LIVE_PHASES.map((phase, index) => (
            <button key={phase} type="button" className="workshop__phase" aria-current={settings.phase === phase ? 'step' : undefined} onClick={() => onCommand({ command: 'phase', phase })}>
              <span className="workshop__phase-number">{index + 1}</span> {LIVE_PHASE_LABELS[phase]}
            </button>
          ))}
        </nav>
        <div className="live__timer">
          <span className="workshop__clock" role="timer">
            {left === undefined ? '–:––' : `${Math.floor(Math.ceil(left / 1000) / 60)}:${String(Math.ceil(left / 1000) % 60).padStart(2, '0')}`}
          </span>
          <input aria-label="Timer minutes" type="number" min={1} max={180} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
          <button type="button" className="button" onClick={() => onCommand({ command: 'timer', timer: { action: 'start', minutes: Math.min(180, Math.max(1, Number(minutes) || 5)) } })}>
            Start timer
          </button>
          <button type="button" className="button" disabled={settings.timerEndsAt === undefined} onClick={() => onCommand({ command: 'timer', timer: { action: 'pause' } })}>
            Pause
          </button>
          <button type="button" className="button" disabled={settings.timerPausedMs === undefined} onClick={() => onCommand({ command: 'timer', timer: { action: 'resume' } })}>
            Resume
          </button>
        </div>
        <div className="live__actions">
          <button type="button" className="button button--primary" onClick={() => onCommand({ command: 'reveal-votes' })}>
            Reveal votes
          </button>
          <button type="button" className="button" onClick={() => onCommand({ command: 'reveal-scores' })}>
            Reveal scores
          </button>
          <button type="button" className="button" disabled={!settings.areVotesRevealed && !settings.areScoresRevealed} onClick={() => onCommand({ command: 'reopen' })}>
            Hide results and reopen voting
          </button>
          <button type="button" className="button" disabled={(results.votes ?? []).length === 0} onClick={() => onCommand({ command: 'rank', order: (results.votes ?? []).map((tally) => tally.bucketId) })}>
            Rank by votes
          </button>
          {results.late.length > 0 && (
            <button type="button" className="button" onClick={() => onCommand({ command: 'retally' })}>
              {results.late.length} late {results.late.length === 1 ? 'ballot' : 'ballots'}: count again
            </button>
          )}
        </div>
        <Roster state={state} onCommand={onCommand} />
        {results.votes && (
          <ol className="tallies" aria-label="Live vote results">
            {results.votes.map((tally) => (
              <li key={tally.bucketId} className={`tallies__row${tally.dots === 0 ? ' tallies__row--zero' : ''}`}>
                <span className="tallies__title">{titles.get(tally.bucketId)}</span>
                <span className="tallies__count">
                  {tally.dots} {tally.dots === 1 ? 'dot' : 'dots'}
                </span>
              </li>
            ))}
          </ol>
        )}
        {settings.ranking.length > 0 && (
          <p className="muted" aria-label="Live ranking">
            Ranking: {settings.ranking.map((id, index) => `${index + 1}. ${titles.get(id) ?? ''}`).join('  ')}
          </p>
        )}
        <button
          type="button"
          className="button button--danger"
          disabled={isEnding}
          onClick={() => {
            if (!window.confirm('End the live workshop? The code stops working, participants are disconnected, and the outcome is saved to this round.')) return;
            setIsEnding(true);
            void onEnd().finally(() => setIsEnding(false));
          }}
        >
          End the workshop and save
        </button>
      </div>
    </div>
  );
}

function Roster({ state, onCommand }: { readonly state: LiveState; readonly onCommand: (command: LiveCommand) => void }) {
  return (
    <section aria-label="Room roster">
      <h4>
        Participants ({state.roster.filter((entry) => entry.isOnline).length} connected of {state.roster.length})
      </h4>
      <ul className="live__roster">
        {state.roster.map((entry) => (
          <li key={entry.id} className="live__person">
            <span>{entry.name}</span>
            <span className={entry.isOnline ? 'badge badge--ok' : 'badge badge--neutral'}>{entry.isOnline ? 'connected' : 'offline'}</span>
            {entry.hasVoted && <span className="badge badge--neutral">voted</span>}
            {entry.hasScored && <span className="badge badge--neutral">scored</span>}
            {entry.hasJoined && (
              // A person whose device died rejoins under their name once the seat is free; the old device loses it.
              <button type="button" className="button button--small" aria-label={`Release ${entry.name}’s seat`} title="Free this name so its owner can rejoin from another device" onClick={() => onCommand({ command: 'release-seat', participantId: entry.id })}>
                Release seat
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
