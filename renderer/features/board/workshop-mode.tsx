import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Card, PainBucket, Vote } from '../../../shared/domain/board';
import type { Round } from '../../../shared/domain/round';
import {
  dotsLeft,
  participantNameProblem,
  tallyVotes,
  voteBudgetProblem,
  WORKSHOP_PHASE_LABELS,
  WORKSHOP_PHASES,
  type Workshop,
  type WorkshopPhase,
} from '../../../shared/domain/workshop';
import { ChannelBadge } from '../../components/channel-badge';
import { useRepositories, workshopVotesForm } from '../../db';
import { SaveStatus, useFormSave } from '../../forms';
import { BoardView } from './board-view';
import { FullScreenButton } from './full-screen-button';
import { LiveWorkshopPanel } from './live-workshop-panel';
import { RankingView } from './ranking-view';
import type { BoardUndo } from './use-board-undo';
import { userMessage } from '../../errors/user-message';

const NO_VOTES: readonly Vote[] = [];
const NO_BUCKETS: readonly PainBucket[] = [];
const NO_CARDS: readonly Card[] = [];
const REVIEW_LIMIT = 60;

/** Full-screen mode for a room with one laptop on a projector: phases, a timer, participants and hidden dot votes. */
export function WorkshopMode({ round, undo }: { readonly round: Round; readonly undo: BoardUndo }) {
  const { board } = useRepositories();
  const workshop = useLiveQuery(async () => (await board.getWorkshop(round.id)) ?? null, [board, round.id]);
  const [problem, setProblem] = useState<string | null>(null);
  const [isLive, setIsLive] = useState(false);
  if (workshop === undefined) return null;
  return (
    <div className="workshop" role="region" aria-label="Workshop mode">
      <div className="workshop__top">
        <div>
          <p className="workshop__round">{round.title}</p>
          <h2 className="workshop__title">Workshop</h2>
        </div>
        <div className="workshop__top-actions">
          {workshop !== null && !isLive && (
            <button type="button" className="button button--primary" onClick={() => setIsLive(true)}>
              Run live
            </button>
          )}
          <FullScreenButton onProblem={setProblem} />
          <Link className="button" to={`/board/${round.id}`}>
            Leave workshop
          </Link>
        </div>
      </div>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {workshop === null ? (
        <div className="empty-pane panel">
          <p className="empty-pane__title">No workshop for this round yet</p>
          <p>The session (participants, phase, timer and votes) is saved with the round, so it can be resumed later.</p>
          <p>
            <button type="button" className="button button--primary" onClick={() => void board.openWorkshop(round.id).catch((caught: unknown) => setProblem(userMessage(caught, 'opening the workshop')))}>
              Start the workshop
            </button>
          </p>
        </div>
      ) : isLive ? (
        <LiveWorkshopPanel round={round} workshop={workshop} onLeave={() => setIsLive(false)} />
      ) : (
        <WorkshopSession round={round} workshop={workshop} undo={undo} onProblem={setProblem} />
      )}
    </div>
  );
}

interface SessionProps {
  readonly round: Round;
  readonly workshop: Workshop;
  readonly undo: BoardUndo;
  readonly onProblem: (problem: string | null) => void;
}

