import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { CHARTER_SECTIONS, type Charter } from '../../../shared/domain/artifact';
import { charterForm, useDatabase, useRepositories } from '../../db';
import { NoteEditor } from '../../editor';
import { SaveStatus, useFormSave } from '../../forms';
import { useCitationSupport } from './use-citation-support';

/** The round's charter: unique value, competitive advantages and strategy, each rich text with citations. */
export function CharterView({ roundId }: { readonly roundId: string }) {
  const { artifacts } = useRepositories();
  const stored = useLiveQuery(async () => (await artifacts.getCharter(roundId)) ?? null, [artifacts, roundId]);
  if (stored === undefined) return <p className="muted" role="status">Opening the charter…</p>;
  return <CharterForm key={roundId} roundId={roundId} initial={stored} />;
}

function CharterForm({ roundId, initial }: { readonly roundId: string; readonly initial: Charter | null }) {
  const { isReadOnly } = useDatabase();
  const form = useFormSave({ store: charterForm, id: roundId, initial: initial ?? undefined });
  const draft = form.value;
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
        <SaveStatus form={form} />
      </header>
      {CHARTER_SECTIONS.map(({ key, title, prompt }) => (
        <div key={key} className="artifact__section">
          <h3 className="artifact__section-title" id={`charter-${key}`}>
            {title}
          </h3>
          <NoteEditor
            content={draft[key]}
            documentKey={`${roundId}:${key}:${form.revision}`}
            ariaLabel={title}
            placeholder={prompt}
            isReadOnly={isReadOnly}
            citations={citations}
            onChange={(doc) => form.update((current) => ({ ...current, [key]: doc }))}
          />
        </div>
      ))}
    </section>
  );
}
