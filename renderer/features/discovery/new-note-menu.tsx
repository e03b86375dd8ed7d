import { useEffect, useRef, useState } from 'react';
import { CHANNELS } from '../../../shared/domain/channel';
import { useDatabase } from '../../db';
import { useCreateNote } from './use-create-note';

/** "New note" with a menu of every discovery channel (survey responses come from imports). */
export function NewNoteMenu() {
  const createNote = useCreateNote();
  const { isReadOnly } = useDatabase();
  const [isOpen, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [isOpen]);

  const onMenuKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      menuRef.current?.parentElement?.querySelector<HTMLElement>('button')?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="menu-button">
      <button type="button" className="button button--primary" aria-haspopup="menu" aria-expanded={isOpen} disabled={isReadOnly} onClick={() => setOpen((open) => !open)}>
        New note
      </button>
      {isOpen && (
        <div ref={menuRef} role="menu" aria-label="Channel of the new note" className="menu" onKeyDown={onMenuKeyDown}>
          {CHANNELS.filter((channel) => channel.id !== 'survey-response').map((channel) => (
            <button
              key={channel.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu__item"
              onClick={() => {
                setOpen(false);
                void createNote(channel.id);
              }}
            >
              {channel.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