function WorkshopSession({ round, workshop, undo, onProblem }: SessionProps) {
  const { board } = useRepositories();
  const votes = useLiveQuery(() => board.listVotes(round.id), [board, round.id]) ?? NO_VOTES;
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]) ?? NO_BUCKETS;
  const cards = useLiveQuery(() => board.listCards(round.id), [board, round.id]) ?? NO_CARDS;
  const tallies = useMemo(() => tallyVotes(buckets.map((bucket) => bucket.id), votes), [buckets, votes]);
  const dotsByBucket = useMemo(() => (workshop.areVotesRevealed ? new Map(tallies.map((tally) => [tally.bucketId, tally.dots])) : undefined), [tallies, workshop.areVotesRevealed]);
  const update = (changes: Parameters<typeof board.updateWorkshop>[1]) =>
    board.updateWorkshop(workshop.id, changes).then(
      () => onProblem(null),
      (caught: unknown) => onProblem(userMessage(caught, 'running the workshop')),
    );

  // The ranking phase opens on the revealed votes: an unranked round is ranked by dots (undoable), most first.
  const choosePhase = async (phase: WorkshopPhase) => {
    await update({ phase, timerEndsAt: undefined, timerPausedMs: undefined });
    if (phase === 'ranking' && workshop.areVotesRevealed && buckets.length > 0 && buckets.every((bucket) => bucket.rank === undefined)) {
      await undo.perform(() => board.rankBuckets(round.id, tallies.map((tally) => tally.bucketId), 'Ranked by votes'));
    }
  };

  return (
    <div className="workshop__body">
      <nav className="workshop__phases" aria-label="Workshop phases">
        {WORKSHOP_PHASES.map((phase, index) => (
          <button
            key={phase}
            type="button"
            className="workshop__phase"
            aria-current={workshop.phase === phase ? 'step' : undefined}
            onClick={() => void choosePhase(phase)}
          >
            <span className="workshop__phase-number">{index + 1}</span> {WORKSHOP_PHASE_LABELS[phase]}
          </button>
        ))}
      </nav>
      <div className="workshop__columns">
        <section className="workshop__stage" aria-label={WORKSHOP_PHASE_LABELS[workshop.phase]}>
          {workshop.phase === 'silent-review' && <SilentReview cards={cards} />}
          {workshop.phase === 'grouping' && <BoardView round={round} undo={undo} />}
          {workshop.phase === 'dot-voting' && <DotVoting round={round} workshop={workshop} buckets={buckets} votes={votes} onProblem={onProblem} onReveal={(areVotesRevealed) => void update({ areVotesRevealed })} />}
          {workshop.phase === 'discussion' && <Discussion buckets={buckets} tallies={workshop.areVotesRevealed ? tallies : null} />}
          {workshop.phase === 'ranking' && <RankingView round={round} undo={undo} initialOrder="votes" {...(dotsByBucket === undefined ? {} : { dotsByBucket })} />}
        </section>
        <aside className="workshop__side" aria-label="Room">
          <PhaseTimer workshop={workshop} onChange={(changes) => void update(changes)} />
          <Participants workshop={workshop} onProblem={onProblem} />
        </aside>
      </div>
    </div>
  );
}

function SilentReview({ cards }: { readonly cards: readonly Card[] }) {
  return (
    <div className="workshop__review">
      <p className="muted">Read the cards in silence; no discussion yet.</p>
      <ul className="workshop__review-grid" aria-label="Cards to read">
        {cards.slice(0, REVIEW_LIMIT).map((card) => (
          <li key={card.id} className="workshop__review-card">
            <ChannelBadge channel={card.snapshot.channel} />
            <p className="workshop__review-title">{card.snapshot.title}</p>
            <p className="workshop__review-text">{card.snapshot.excerpt}</p>
          </li>
        ))}
      </ul>
      {cards.length > REVIEW_LIMIT && <p className="muted">And {(cards.length - REVIEW_LIMIT).toLocaleString()} more on the board.</p>}
    </div>
  );
}

interface DotVotingProps {
  readonly round: Round;
  readonly workshop: Workshop;
  readonly buckets: readonly PainBucket[];
  readonly votes: readonly Vote[];
  readonly onProblem: (problem: string | null) => void;
  readonly onReveal: (isRevealed: boolean) => void;
}

