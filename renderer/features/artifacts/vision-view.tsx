import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type FormEvent } from 'react';
import type { Vision, VisionTheme, VisionYearNumber } from '../../../shared/domain/artifact';
import { useDatabase, useRepositories, visionForm, type VisionYearDraft } from '../../db';
import { NoteEditor } from '../../editor';
import { SaveStatus, useFormSave } from '../../forms';
import { useCitationSupport } from './use-citation-support';

const YEAR_PROMPTS: Readonly<Record<VisionYearNumber, string>> = {
  1: 'If this year went perfectly, what would users say about us?',
  2: 'What could we build on top of year 1?',
  3: 'Where could we be after three perfect years? Bounded by what is possible, not by what is reasonable.',
};

/** The optimistic three-year vision: themes per year that initiatives point at, and rich text with citations. */
export function VisionView({ roundId }: { readonly roundId: string }) {
  const { artifacts } = useRepositories();
  const stored = useLiveQuery(async () => (await artifacts.getVision(roundId)) ?? null, [artifacts, roundId]);
  if (stored === undefined) return <p className="muted" role="status">Opening the vision…</p>;
  return <VisionForm key={roundId} roundId={roundId} initial={stored} />;
}

function VisionForm({ roundId, initial }: { readonly roundId: string; readonly initial: Vision | null }) {
  const { isReadOnly } = useDatabase();
  const form = useFormSave({ store: visionForm, id: roundId, initial: initial ?? undefined });
  const draft = form.value;
  const docs = useMemo(() => draft.map((year) => year.body), [draft]);
  const citations = useCitationSupport(docs);

  const updateYear = (year: VisionYearNumber, change: Partial<VisionYearDraft>) =>
    form.update((current) => current.map((entry) => (entry.year === year ? { ...entry, ...change } : entry)));

  return (
    <section className="artifact" aria-labelledby="vision-title">
      <header className="artifact__header">
        <div>
          <h2 id="vision-title" className="artifact__title">
            Three-year vision
          </h2>
          <p className="muted artifact__summary">Where could the team be if everything went perfectly for three years? Themes are what vision initiatives on the board point at.</p>
        </div>
        <SaveStatus form={form} />
      </header>
      <div className="vision__years">
        {draft.map((year) => (
          <section key={year.year} className="panel vision__year" aria-labelledby={`vision-year-${year.year}`}>
            <h3 id={`vision-year-${year.year}`} className="artifact__section-title">
              Year {year.year}
            </h3>
            <ThemeList year={year.year} themes={year.themes} isReadOnly={isReadOnly} onChange={(themes) => updateYear(year.year, { themes })} />
            <NoteEditor
              content={year.body}
              documentKey={`${roundId}:year-${year.year}:${form.revision}`}
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
