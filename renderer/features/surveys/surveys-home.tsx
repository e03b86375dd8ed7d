import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';
import { usePlatform } from '../../platform';
import { useSurveyImport } from '../../surveys';
import { formatLabel } from './survey-format-label';
import { SurveyImportPanel } from './survey-import-panel';
import { SurveyResultsView } from './survey-results-view';
import { useActionIntent } from '../../components/use-action-intent';

const SURVEY_FILE_FILTERS = [{ name: 'Survey exports', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }];

/** The imported surveys and the import; with a survey id in the address, that survey's results. */
export function SurveysHome() {
  const { surveyId } = useParams();
  return surveyId === undefined ? <SurveyList /> : <SurveyResultsView surveyId={surveyId} />;
}

function SurveyList() {
  const { surveys } = useRepositories();
  const list = useLiveQuery(() => surveys.list(), [surveys]);
  const platform = usePlatform();
  const controls = useSurveyImport();
  const [openError, setOpenError] = useState<string | null>(null);
  const [isDragging, setDragging] = useState(false);
  const isBusy = controls.state.kind === 'reading' || controls.state.kind === 'importing';

  const chooseFile = useCallback(async () => {
    setOpenError(null);
    // The file goes to the import worker as a Blob and is read there: reading and copying a large
    // export here blocked the page for over 300 ms.
    const result = await platform.openBlob({ title: 'Import a survey export', filters: SURVEY_FILE_FILTERS });
    if (!result.ok) {
      setOpenError(result.error.message);
      return;
    }
    if (result.value === null) return;
    const { name, blob } = result.value;
    controls.start({ name, bytes: blob });
  }, [controls, platform]);

  // The command palette's "Import a survey".
  useActionIntent('import-survey', () => void chooseFile(), !isBusy);

  // Ctrl/Cmd+I opens the file dialog from anywhere on this screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'i' && !isBusy) {
        event.preventDefault();
        void chooseFile();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chooseFile, isBusy]);

  // A survey export dropped anywhere in the window while this screen is open is imported.
  const start = controls.start;
  useEffect(() => {
    const isFileDrag = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const onDragOver = (event: DragEvent) => {
      if (!isFileDrag(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!isFileDrag(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file === undefined || isBusy) return;
      start({ name: file.name, bytes: file });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [isBusy, start]);

  return (
    <section className={`surveys-home${isDragging ? ' surveys-home--dragging' : ''}`} aria-label="Surveys">
      <div className="surveys-home__bar">
        <p className="muted">
          Import a CSV, TSV or XLSX export from Qualtrics, SurveyMonkey, Typeform, Microsoft Forms, Google Forms or LimeSurvey. You
          see every column before anything is saved.
        </p>
        <button type="button" className="button button--primary" onClick={() => void chooseFile()} disabled={isBusy}>
          Import survey… <kbd>Ctrl I</kbd>
        </button>
      </div>
      {openError !== null && (
        <p className="notice notice--error" role="alert">
          {openError}
        </p>
      )}
      {controls.state.kind !== 'idle' && <SurveyImportPanel controls={controls} onChooseAnother={() => void chooseFile()} />}
      {list === undefined ? null : list.length === 0 ? (
        controls.state.kind === 'idle' && (
          <div className="empty-state">
            <h2>No surveys yet</h2>
            <p className="muted">Choose a file, or drop one anywhere on this page. Free-text answers become discovery notes you can search.</p>
          </div>
        )
      ) : (
        <table className="table surveys-table">
          <caption className="visually-hidden">Imported surveys</caption>
          <thead>
            <tr>
              <th scope="col">Survey</th>
              <th scope="col">Source</th>
              <th scope="col" className="numeric">
                Responses
              </th>
              <th scope="col">Last import</th>
            </tr>
          </thead>
          <tbody>
            {list.map((survey) => (
              <tr key={survey.id}>
                <th scope="row">
                  <Link to={`/surveys/${survey.id}`}>{survey.title}</Link>
                </th>
                <td>
                  {formatLabel(survey.format)} <span className="muted">· {survey.sourceFileName}</span>
                </td>
                <td className="numeric">{(survey.responseCount ?? 0).toLocaleString()}</td>
                <td>{formatDay(survey.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isDragging && <div className="surveys-home__drop">Drop the survey export to preview it</div>}
    </section>
  );
}
