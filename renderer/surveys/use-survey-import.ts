import { useCallback, useEffect, useRef, useState } from 'react';
import type { SurveyFileProblem } from '../../shared/surveys/parse-survey-table';
import type { SurveyColumnPlan } from '../../shared/surveys/survey-import-plan';
import { useDatabase } from '../db/database-context';
import type { SurveyImportSummary } from '../db/repositories/survey-import-writer';
import { createSurveyImportSession, type SurveyImportPort, type SurveyImportProgressUpdate, type SurveyImportSession } from './survey-import-client';
import type { SurveyImportPreview } from './survey-import-protocol';

/** Where an import stands; the page renders one screen per state. */
export type SurveyImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly fileName: string; readonly progress: SurveyImportProgressUpdate | null }
  | { readonly kind: 'preview'; readonly preview: SurveyImportPreview; readonly problems: readonly SurveyFileProblem[] }
  | { readonly kind: 'importing'; readonly preview: SurveyImportPreview; readonly progress: SurveyImportProgressUpdate | null; readonly isCancelling: boolean }
  | { readonly kind: 'imported'; readonly preview: SurveyImportPreview; readonly summary: SurveyImportSummary }
  | { readonly kind: 'failed'; readonly fileName: string; readonly problems: readonly SurveyFileProblem[] }
  | { readonly kind: 'cancelled'; readonly fileName: string };

export interface SurveyImportControls {
  readonly state: SurveyImportState;
  /** The file as a Blob (read in the import worker, not on the page) or as bytes (transferred). */
  start(file: { readonly name: string; readonly bytes: ArrayBuffer | Blob }): void;
  commit(options: { readonly columns: readonly SurveyColumnPlan[]; readonly title: string; readonly surveyId?: string }): void;
  cancel(): void;
  reset(): void;
}

/** Drives one survey import through its worker; the worker stops when the page leaves or the import ends. */
export function useSurveyImport(createPort?: () => SurveyImportPort): SurveyImportControls {
  const { db } = useDatabase();
  const [state, setState] = useState<SurveyImportState>({ kind: 'idle' });
  const session = useRef<SurveyImportSession | null>(null);

  const dispose = useCallback(() => {
    session.current?.dispose();
    session.current = null;
  }, []);
  useEffect(() => dispose, [dispose]);

  const start = useCallback(
    (file: { readonly name: string; readonly bytes: ArrayBuffer | Blob }) => {
      dispose();
      const created = createSurveyImportSession(
        (progress) => setState((current) => (current.kind === 'reading' || current.kind === 'importing' ? { ...current, progress } : current)),
        { databaseName: db.name, ...(createPort === undefined ? {} : { createPort }) },
      );
      session.current = created;
      setState({ kind: 'reading', fileName: file.name, progress: null });
      void created.read(file).then((outcome) => {
        if (session.current !== created) return;
        if (outcome.ok) {
          setState({ kind: 'preview', preview: outcome.preview, problems: outcome.preview.problems });
        } else {
          dispose();
          setState({ kind: 'failed', fileName: file.name, problems: outcome.problems });
        }
      });
    },
    [createPort, db.name, dispose],
  );

  const commit = useCallback<SurveyImportControls['commit']>(
    (options) => {
      const current = session.current;
      if (current === null || state.kind !== 'preview') return;
      const { preview } = state;
      setState({ kind: 'importing', preview, progress: null, isCancelling: false });
      void current.import(options).then((outcome) => {
        if (session.current !== current) return;
        if (outcome.kind === 'imported') {
          dispose();
          setState({ kind: 'imported', preview, summary: outcome.summary });
        } else if (outcome.kind === 'failed') {
          // Nothing was written; the file is still read, so the user can correct columns and retry.
          setState({ kind: 'preview', preview, problems: outcome.problems });
        } else {
          dispose();
          setState({ kind: 'cancelled', fileName: preview.fileName });
        }
      });
    },
    [dispose, state],
  );

  const cancel = useCallback(() => {
    if (state.kind === 'importing') {
      setState({ ...state, isCancelling: true });
      session.current?.cancel();
    } else {
      const fileName = state.kind === 'reading' ? state.fileName : state.kind === 'preview' ? state.preview.fileName : '';
      dispose();
      setState(state.kind === 'reading' || state.kind === 'preview' ? { kind: 'cancelled', fileName } : { kind: 'idle' });
    }
  }, [dispose, state]);

  const reset = useCallback(() => {
    dispose();
    setState({ kind: 'idle' });
  }, [dispose]);

  return { state, start, commit, cancel, reset };
}
