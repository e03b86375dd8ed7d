import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useId } from 'react';
import { CHANNELS } from '../../../shared/domain/channel';
import { isNoteFilterActive, type NoteFilter } from '../../../shared/domain/note-filter';
import { TokenInput } from '../../components/token-input';
import { useRepositories } from '../../db';
import type { FilterParam } from './use-note-filter';

interface InboxFiltersProps {
  readonly filter: NoteFilter;
  readonly params: URLSearchParams;
  readonly setParam: (name: FilterParam, value: string | null) => void;
  readonly clearFilters: () => void;
}

/** Channel, person, team, organisation, tag and date filters; they combine. */
export function InboxFilters({ filter, params, setParam, clearFilters }: InboxFiltersProps) {
  const id = useId();
  const { notes, contacts, tags: tagVocabulary } = useRepositories();
  // Note and highlight tags alike: the tag filter finds notes through their highlights too.
  const tags = useLiveQuery(() => tagVocabulary.distinct(), [tagVocabulary]) ?? [];
  const teams = useLiveQuery(() => notes.distinctValues('teams'), [notes]) ?? [];
  const organisations = useLiveQuery(() => notes.distinctValues('organisation'), [notes]) ?? [];
  const personId = params.get('person');
  const person = useLiveQuery(async () => (personId ? ((await contacts.get(personId)) ?? null) : null), [contacts, personId]);
  const suggestPeople = useCallback(
    async (text: string) => (await contacts.searchByName(text, 8)).map((contact) => ({ id: contact.id, label: contact.name, ...(contact.team ? { detail: contact.team } : {}) })),
    [contacts],
  );

  const select = (name: FilterParam, label: string, options: readonly { value: string; label: string }[]) => (
    <label className="filter">
      <span className="filter__label">{label}</span>
      <select value={params.get(name) ?? ''} onChange={(event) => setParam(name, event.target.value || null)}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  const asOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

  return (
    <fieldset className="filters" aria-describedby={`${id}-summary`}>
      <legend className="visually-hidden">Filter notes</legend>
      {select('channel', 'Channel', CHANNELS.map((channel) => ({ value: channel.id, label: channel.label })))}
      <div className="filter filter--person">
        <TokenInput
          label="Person"
          values={personId ? [{ id: personId, label: person?.name ?? '…' }] : []}
          suggest={suggestPeople}
          placeholder="Anyone"
          onAdd={(option) => setParam('person', option.id)}
          onRemove={() => setParam('person', null)}
        />
      </div>
      {select('team', 'Team', asOptions(teams))}
      {select('org', 'Organisation', asOptions(organisations))}
      {select('tag', 'Tag', asOptions(tags))}
      <label className="filter">
        <span className="filter__label">From</span>
        <input type="date" value={params.get('from') ?? ''} onChange={(event) => setParam('from', event.target.value || null)} />
      </label>
      <label className="filter">
        <span className="filter__label">To</span>
        <input type="date" value={params.get('to') ?? ''} onChange={(event) => setParam('to', event.target.value || null)} />
      </label>
      <p id={`${id}-summary`} className="visually-hidden">
        {isNoteFilterActive(filter) ? 'Filters are applied.' : 'No filters applied.'}
      </p>
      {isNoteFilterActive(filter) && (
        <button type="button" className="button button--small" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
