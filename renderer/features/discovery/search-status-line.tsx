import { useEffect } from 'react';
import { useNoteSearch } from '../../search';

/** Whether search is ready, always on screen so people (and benchmarks) know before they type. */
export function SearchStatusLine() {
  const { status } = useNoteSearch('');
  useEffect(() => {
    if (status.phase === 'ready') performance.mark('search:index-ready');
  }, [status.phase]);
  const text =
    status.phase === 'ready'
      ? ''
      : status.phase === 'error'
        ? 'Search unavailable'
        : status.total > 0
          ? `Indexing ${Math.floor((status.indexed / status.total) * 100)}%`
          : 'Preparing search…';
  return (
    <span className="search-status" data-search-status={status.phase} title={status.phase === 'error' ? status.message : undefined}>
      {text}
    </span>
  );
}
