import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { CHANNELS } from '../../shared/domain/channel';
import type { Contact } from '../../shared/domain/contact';
import { channelLabel } from '../components/channel-badge';
import { useRepositories } from '../db';
import { useCreateNote } from '../features/discovery';
import { useNoteSearch } from '../search';
import { useModalDialog } from '../components/use-modal-dialog';
import { SECTIONS } from './sections';

interface PaletteItem {
  readonly id: string;
  readonly group: 'Commands' | 'Notes' | 'People';
  readonly label: string;
  readonly detail?: string;
  readonly run: () => void;
}

const NO_PEOPLE: readonly Contact[] = [];

interface CommandPaletteProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

/** Ctrl/Cmd+K: jump to any note, contact or command by typing. */
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
  const { contacts } = useRepositories();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = text.trim();
  const { hits } = useNoteSearch(query);
  const people = useLiveQuery(() => (query === '' ? Promise.resolve(NO_PEOPLE) : contacts.searchByName(query, 5)), [contacts, query]) ?? NO_PEOPLE;

  const items = useMemo<PaletteItem[]>(() => {
    const go = (path: string) => () => void navigate(path);
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
    const key = query.toLowerCase();
    const matchingCommands = commands.filter((command) => key.split(/\s+/).every((word) => command.label.toLowerCase().includes(word))).slice(0, query === '' ? 6 : 5);
    return [
      ...matchingCommands,
      ...hits.slice(0, 8).map((hit) => ({ id: `note-${hit.id}`, group: 'Notes' as const, label: hit.title || 'Untitled note', detail: channelLabel(hit.channel), run: go(`/discovery/notes/${hit.id}`) })),
      ...people.map((person) => ({
        id: `person-${person.id}`,
        group: 'People' as const,
        label: person.name,
        ...(person.team ? { detail: person.team } : {}),
        run: go(`/people/${person.id}`),
      })),
    ];
  }, [createNote, hits, navigate, people, query]);

  const current = Math.min(active, Math.max(items.length - 1, 0));
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
        aria-label="Jump to a note, person or command"
        placeholder="Jump to a note, person or command…"
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
