import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useId, useMemo, useState } from 'react';
import { CHANNELS, type Channel } from '../../../shared/domain/channel';
import { CHANNEL_FIELD_SPECS, channelFieldProblems, channelFieldValues, peopleLabel, peopleWarning } from '../../../shared/domain/channel-fields';
import { fromDateInputValue, toDateInputValue } from '../../components/format-date';
import { ResearchLoadWarning } from '../../components/research-load-warning';
import { TokenInput, type TokenOption } from '../../components/token-input';
import { DAY_MS } from '../../../shared/domain/clock';
import { isAskChannel, LOAD_WINDOWS } from '../../../shared/domain/research-load';
import { useRepositories } from '../../db';
import type { NoteDraft } from '../../db';

interface NoteFieldsProps {
  /** The note being edited, left out when counting its people's research load. */
  readonly noteId?: string;
  readonly draft: NoteDraft;
  readonly isReadOnly: boolean;
  /** An imported survey answer stays a survey response. */
  readonly isChannelLocked?: boolean;
  readonly onChange: (changes: Partial<NoteDraft>) => void;
}

const NO_VALUES: readonly string[] = [];

const RECENT_MS = LOAD_WINDOWS[0] * DAY_MS;

const asOptions = (values: readonly string[]): TokenOption[] => values.map((value) => ({ id: value, label: value }));

function prefixMatches(values: readonly string[], text: string): TokenOption[] {
  const key = text.trim().toLowerCase();
  return asOptions(values.filter((value) => value.toLowerCase().startsWith(key)));
}

/** Warnings for asking these people now; only a recent ask is "another" ask (an old note reopened asks nobody today). */
function askWarningsNow(
  people: ReturnType<typeof useRepositories>['people'],
  channel: Channel,
  occurredAt: number,
  personIds: readonly string[],
  noteId: string | undefined,
): Promise<readonly string[]> {
  const now = Date.now();
  const isRecentAsk = isAskChannel(channel) && occurredAt >= now - RECENT_MS;
  return isRecentAsk ? people.askWarnings(personIds, now, noteId) : Promise.resolve(NO_VALUES);
}

