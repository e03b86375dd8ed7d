import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { VISION_YEAR_NUMBERS, type Vision, type VisionTheme, type VisionYearNumber } from '../../../shared/domain/artifact';
import type { VisionYearChanges } from '../../../shared/domain/apply-artifact-changes';
import { EMPTY_RICH_TEXT_DOC, type RichTextDoc } from '../../../shared/domain/rich-text';
import { useDatabase, useRepositories } from '../../db';
import { NoteEditor, SaveStatus, useAutosave } from '../../editor';
import { useCitationSupport } from './use-citation-support';

interface YearDraft {
  readonly year: VisionYearNumber;
  readonly themes: readonly VisionTheme[];
  readonly body: RichTextDoc;
}

const YEAR_PROMPTS: Readonly<Record<VisionYearNumber, string>> = {
  1: 'If this year went perfectly, what would users say about us?',
  2: 'What could we build on top of year 1?',
  3: 'Where could we be after three perfect years? Bounded by what is possible, not by what is reasonable.',
};

function draftOf(vision: Vision | null): readonly YearDraft[] {
  return VISION_YEAR_NUMBERS.map((year) => {
    const stored = vision?.years.find((candidate) => candidate.year === year);
    return { year, themes: stored?.themes ?? [], body: stored?.body ?? EMPTY_RICH_TEXT_DOC };
  });
}

/** The optimistic three-year vision: themes per year that initiatives point at, and rich text with citations. */
export function VisionView({ roundId }: { readonly roundId: string }) {
  const { artifacts } = useRepositories();
  const stored = useLiveQuery(async () => (await artifacts.getVision(roundId)) ?? null, [artifacts, roundId]);
  if (stored === undefined) return <p className="muted" role="status">Opening the vision…</p>;
  return <VisionForm key={roundId} roundId={roundId} initial={stored} />;
}

function VisionForm({ roundId, initial }: { readonly roundId: string; readonly initial: Vision | null }) {
  const { artifacts } = useRepositories();
  const { isReadOnly } = useDatabase();
  const [initialDraft] = useState(() => draftOf(initial));
  const [draft, setDraft] = useState<readonly YearDraft[]>(initialDraft);
  const save = useCallback(async (value: readonly VisionYearChanges[]) => void (await artifacts.saveVision(roundId, value)), [artifacts, roundId]);
  const autosave = useAutosave({ value: draft, save, key: roundId, isEnabled: !isReadOnly });
  const docs = useMemo(() => draft.map((year) => year.body), [draft]);
  const citations = useCitationSupport(docs);

  const updateYear = (year: VisionYearNumber, change: Partial<YearDraft>) =>
    setDraft((current) => current.map((entry) => (entry.year === year ? { ...entry, ...change } : entry)));

  return (
    <section className="artifact" aria-labelledby="vision-title">
      <header className="artifact__header">
        <div>
          <h2 id="vision-title" className="artifact__title">
            Three-year vision
          </h2>
          <p className="muted artifact__summary">Where could the team be if everything went perfectly for three years? Themes are what vision initiatives on the board point at.</p>
        </div>
        <SaveStatus status={autosave.status} error={autosave.error} onRetry={() => void autosave.retry()} />
      </header>
      <div className="vision__years">
        {draft.map((year) => (
          <section key={year.year} className="panel vision__year" aria-labelledby={`vision-year-${year.year}`}>
            <h3 id={`vision-year-${year.year}`} className="artifact__section-title">
              Year {year.year}
            </h3>
            <ThemeList year={year.year} themes={year.themes} isReadOnly={isReadOnly} onChange={(themes) => updateYear(year.year, { themes })} />
            <NoteEditor
              content={initialDraft.find((entry) => entry.year === year.year)?.body ?? EMPTY_RICH_TEXT_DOC}
              documentKey={`${roundId}:year-${year.year}`}
              ariaLabel={`Year ${year.year}`}
              placeholder={YEAR_PROMPTS[year.year]}
              isReadOnly={isReadOnly}
              citations={citations}
              onChange={(body) => updateYear(year.year, { body })}
            />
          </section>
        ))}
      </div>
    </section>
  );
}

interface ThemeListProps {
  readonly year: VisionYearNumber;
  readonly themes: readonly VisionTheme[];
  readonly isReadOnly: boolean;
  readonly onChange: (themes: readonly VisionTheme[]) => void;
}

function ThemeList({ year, themes, isReadOnly, onChange }: ThemeListProps) {
  const [newTitle, setNewTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const title = newTitle.replace(/\s+/g, ' ').trim();
    if (title === '') {
      setProblem('Write the theme first.');
      return;
    }
    setProblem(null);
    onChange([...themes, { id: crypto.randomUUID(), title }]);
    setNewTitle('');
  };

  return (
    <div className="vision__themes">
      <h4 className="field__label">Themes</h4>
      {themes.length === 0 ? (
        <p className="muted vision__no-themes">No themes yet.</p>
      ) : (
        <ul className="vision__theme-list" aria-label={`Year ${year} themes`}>
          {themes.map((theme, index) => (
            <li key={theme.id} className="vision__theme">
              <input
                aria-label={`Year ${year} theme ${index + 1}`}
                value={theme.title}
                readOnly={isReadOnly}
                aria-invalid={theme.title.trim() === ''}
                onChange={(event) => onChange(themes.map((candidate) => (candidate.id === theme.id ? { ...candidate, title: event.target.value } : candidate)))}
              />
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Remove theme “${theme.title}”`}
                disabled={isReadOnly}
                onClick={() => onChange(themes.filter((candidate) => candidate.id !== theme.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {!isReadOnly && (
        <form className="vision__add-theme" onSubmit={add}>
          <input aria-label={`New theme for year ${year}`} placeholder="Add a theme…" value={newTitle} onChange={(event) => setNewTitle(event.target.value)} />
          <button type="submit" className="button button--small">
            Add theme
          </button>
        </form>
      )}
      {problem !== null && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
