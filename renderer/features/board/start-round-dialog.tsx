import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { CHANNELS, type Channel } from '../../../shared/domain/channel';
import { roundTitleProblem, type RoundFilter } from '../../../shared/domain/round';
import { fromDateInputValue } from '../../components/format-date';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useRepositories, type SnapshotPreview } from '../../db';
import { userMessage } from '../../errors/user-message';

interface StartRoundDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

const END_OF_DAY_MS = 12 * 3_600_000 - 1;

/** Chooses what a new round freezes (dates, channel, tag, team), with a live count, and starts it. */
export function StartRoundDialog({ isOpen, onClose }: StartRoundDialogProps) {
  const { rounds, notes } = useRepositories();
  const navigate = useNavigate();
  const dialogRef = useModalDialog(isOpen);
  const id = useId();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [tag, setTag] = useState('');
  const [team, setTeam] = useState('');
  // What becomes a card: whole notes with their highlights, whole notes only, or the highlights only.
  const [cardsFrom, setCardsFrom] = useState<'both' | 'notes' | 'highlights'>('both');
  const includeHighlights = cardsFrom !== 'notes';
  const [counted, setCounted] = useState<{ readonly filter: RoundFilter; readonly preview: SnapshotPreview } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isTitleTouched, setTitleTouched] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const tags = useLiveQuery(() => (isOpen ? notes.distinctValues('tags') : Promise.resolve([])), [notes, isOpen]) ?? [];
  const teams = useLiveQuery(() => (isOpen ? notes.distinctValues('teams') : Promise.resolve([])), [notes, isOpen]) ?? [];

  const fromMs = from === '' ? undefined : (fromDateInputValue(from) ?? undefined);
  const toDay = to === '' ? undefined : (fromDateInputValue(to) ?? undefined);
  const toMs = toDay === undefined ? undefined : toDay + END_OF_DAY_MS;
  const dateProblem = fromMs !== undefined && toMs !== undefined && fromMs > toMs ? 'The start date is after the end date.' : null;
  const filter = useMemo<RoundFilter>(
    () => ({
      // Dates are stored at local noon; the range covers the whole of both days.
      ...(fromMs === undefined ? {} : { from: fromMs - 12 * 3_600_000 }),
      ...(toMs === undefined ? {} : { to: toMs }),
      ...(channel === '' ? {} : { channel }),
      ...(tag.trim() === '' ? {} : { tag: tag.trim() }),
      ...(team.trim() === '' ? {} : { team: team.trim() }),
    }),
    [fromMs, toMs, channel, tag, team],
  );

  // Counting walks the matches, so wait for typing to pause.
  useEffect(() => {
    if (!isOpen || dateProblem) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void rounds.preview(filter).then((preview) => {
        if (isCurrent) setCounted({ filter, preview });
      });
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [rounds, filter, isOpen, dateProblem]);

  const preview = counted?.filter === filter ? counted.preview : null;
  const titleProblem = roundTitleProblem(title);
  const close = () => {
    setProblem(null);
    setTitleTouched(false);
    onClose();
  };

  const start = async () => {
    setTitleTouched(true);
    if (titleProblem || dateProblem) return;
    setBusy(true);
    setProblem(null);
    try {
      const round = await rounds.start({ title, filter, includeHighlights, highlightsOnly: cardsFrom === 'highlights' });
      setTitle('');
      close();
      void navigate(`/board/${round.id}`);
    } catch (caught) {
      setProblem(userMessage(caught, 'starting the round'));
    } finally {
      setBusy(false);
    }
  };

  const count =
    preview === null
      ? 'Counting…'
      : cardsFrom === 'highlights'
        ? `${preview.highlights.toLocaleString()} ${preview.highlights === 1 ? 'highlight' : 'highlights'} (from ${preview.notes.toLocaleString()} matching ${preview.notes === 1 ? 'note' : 'notes'}) will be frozen into this round.`
        : `${preview.notes.toLocaleString()} ${preview.notes === 1 ? 'note' : 'notes'}${includeHighlights ? ` and ${preview.highlights.toLocaleString()} ${preview.highlights === 1 ? 'highlight' : 'highlights'}` : ''} will be frozen into this round.`;

  return (
    <dialog ref={dialogRef} className="dialog start-round" aria-labelledby={`${id}-heading`} onClose={close}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <h2 id={`${id}-heading`}>Start a prioritization round</h2>
        <p className="muted">The round keeps a frozen copy of the matching notes and highlights. Later discovery changes do not touch it.</p>
        <label className="field">
          <span className="field__label">Round title</span>
          <input
            autoFocus
            value={title}
            aria-invalid={isTitleTouched && titleProblem !== null}
            aria-describedby={`${id}-title-problem`}
            onChange={(event) => setTitle(event.target.value)}
            onBlur={() => setTitleTouched(true)}
          />
        </label>
        <p id={`${id}-title-problem`} className="field__problem" role={isTitleTouched && titleProblem ? 'alert' : undefined}>
          {isTitleTouched ? titleProblem : null}
        </p>
        <fieldset className="start-round__filters">
          <legend className="field__label">Which notes</legend>
          <label className="field">
            <span className="field__label">From</span>
            <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">To</span>
            <input type="date" value={to} aria-invalid={dateProblem !== null} onChange={(event) => setTo(event.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Channel</span>
            <select value={channel} onChange={(event) => setChannel(event.target.value === '' ? '' : (CHANNELS.find((item) => item.id === event.target.value)?.id ?? ''))}>
              <option value="">Every channel</option>
              {CHANNELS.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Tag</span>
            <input value={tag} list={`${id}-tags`} placeholder="Any tag" onChange={(event) => setTag(event.target.value)} />
            <datalist id={`${id}-tags`}>
              {tags.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span className="field__label">Team</span>
            <input value={team} list={`${id}-teams`} placeholder="Any team" onChange={(event) => setTeam(event.target.value)} />
            <datalist id={`${id}-teams`}>
              {teams.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </label>
        </fieldset>
        <fieldset className="start-round__cards">
          <legend className="field__label">Cards</legend>
          <label className="checkbox">
            <input type="radio" name={`${id}-cards`} checked={cardsFrom === 'both'} onChange={() => setCardsFrom('both')} />
            Each note, and each highlight as a card of its own
          </label>
          <label className="checkbox">
            <input type="radio" name={`${id}-cards`} checked={cardsFrom === 'notes'} onChange={() => setCardsFrom('notes')} />
            Whole notes only
          </label>
          <label className="checkbox">
            <input type="radio" name={`${id}-cards`} checked={cardsFrom === 'highlights'} onChange={() => setCardsFrom('highlights')} />
            Highlights only (the evidence already picked out)
          </label>
        </fieldset>
        <p className="start-round__count" role="status" aria-live="polite">
          {dateProblem ?? count}
        </p>
        {problem && (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy || preview?.notes === 0 || (cardsFrom === 'highlights' && preview?.highlights === 0)}>
            {isBusy ? 'Starting…' : 'Start round'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
