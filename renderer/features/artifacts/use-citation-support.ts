import { useLiveQuery } from 'dexie-react-hooks';
import { createElement, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Citation } from '../../../shared/domain/artifact';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import { citationKey, collectCitations } from '../../../shared/rich-text/citation-node';
import { useRepositories } from '../../db';
import type { CitationSupport } from '../../editor';
import { CitationPicker } from './citation-picker';

const NO_KEYS: ReadonlySet<string> = new Set();

/** The keys of cited sources that no longer exist; kept live as notes and highlights change. */
export function useMissingCitationKeys(citations: readonly Citation[]): ReadonlySet<string> {
  const { artifacts } = useRepositories();
  const signature = citations.map(citationKey).join('|');
  const missing = useLiveQuery(async () => {
    const resolved = await artifacts.resolveCitations(citations);
    return [...resolved].flatMap(([key, source]) => (source === null ? [key] : [])).join('|');
  }, [artifacts, signature]);
  return useMemo(() => (missing === undefined || missing === '' ? NO_KEYS : new Set(missing.split('|'))), [missing]);
}

/** Citation support for the artifact editors over these documents: picker, deleted sources, opening a source. */
export function useCitationSupport(docs: readonly RichTextDoc[]): CitationSupport {
  const navigate = useNavigate();
  const citations = useMemo(() => collectCitations(docs), [docs]);
  const missingKeys = useMissingCitationKeys(citations);
  return useMemo(
    () => ({
      renderPicker: (props) => createElement(CitationPicker, props),
      missingKeys,
      onOpen: (attrs) => void navigate(`/discovery/notes/${encodeURIComponent(attrs.noteId)}`),
    }),
    [missingKeys, navigate],
  );
}
