import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import type { NoteFilter } from '../../../shared/domain/note-filter';
import { fromDateInputValue } from '../../components/format-date';

const FILTER_PARAMS = ['channel', 'person', 'team', 'org', 'tag', 'from', 'to'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

function isChannel(value: string | null): value is Channel {
  return value !== null && (CHANNEL_IDS as readonly string[]).includes(value);
}

/** The inbox filters and search text, kept in the address so they survive opening a note. */
export function useNoteFilter() {
  const [params, setParams] = useSearchParams();

  const parsed = useMemo<NoteFilter>(() => {
    const channel = params.get('channel');
    const from = fromDateInputValue(params.get('from') ?? '');
    const to = fromDateInputValue(params.get('to') ?? '');
    const text = (name: FilterParam) => params.get(name) || undefined;
    const optional = <K extends string, V>(key: K, value: V | undefined | null) => (value === undefined || value === null ? {} : { [key]: value });
    return {
      ...optional('channel', isChannel(channel) ? channel : undefined),
      ...optional('personId', text('person')),
      ...optional('team', text('team')),
      ...optional('organisation', text('org')),
      ...optional('tag', text('tag')),
      // Whole days: from the start of the first to the end of the last.
      ...optional('from', from === null ? null : from - 12 * 3_600_000),
      ...optional('to', to === null ? null : to + 12 * 3_600_000 - 1),
    };
  }, [params]);
  // Typing a search changes the address too; the filter object must stay the same so the inbox query does not rerun.
  const filterKey = JSON.stringify(parsed);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value on purpose
  const filter = useMemo(() => parsed, [filterKey]);

  const setParam = useCallback(
    (name: FilterParam | 'q', value: string | null) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of FILTER_PARAMS) next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  return { filter, params, query: params.get('q') ?? '', setParam, clearFilters };
}