/** Channel, date, people, teams, organisation, tags and the channel's own fields. */
export function NoteFields({ noteId, draft, isReadOnly, isChannelLocked = false, onChange }: NoteFieldsProps) {
  const id = useId();
  const { notes, contacts, people: peopleRepository, tags } = useRepositories();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const knownTeams = useLiveQuery(() => notes.distinctValues('teams'), [notes]) ?? NO_VALUES;
  // One vocabulary: highlight tags are suggested as note tags too.
  const knownTags = useLiveQuery(() => tags.distinct(), [tags]) ?? NO_VALUES;
  const knownOrganisations = useLiveQuery(() => notes.distinctValues('organisation'), [notes]) ?? NO_VALUES;
  const people = useLiveQuery(() => contacts.getMany(draft.personIds), [contacts, draft.personIds.join(',')]);

  // The people this note already named when it was opened were asked already: reopening a note is
  // not another ask of them. Only people added now are warned about.
  const [openedWith, setOpenedWith] = useState(() => ({ noteId, personIds: new Set(draft.personIds) }));
  if (openedWith.noteId !== noteId) setOpenedWith({ noteId, personIds: new Set(draft.personIds) });
  const addedPersonIds = draft.personIds.filter((personId) => !openedWith.personIds.has(personId));

  const loadWarnings =
    useLiveQuery(
      () => askWarningsNow(peopleRepository, draft.channel, draft.occurredAt, addedPersonIds, noteId),
      [peopleRepository, draft.channel, draft.occurredAt, addedPersonIds.join(','), noteId],
    ) ?? NO_VALUES;

  const personOptions = useMemo(() => {
    const byId = new Map((people ?? []).map((person) => [person.id, person]));
    return draft.personIds.map((personId) => ({ id: personId, label: byId.get(personId)?.name ?? '…' }));
  }, [draft.personIds, people]);

  const suggestPeople = useCallback(
    async (text: string) =>
      (await contacts.searchByName(text, 8)).map((person) => ({
        id: person.id,
        label: person.name,
        ...(person.team || person.organisation ? { detail: [person.team, person.organisation].filter(Boolean).join(', ') } : {}),
      })),
    [contacts],
  );
  const suggestTeams = useCallback((text: string) => prefixMatches(knownTeams, text), [knownTeams]);
  const suggestTags = useCallback((text: string) => prefixMatches(knownTags, text), [knownTags]);

  const changeChannel = (channel: Channel) =>
    onChange({ channel, fieldValues: channelFieldValues(channel, undefined) });

  const problems = channelFieldProblems(draft.channel, draft.fieldValues);
  const warning = peopleWarning(draft.channel, draft.personIds.length);

  return (
    <div className="note-fields">
      <div className="note-fields__row">
        <label className="field">
          <span className="field__label">Channel</span>
          <select value={draft.channel} disabled={isReadOnly || isChannelLocked} onChange={(event) => changeChannel(event.target.value as Channel)}>
            {CHANNELS.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Date</span>
          <input
            type="date"
            value={toDateInputValue(draft.occurredAt)}
            readOnly={isReadOnly}
            required
            onChange={(event) => {
              const occurredAt = fromDateInputValue(event.target.value);
              if (occurredAt !== null) onChange({ occurredAt });
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Organisation</span>
          <input
            list={`${id}-organisations`}
            value={draft.organisation}
            readOnly={isReadOnly}
            placeholder="e.g. Payments platform"
            onChange={(event) => onChange({ organisation: event.target.value })}
          />
          <datalist id={`${id}-organisations`}>
            {knownOrganisations.map((organisation) => (
              <option key={organisation} value={organisation} />
            ))}
          </datalist>
        </label>
      </div>
      <div className="note-fields__row">
        <TokenInput
          label={peopleLabel(draft.channel)}
          values={personOptions}
          suggest={suggestPeople}
          isDisabled={isReadOnly}
          placeholder="Type a name"
          hint={warning}
          onAdd={(option) => onChange({ personIds: [...draft.personIds, option.id] })}
          onRemove={(personId) => onChange({ personIds: draft.personIds.filter((existing) => existing !== personId) })}
          createLabel={(name) => `Create contact “${name}”`}
          onCreate={(name) => {
            void contacts.create({ name, ...(draft.teams[0] ? { team: draft.teams[0] } : {}), ...(draft.organisation.trim() ? { organisation: draft.organisation.trim() } : {}) }).then((contact) =>
              onChange({ personIds: [...draft.personIds, contact.id] }),
            );
          }}
        />
        <TokenInput
          label="Teams"
          values={asOptions(draft.teams)}
          suggest={suggestTeams}
          isDisabled={isReadOnly}
          placeholder="Add a team"
          onAdd={(option) => onChange({ teams: [...draft.teams, option.id] })}
          onRemove={(team) => onChange({ teams: draft.teams.filter((existing) => existing !== team) })}
          onCreate={(team) => onChange({ teams: [...draft.teams, team] })}
        />
        <TokenInput
          label="Tags"
          values={asOptions(draft.tags)}
          suggest={suggestTags}
          isDisabled={isReadOnly}
          placeholder="Add a tag"
          onAdd={(option) => onChange({ tags: [...draft.tags, option.id] })}
          onRemove={(tag) => onChange({ tags: draft.tags.filter((existing) => existing !== tag) })}
          onCreate={(tag) => onChange({ tags: [...draft.tags, tag] })}
        />
      </div>
      <ResearchLoadWarning warnings={loadWarnings} context="this ask" />
      {CHANNEL_FIELD_SPECS[draft.channel].length > 0 && (
        <div className="note-fields__row note-fields__row--channel" role="group" aria-label={`${CHANNELS.find((channel) => channel.id === draft.channel)?.label ?? ''} details`}>
          {CHANNEL_FIELD_SPECS[draft.channel].map((spec) => {
            const problem = problems[spec.key];
            const isShown = problem !== undefined && (touched.has(spec.key) || (draft.fieldValues[spec.key] ?? '') !== '');
            const inputId = `${id}-${spec.key}`;
            const setValue = (value: string) => onChange({ fieldValues: { ...draft.fieldValues, [spec.key]: value } });
            return (
              <div key={spec.key} className="field">
                <label className="field__label" htmlFor={inputId}>
                  {spec.label}
                  {spec.isRequired ? ' *' : ''}
                </label>
                {spec.kind === 'select' ? (
                  <select id={inputId} value={draft.fieldValues[spec.key] ?? ''} disabled={isReadOnly} onChange={(event) => setValue(event.target.value)}>
                    {(spec.options ?? []).map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={inputId}
                    type={spec.kind === 'url' ? 'url' : 'text'}
                    inputMode={spec.kind === 'year' ? 'numeric' : undefined}
                    value={draft.fieldValues[spec.key] ?? ''}
                    placeholder={spec.placeholder}
                    readOnly={isReadOnly}
                    aria-invalid={isShown}
                    aria-describedby={isShown ? `${inputId}-problem` : undefined}
                    onBlur={() => setTouched((current) => new Set(current).add(spec.key))}
                    onChange={(event) => setValue(event.target.value)}
                  />
                )}
                {isShown && (
                  <p id={`${inputId}-problem`} className="field__problem">
                    {problem}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
