import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { CHANNELS } from '../../shared/domain/channel';
import type { Contact } from '../../shared/domain/contact';
import type { Highlight } from '../../shared/domain/highlight';
import type { TagSummary } from '../../shared/domain/tag-vocabulary';
import { matchesEveryWord } from '../../shared/search/match-words';
import { channelLabel } from '../components/channel-badge';
import { intentPath } from '../components/use-action-intent';
import { useRepositories } from '../db';
import { useCreateNote } from '../features/discovery';
import { useNoteSearch } from '../search';
import { useModalDialog } from '../components/use-modal-dialog';
import { SECTIONS } from './sections';

type PaletteGroup = 'Actions' | 'Commands' | 'Notes' | 'Highlights' | 'People' | 'Teams' | 'Tags';

interface PaletteItem {
  readonly id: string;
  readonly group: PaletteGroup;
  readonly label: string;
  readonly detail?: string;
  readonly run: () => void;
}

const NO_PEOPLE: readonly Contact[] = [];
const NO_FINDS: Finds = { highlights: [], teams: [], tags: [] };

interface Finds {
  readonly highlights: readonly Highlight[];
  readonly teams: readonly { readonly name: string; readonly contacts: number }[];
  readonly tags: readonly TagSummary[];
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** What the palette can start; each runs on the screen that owns it (see use-action-intent). */
const ACTIONS: readonly { readonly id: string; readonly label: string; readonly detail: string; readonly path: string }[] = [
  { id: 'import-survey', label: 'Import a survey…', detail: 'Surveys', path: intentPath('/surveys', 'import-survey') },
  { id: 'start-round', label: 'Start a prioritization round…', detail: 'Board', path: intentPath('/board', 'start-round') },
  { id: 'download-backup', label: 'Download a backup', detail: 'Settings', path: intentPath('/settings', 'download-backup') },
  { id: 'export-artifacts', label: 'Export artifacts (charter, vision, pains)…', detail: 'Artifacts', path: intentPath('/artifacts', 'export-artifacts') },
  { id: 'plan-chat', label: 'Plan a coffee chat…', detail: 'People', path: intentPath('/people/planned', 'plan-chat') },
  { id: 'tag-board', label: 'Open the tag board', detail: 'Discovery', path: '/discovery/tags' },
];

interface CommandPaletteProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

/** Ctrl/Cmd+K: run an action, or jump to any note, highlight, person, team, tag or screen by typing. */
export function CommandPalette({ isOpen, onClose }: CommandPaletteProps) {
  const dialogRef = useModalDialog(isOpen);

  return (
    <dialog ref={dialogRef} className="dialog palette" aria-label="Command palette" onClose={onClose}>
      {isOpen && <PaletteBody onClose={onClose} />}
    </dialog>
  );
}

function PaletteBody({ onClose }: { readonly onClose: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const createNote = useCreateNote();
  const { contacts, highlights, people: peopleRepository, tags } = useRepositories();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = text.trim();
  const { hits } = useNoteSearch(query);
  const people = useLiveQuery(() => (query === '' ? Promise.resolve(NO_PEOPLE) : contacts.searchByName(query, 5)), [contacts, query]) ?? NO_PEOPLE;
  const finds =
    useLiveQuery(async (): Promise<Finds> => {
      if (query === '') return NO_FINDS;
      const [foundHighlights, teams, tagList] = await Promise.all([highlights.search(query, 4), peopleRepository.teams(), tags.list()]);
      return {
        highlights: foundHighlights,
        teams: teams.filter((team) => matchesEveryWord(query, team.name)).slice(0, 3),
        tags: tagList.filter((tag) => matchesEveryWord(query, tag.tag, tag.group ?? '')).slice(0, 3),
      };
    }, [highlights, peopleRepository, tags, query]) ?? NO_FINDS;

  const items = useMemo<PaletteItem[]>(() => {
    const go = (path: string) => () => void navigate(path);
    const actions: PaletteItem[] = ACTIONS.map((action) => ({ id: `action-${action.id}`, group: 'Actions', label: action.label, detail: action.detail, run: go(action.path) }));
    const commands: PaletteItem[] = [
      ...CHANNELS.filter((channel) => channel.id !== 'survey-response').map((channel) => ({
        id: `new-${channel.id}`,
        group: 'Commands' as const,
        label: `New ${channelLabel(channel.id).toLowerCase()} note`,
        run: () => void createNote(channel.id),
      })),
      ...SECTIONS.map((section) => ({ id: `go-${section.path}`, group: 'Commands' as const, label: `Go to ${section.label}`, run: go(`/${section.path}`) })),
      { id: 'go-highlights', group: 'Commands', label: 'Go to Highlights', run: go('/discovery/highlights') },
      { id: 'go-sla', group: 'Commands', label: 'Go to SLA table', run: go('/discovery/sla') },
      { id: 'go-coverage', group: 'Commands', label: 'Go to Channel coverage', run: go('/discovery/coverage') },
    ];
    const matchingActions = actions.filter((action) => matchesEveryWord(query, action.label, action.detail ?? ''));
    const matchingCommands = commands.filter((command) => matchesEveryWord(query, command.label)).slice(0, query === '' ? 4 : 5);
    return [
      ...matchingActions,
      ...matchingCommands,
      ...hits.slice(0, 8).map((hit) => ({ id: `note-${hit.id}`, group: 'Notes' as const, label: hit.title || 'Untitled note', detail: channelLabel(hit.channel), run: go(`/discovery/notes/${hit.id}`) })),
      ...people.map((person) => ({
        id: `person-${person.id}`,
        group: 'People' as const,
        label: person.name,
        ...(person.team ? { detail: person.team } : {}),
        run: go(`/people/${person.id}`),
      })),
      ...people.slice(0, 2).map((person) => ({
        id: `plan-${person.id}`,
        group: 'Actions' as const,
        label: `Plan a coffee chat with ${person.name}…`,
        run: go(intentPath('/people/planned', 'plan-chat', person.id)),
      })),
      ...finds.highlights.map((highlight) => ({
        id: `highlight-${highlight.id}`,
        group: 'Highlights' as const,
        label: `“${highlight.quote.length > 90 ? `${highlight.quote.slice(0, 89)}…` : highlight.quote}”`,
        ...(highlight.tags.length > 0 ? { detail: highlight.tags.join(', ') } : {}),
        run: go(`/discovery/notes/${highlight.noteId}`),
      })),
      ...finds.teams.map((team) => ({
        id: `team-${team.name}`,
        group: 'Teams' as const,
        label: team.name,
        detail: plural(team.contacts, 'person', 'people'),
        run: go(`/people/teams/${encodeURIComponent(team.name)}`),
      })),
      ...finds.tags.map((tag) => ({
        id: `tag-${tag.tag}`,
        group: 'Tags' as const,
        label: tag.tag,
        detail: `${plural(tag.noteCount, 'note', 'notes')}, ${plural(tag.highlightCount, 'highlight', 'highlights')}`,
        run: go(`/discovery?tag=${encodeURIComponent(tag.tag)}`),
      })),
    ];
  }, [createNote, finds, hits, navigate, people, query]);

  const current = Math.min(active, Math.max(items.length - 1, 0));
  // More kinds of match make the list longer than the box: keep the active one in view.
  useEffect(() => document.getElementById(`${id}-${current}`)?.scrollIntoView({ block: 'nearest' }), [id, current]);
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(0, Math.min(items.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    }
  };

  return (
    <>
      <input
        className="palette__input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={items.length > 0 ? `${id}-${current}` : undefined}
        aria-label="Run an action or jump to a note, highlight, person, team or tag"
        placeholder="Run an action, or jump to a note, highlight, person, team or tag…"
        autoFocus
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Matches" className="palette__list">
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === current}
            className="palette__item"
            onMouseDown={(event) => {
              event.preventDefault();
              choose(item);
            }}
          >
            <span className="palette__group">{item.group}</span>
            <span className="palette__label">{item.label}</span>
            {item.detail && <span className="muted">{item.detail}</span>}
          </li>
        ))}
        {items.length === 0 && <li className="palette__empty">Nothing matches “{query}”.</li>}
      </ul>
    </>
  );
}