function DotVoting({ round, workshop, buckets, votes, onProblem, onReveal }: DotVotingProps) {
  const { board } = useRepositories();
  const [voterId, setVoterId] = useState<string | null>(null);
  const voter = workshop.participants.find((participant) => participant.id === voterId) ?? null;
  const budget = workshop.votesPerParticipant;
  const tallies = useMemo(() => tallyVotes(buckets.map((bucket) => bucket.id), votes), [buckets, votes]);
  const titles = new Map(buckets.map((bucket) => [bucket.id, bucket.title]));
  const id = useId();

  if (workshop.participants.length === 0) return <p className="muted">Add the people in the room first (on the right); each gets {budget} dots.</p>;
  if (buckets.length === 0) return <p className="muted">There are no pain buckets to vote on yet; group cards first.</p>;

  if (workshop.areVotesRevealed) {
    return (
      <div className="dot-voting">
        <h3>Votes revealed</h3>
        <ol className="tallies" aria-label="Vote results">
          {tallies.map((tally) => (
            <li key={tally.bucketId} className={`tallies__row${tally.dots === 0 ? ' tallies__row--zero' : ''}`}>
              <span className="tallies__title">{titles.get(tally.bucketId)}</span>
              <span className="tallies__dots" aria-hidden="true">
                {'●'.repeat(Math.min(tally.dots, 40))}
              </span>
              <span className="tallies__count">
                {tally.dots} {tally.dots === 1 ? 'dot' : 'dots'}
                {tally.voters > 0 ? ` from ${tally.voters} ${tally.voters === 1 ? 'person' : 'people'}` : ''}
              </span>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => onReveal(false)}>
          Hide votes and reopen voting
        </button>
      </div>
    );
  }

  const changeDots = (bucketId: string, delta: number) => {
    if (voter === null) return;
    void board.changeDots(round.id, voter.id, bucketId, delta, budget).then(
      () => onProblem(null),
      (caught: unknown) => onProblem(userMessage(caught, 'running the workshop')),
    );
  };
  const voted = new Set(votes.map((vote) => vote.participant));

  return (
    <div className="dot-voting">
      <fieldset className="dot-voting__voters">
        <legend className="field__label">Who is voting now</legend>
        {workshop.participants.map((participant) => (
          <label key={participant.id} className="checkbox dot-voting__voter">
            <input type="radio" name={`${id}-voter`} checked={voterId === participant.id} onChange={() => setVoterId(participant.id)} />
            {participant.name}
            {voted.has(participant.id) ? <span className="badge badge--neutral">has voted</span> : null}
          </label>
        ))}
      </fieldset>
      {voter === null ? (
        <p className="muted">Votes stay hidden until they are revealed together. Pass the laptop, pick your name, place your dots, then hide them for the next person.</p>
      ) : (
        <div className="dot-voting__ballot" aria-label={`${voter.name}’s dots`} role="group">
          <p className="dot-voting__left" role="status">
            {voter.name}: {dotsLeft(voter.id, votes, budget)} of {budget} dots left
          </p>
          <ul className="dot-voting__list">
            {buckets.map((bucket) => {
              const mine = votes.find((vote) => vote.participant === voter.id && vote.bucketId === bucket.id)?.dots ?? 0;
              return (
                <li key={bucket.id} className="dot-voting__row">
                  <span className="dot-voting__bucket">{bucket.title}</span>
                  <button type="button" className="button button--small" aria-label={`Remove a dot from ${bucket.title}`} disabled={mine === 0} onClick={() => changeDots(bucket.id, -1)}>
                    −
                  </button>
                  <span className="dot-voting__mine" aria-label={`${voter.name}’s dots on ${bucket.title}`}>
                    {mine}
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Add a dot to ${bucket.title}`}
                    disabled={dotsLeft(voter.id, votes, budget) === 0}
                    onClick={() => changeDots(bucket.id, 1)}
                  >
                    +
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button" onClick={() => setVoterId(null)}>
            Hide my dots
          </button>
        </div>
      )}
      <p className="muted">
        {voted.size} of {workshop.participants.length} people have voted.
      </p>
      <button type="button" className="button button--primary" onClick={() => onReveal(true)}>
        Reveal votes
      </button>
    </div>
  );
}

function Discussion({ buckets, tallies }: { readonly buckets: readonly PainBucket[]; readonly tallies: ReturnType<typeof tallyVotes> | null }) {
  const order = tallies === null ? buckets : tallies.flatMap((tally) => buckets.filter((bucket) => bucket.id === tally.bucketId));
  const dots = new Map((tallies ?? []).map((tally) => [tally.bucketId, tally.dots]));
  return (
    <div className="discussion">
      <p className="muted">{tallies === null ? 'Votes are still hidden; reveal them in Dot voting to discuss the most-voted buckets first.' : 'Most dots first; buckets nobody voted for stay on the list.'}</p>
      <ul className="discussion__list" aria-label="Buckets to discuss">
        {order.map((bucket) => (
          <li key={bucket.id} className="discussion__item">
            <p className="discussion__title">
              {bucket.title}
              {tallies !== null && <span className="discussion__dots"> · {dots.get(bucket.id) ?? 0} dots</span>}
            </p>
            <p className="discussion__statement">{bucket.statement || 'No user-pain statement yet.'}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function PhaseTimer({ workshop, onChange }: { readonly workshop: Workshop; readonly onChange: (changes: { timerEndsAt?: number | undefined; timerPausedMs?: number | undefined }) => void }) {
  const [minutes, setMinutes] = useState('5');
  const [now, setNow] = useState(() => Date.now());
  const isRunning = workshop.timerEndsAt !== undefined;
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [isRunning]);
  const remaining = workshop.timerEndsAt !== undefined ? workshop.timerEndsAt - now : (workshop.timerPausedMs ?? null);
  const minutesValue = Number(minutes);
  const isMinutesValid = Number.isFinite(minutesValue) && minutesValue > 0 && minutesValue <= 180;
  return (
    <section className="panel workshop__timer" aria-label="Phase timer">
      <p className={`workshop__clock${remaining !== null && remaining <= 0 ? ' workshop__clock--done' : ''}`} role="timer" aria-live="off">
        {remaining === null ? '–:––' : remaining <= 0 ? 'Time is up' : formatClock(remaining)}
      </p>
      <div className="workshop__timer-row">
        <label className="field">
          <span className="field__label">Minutes</span>
          <input type="number" min={1} max={180} value={minutes} aria-invalid={!isMinutesValid} onChange={(event) => setMinutes(event.target.value)} />
        </label>
        {isRunning ? (
          <button type="button" className="button" onClick={() => onChange({ timerEndsAt: undefined, timerPausedMs: Math.max(0, (workshop.timerEndsAt ?? 0) - Date.now()) })}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!isMinutesValid && workshop.timerPausedMs === undefined}
            onClick={() => onChange({ timerEndsAt: Date.now() + (workshop.timerPausedMs ?? minutesValue * 60_000), timerPausedMs: undefined })}
          >
            {workshop.timerPausedMs === undefined ? 'Start timer' : 'Resume'}
          </button>
        )}
        <button type="button" className="button button--quiet" disabled={remaining === null} onClick={() => onChange({ timerEndsAt: undefined, timerPausedMs: undefined })}>
          Reset
        </button>
      </div>
      {!isMinutesValid && <p className="field__problem">A timer runs from 1 to 180 minutes.</p>}
    </section>
  );
}

function Participants({ workshop, onProblem }: { readonly workshop: Workshop; readonly onProblem: (problem: string | null) => void }) {
  const { board } = useRepositories();
  const [name, setName] = useState('');
  const votes = useFormSave({ store: workshopVotesForm, id: workshop.roundId, initial: workshop });
  const budget = votes.value;
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const budgetProblem = voteBudgetProblem(Number(budget));
  const add = async () => {
    const problem = participantNameProblem(name, workshop.participants);
    setNameProblem(problem);
    if (problem) return;
    try {
      await board.addParticipant(workshop.id, name);
      setName('');
    } catch (caught) {
      onProblem(userMessage(caught, 'running the workshop'));
    }
  };
  return (
    <section className="panel workshop__people" aria-label="Participants">
      <h3>Participants</h3>
      {workshop.participants.length === 0 ? <p className="muted">Nobody added yet.</p> : null}
      <ul className="workshop__names">
        {workshop.participants.map((participant) => (
          <li key={participant.id}>{participant.name}</li>
        ))}
      </ul>
      <form
        className="workshop__add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input aria-label="Participant name" placeholder="Name" value={name} aria-invalid={nameProblem !== null} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button">
          Add participant
        </button>
      </form>
      {nameProblem && (
        <p className="field__problem" role="alert">
          {nameProblem}
        </p>
      )}
      <label className="field">
        <span className="field__label">Dots per participant</span>
        <input
          type="number"
          min={1}
          max={50}
          value={budget}
          aria-invalid={budgetProblem !== null}
          onChange={(event) => {
            const typed = event.target.value;
            votes.update(() => typed);
          }}
        />
      </label>
      <SaveStatus form={votes} />
    </section>
  );
}
