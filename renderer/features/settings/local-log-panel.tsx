import { useEffect, useState } from 'react';
import { formatErrorLog, type ErrorLogEntry } from '../../../shared/errors/error-log-entry';
import { formatDateTime } from '../../components/format-date';
import { useDatabase, useRepositories } from '../../db';
import { userMessage } from '../../errors/user-message';
import { usePlatform } from '../../platform';

/** Rows drawn at once; the saved file holds them all. */
const SHOWN = 200;

type LogState = { kind: 'loading' } | { kind: 'ready'; entries: readonly ErrorLogEntry[] } | { kind: 'error'; message: string };

/** The local log of unexpected errors: newest first, saved to a file or cleared. Never holds note contents. */
export function LocalLogPanel() {
  const platform = usePlatform();
  const { errorLog } = useRepositories();
  const { isReadOnly } = useDatabase();
  const log = platform.errorLog ?? errorLog;
  const [state, setState] = useState<LogState>({ kind: 'loading' });
  const [notice, setNotice] = useState<{ readonly isProblem: boolean; readonly text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const load = () => setVersion((current) => current + 1);

  useEffect(() => {
    let isCurrent = true;
    log.list().then(
      (entries) => isCurrent && setState({ kind: 'ready', entries }),
      (error: unknown) => isCurrent && setState({ kind: 'error', message: userMessage(error, 'reading the local log') }),
    );
    return () => {
      isCurrent = false;
    };
  }, [log, version]);

  const save = async () => {
    setNotice(null);
    try {
      const entries = await log.list();
      const now = new Date();
      const saved = await platform.saveFile({
        title: 'Save the local log',
        suggestedName: `discovery-desk-log-${now.toISOString().slice(0, 10)}.txt`,
        bytes: new TextEncoder().encode(formatErrorLog(entries, now)),
        filters: [{ name: 'Text', extensions: ['txt'] }],
      });
      if (!saved.ok) return setNotice({ isProblem: true, text: `The log was not saved: ${saved.error.message}` });
      if (saved.value !== null) setNotice({ isProblem: false, text: `Log saved as ${saved.value.path}.` });
    } catch (error) {
      setNotice({ isProblem: true, text: `The log was not saved: ${userMessage(error, 'saving the local log')}` });
    }
  };

  const clear = async () => {
    setNotice(null);
    try {
      await log.clear();
      setNotice({ isProblem: false, text: 'The log is empty now.' });
    } catch (error) {
      setNotice({ isProblem: true, text: `The log was not cleared: ${userMessage(error, 'clearing the local log')}` });
    }
    load();
  };

  const entries = state.kind === 'ready' ? state.entries : [];
  return (
    <section className="panel local-log" aria-labelledby="local-log-heading">
      <h2 id="local-log-heading">Local log</h2>
      <p className="muted">
        Unexpected errors, kept on this device {platform.kind === 'desktop' ? 'in a log file in the app’s data folder' : 'in this browser, the newest 1,000'} with the
        app version and time. It never holds your notes or other contents; save it to a file to report a problem.
      </p>
      <div className="crash__actions">
        <button type="button" className="button" onClick={() => void save()}>
          Save log to a file…
        </button>
        <button type="button" className="button" disabled={entries.length === 0 || (platform.errorLog === null && isReadOnly)} onClick={() => void clear()}>
          Clear log
        </button>
        <button type="button" className="button" onClick={load}>
          Refresh
        </button>
      </div>
      {notice && (
        <p className={notice.isProblem ? 'notice notice--error' : undefined} role={notice.isProblem ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {state.kind === 'loading' && <p>Loading…</p>}
      {state.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && entries.length === 0 && <p>Nothing logged: no unexpected error has happened here.</p>}
      {entries.length > 0 && (
        <>
          <p className="muted">
            {entries.length.toLocaleString('en')} {entries.length === 1 ? 'entry' : 'entries'}, newest first{entries.length > SHOWN ? ` (the newest ${SHOWN} are shown; the saved file holds all)` : ''}.
          </p>
          <ol className="local-log__list" aria-label="Logged errors">
            {entries.slice(0, SHOWN).map((entry) => (
              <li key={entry.id} className="local-log__item">
                <p className="local-log__head">
                  <time dateTime={new Date(entry.loggedAt).toISOString()}>{formatDateTime(entry.loggedAt)}</time>
                  <span className="muted">
                    {' '}
                    · {entry.where} · version {entry.appVersion}
                  </span>
                </p>
                <p className="local-log__message">
                  {entry.name}: {entry.message}
                </p>
                {entry.stack && (
                  <details>
                    <summary>Where in the code</summary>
                    <pre className="local-log__stack">{entry.stack}</pre>
                  </details>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
