import { useEffect } from 'react';
import { useDatabase, useRepositories } from '../db';
import { setErrorLogSink } from '../errors/error-log';
import { usePlatform } from '../platform';

/** Sends the local log to its place once the workspace is open: main's log file (desktop) or the errorLog table (browser). */
export function LocalLogWriter() {
  const platform = usePlatform();
  const { isReadOnly } = useDatabase();
  const { errorLog } = useRepositories();
  useEffect(() => {
    // A workspace saved by a newer version is read-only here: entries wait in memory instead.
    setErrorLogSink(platform.errorLog ?? (isReadOnly ? null : errorLog));
    return () => setErrorLogSink(null);
  }, [platform, errorLog, isReadOnly]);
  return null;
}
