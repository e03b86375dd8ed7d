import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { CHARTER_SECTIONS, type Charter, type CharterSectionKey } from '../../../shared/domain/artifact';
import { EMPTY_RICH_TEXT_DOC, type RichTextDoc } from '../../../shared/domain/rich-text';
import { useDatabase, useRepositories } from '../../db';
import { NoteEditor, SaveStatus, useAutosave } from '../../editor';
import { useCitationSupport } from './use-citation-support';

type CharterDraft = Readonly<Record<CharterSectionKey, RichTextDoc>>;

const EMPTY_DRAFT = Object.fromEntries(CHARTER_SECTIONS.map(({ key }) => [key, EMPTY_RICH_TEXT_DOC])) as CharterDraft;

/** The round's charter: unique value, competitive advantages and strategy, each rich text with citations. */
export function CharterView({ roundId }: { readonly roundId: string }) {
  const { artifacts } = useRepositories();
  const stored = useLiveQuery(async () => (await artifacts.getCharter(roundId)) ?? null, [artifacts, roundId]);
  if (stored === undefined) return <p className="muted" role="status">Opening the charter…</p>;
  return <CharterForm key={roundId} roundId={roundId} initial={stored} />;
}

function CharterForm({ roundId, initial }: { readonly roundId: string; readonly initial: Charter | null }) {
  const { artifacts } = useRepositories();
  const { isReadOnly } = useDatabase();
  const [draft, setDraft] = useState<CharterDraft>(() => initial?.sections ?? EMPTY_DRAFT);
  const save = useCallback(async (value: CharterDraft) => void (await artifacts.saveCharter(roundId, value)), [artifacts, roundId]);
  const autosave = useAutosave({ value: draft, save, key: roundId, isEnabled: !isReadOnly });
  const docs = useMemo(() => CHARTER_SECTIONS.map(({ key }) => draft[key]), [draft]);
  const citations = useCitationSupport(docs);

  return (
    <section className="artifact" aria-labelledby="charter-title">
      <header className="artifact__header">
        <div>
          <h2 id="charter-title" className="artifact__title">
            Charter
          </h2>
          <p className="muted artifact__summary">The unique value the team provides, its competitive advantages and its strategy. Cite the evidence with Ctrl/Cmd+Shift+C.</p>
        </div>
        <SaveStatus status={autosave.status} error={autosave.error} onRetry={() => void autosave.retry()} />
      </header>
      {CHARTER_SECTIONS.map(({ key, title, prompt }) => (
        <div key={key} className="artifact__section">
          <h3 className="artifact__section-title" id={`charter-${key}`}>
            {title}
          </h3>
          <NoteEditor
            content={initial?.sections[key] ?? EMPTY_RICH_TEXT_DOC}
            documentKey={`${roundId}:${key}`}
            ariaLabel={title}
            placeholder={prompt}
            isReadOnly={isReadOnly}
            citations={citations}
            onChange={(doc) => setDraft((current) => ({ ...current, [key]: doc }))}
          />
        </div>
      ))}
    </section>
  );
}
