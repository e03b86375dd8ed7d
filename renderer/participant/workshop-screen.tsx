import { useEffect, useMemo, useState } from 'react';
import { cleanBallot, dotsUsed, type Ballot } from '../../shared/live-workshop/ballot';
import {
  readBuckets,
  readCards,
  readPlacements,
  readRawBallot,
  readResults,
  readRoster,
  readSettings,
  type LiveBucket,
  type LiveSettings,
  type RevealedResults,
  type RosterEntry,
} from '../../shared/live-workshop/live-doc-content';
import type { LiveCard } from '../../shared/live-workshop/live-workshop-input';
import { LIVE_PHASE_LABELS } from '../../shared/live-workshop/live-documents';
import { timeLeft } from '../../shared/live-workshop/live-timer';
import { GroupingView } from './grouping-view';
import { BallotView, ResultsView, ScoreSheetView } from './ballot-views';
import { measureClockOffset, type ParticipantSession } from './participant-session';
import { useLiveWorkshop } from './use-live-workshop';

const REFUSALS: Readonly<Record<string, string>> = {
  'workshop-ended': 'The workshop has ended. Thank you for taking part.',
  'invalid-token': 'This device’s seat is no longer valid. Join again with the code on the projector.',
  'seat-released': 'The facilitator released your name for another device. Join again with the code on the projector.',
};

export function WorkshopScreen({ session, onRefused }: { readonly session: ParticipantSession; readonly onRefused: (message: string) => void }) {
  const live = useLiveWorkshop(session);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    void measureClockOffset().then(setOffset, () => undefined);
  }, []);
  useEffect(() => {
    if (live.refusal !== null) onRefused(REFUSALS[live.refusal] ?? 'The workshop server did not accept this device. Join again with the code on the projector.');
  }, [live.refusal, onRefused]);

  const { version } = live;
  const view = useMemo((): View & { readonly version: number } => {
    const settings = readSettings(live.control);
    const buckets = readBuckets(live.board);
    const bucketIds = buckets.map((bucket) => bucket.id);
    return {
      version,
      settings,
      buckets,
      cards: readCards(live.control),
      placements: readPlacements(live.board, new Set(bucketIds)),
      roster: readRoster(live.control),
      results: readResults(live.control),
      ballot: cleanBallot(readRawBallot(live.ballot), bucketIds, settings.budget),
    };
  }, [live.control, live.board, live.ballot, version]);
  const { settings } = view;

  if (settings.isEnded) return <p className="panel">The workshop has ended. Thank you for taking part.</p>;
  const isLoaded = settings.title !== '';
  return (
    <div className="participant__workshop">
      <header className="participant__header">
        <div>
          <p className="participant__title">{settings.title || 'Workshop'}</p>
          <h1 className="participant__phase">{isLoaded ? LIVE_PHASE_LABELS[settings.phase] : 'Connecting…'}</h1>
        </div>
        <Timer endsAt={settings.timerEndsAt} pausedMs={settings.timerPausedMs} offset={offset} />
        <p className={`participant__status participant__status--${live.status}`} role="status">
          {session.name} · {live.status === 'connected' ? (live.unsynced > 0 ? 'Saving…' : 'Connected') : live.status === 'connecting' ? 'Connecting…' : 'Offline: your changes stay on this device and sync when you are back'}
        </p>
      </header>
      {isLoaded && <PhaseView session={session} live={live} view={view} />}
      <Roster roster={view.roster} phase={settings.phase} />
    </div>
  );
}

interface View {
  readonly settings: LiveSettings;
  readonly buckets: readonly LiveBucket[];
  readonly cards: readonly LiveCard[];
  readonly placements: ReadonlyMap<string, string | null>;
  readonly roster: ReadonlyMap<string, RosterEntry>;
  readonly results: RevealedResults;
  readonly ballot: Ballot;
}

function PhaseView({ session, live, view }: { readonly session: ParticipantSession; readonly live: ReturnType<typeof useLiveWorkshop>; readonly view: View }) {
  const { settings } = view;
  if (settings.phase === 'silent-review') {
    return (
      <ul className="participant__cards" aria-label="Cards to read">
        {view.cards.map((card) => (
          <li key={card.id} className="live-card">
            <p className="live-card__title">{card.title}</p>
            <p className="live-card__text">{card.excerpt}</p>
            <p className="live-card__meta">
              {card.channel} · {card.people}
            </p>
          </li>
        ))}
      </ul>
    );
  }
  if (settings.phase === 'grouping') return <GroupingView board={live.board} cards={view.cards} buckets={view.buckets} placements={view.placements} author={session.participantId} />;
  if (settings.phase === 'dot-voting') {
    return settings.areVotesRevealed ? <ResultsView buckets={view.buckets} results={view.results} /> : <BallotView ballotDoc={live.ballot} buckets={view.buckets} ballot={view.ballot} budget={settings.budget} used={dotsUsed(view.ballot)} />;
  }
  if (settings.phase === 'scoring') {
    return settings.areScoresRevealed ? <ResultsView buckets={view.buckets} results={view.results} showSpreads /> : <ScoreSheetView ballotDoc={live.ballot} buckets={view.buckets} ballot={view.ballot} />;
  }
  const order = settings.phase === 'ranking' && settings.ranking.length > 0 ? settings.ranking : (view.results.votes ?? []).map((tally) => tally.bucketId);
  return <ResultsView buckets={view.buckets} results={view.results} order={order} heading={settings.phase === 'ranking' ? 'Ranking' : 'Discussion'} />;
}

function Timer({ endsAt, pausedMs, offset }: { readonly endsAt: number | undefined; readonly pausedMs: number | undefined; readonly offset: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  const left = timeLeft({ endsAt, pausedMs }, now, offset);
  if (left === null) return null;
  const seconds = Math.ceil(left / 1000);
  return (
    <p className="participant__timer" role="timer" aria-label="Time left">
      {left <= 0 ? 'Time is up' : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}
      {endsAt === undefined && ' (paused)'}
    </p>
  );
}

function Roster({ roster, phase }: { readonly roster: View['roster']; readonly phase: View['settings']['phase'] }) {
  if (phase !== 'dot-voting' && phase !== 'scoring') return null;
  const entries = [...roster.values()];
  const done = entries.filter((entry) => (phase === 'dot-voting' ? entry.hasVoted : entry.hasScored));
  return (
    <p className="participant__roster muted" aria-label="Who has voted">
      {done.length} of {entries.length} {phase === 'dot-voting' ? 'have voted' : 'have scored'}
      {done.length > 0 ? `: ${done.map((entry) => entry.name).join(', ')}` : ''}
    </p>
  );
}
