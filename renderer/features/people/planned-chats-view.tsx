import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { DAY_MS } from '../../../shared/domain/clock';
import type { Contact } from '../../../shared/domain/contact';
import type { PlannedChat } from '../../../shared/domain/planned-chat';
import { daysSince, isCadenceDue } from '../../../shared/domain/research-load';
import { formatDay, fromDateInputValue, toDateInputValue } from '../../components/format-date';
import { ResearchLoadWarning } from '../../components/research-load-warning';
import { useToast } from '../../components/toast';
import { useUndo } from '../../components/undo-service';
import { TokenInput } from '../../components/token-input';
import { useActionIntent } from '../../components/use-action-intent';
import { useDatabase, useRepositories } from '../../db';
import { userMessage } from '../../errors/user-message';


/** Every planned chat without notes yet: overdue ones ask for notes; plus who is due by their cadence. */
export function PlannedChatsView() {
  const { plannedChats, people, contacts } = useRepositories();
  const open = useLiveQuery(() => plannedChats.listOpen(), [plannedChats]);
  const names = useLiveQuery(async () => new Map((await contacts.getMany([...new Set((open ?? []).map((chat) => chat.contactId))])).map((contact) => [contact.id, contact])), [contacts, open]);
  const cadenceNow = useLiveQuery(async () => {
    const now = Date.now();
    return { now, contacts: await people.cadenceContacts(now), startOfToday: startOfToday(now) };
  }, [people]);
  const cadence = cadenceNow?.contacts;
  const { isReadOnly } = useDatabase();
  const now = cadenceNow?.now ?? 0;
  const today = cadenceNow?.startOfToday ?? 0;
  const due = (cadence ?? [])
    .filter(({ contact, lastAskedAt }) => isCadenceDue(contact.cadenceDays, lastAskedAt, now))
    .map(({ contact, lastAskedAt }) => ({ contact, days: daysSince(lastAskedAt, now) }))
    .sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
  const overdue = (open ?? []).filter((chat) => chat.plannedFor < today);
  const upcoming = (open ?? []).filter((chat) => chat.plannedFor >= today);

  return (
    <div className="stack stack--wide">
      <section className="panel" aria-labelledby="plan-any-title">
        <h3 id="plan-any-title">Plan a coffee chat</h3>
        {isReadOnly ? <p className="muted">This workspace is read-only.</p> : <PlanChatForm />}
      </section>
      <section className="panel" aria-labelledby="overdue-title">
        <h3 id="overdue-title">Waiting for notes</h3>
        <ChatItems chats={overdue} names={names} emptyText="No past chat is waiting for notes." />
      </section>
      <section className="panel" aria-labelledby="upcoming-title">
        <h3 id="upcoming-title">Upcoming</h3>
        <ChatItems chats={upcoming} names={names} emptyText="No chat planned. Plan one above or from a person’s page." />
      </section>
      <section className="panel" aria-labelledby="due-title">
        <h3 id="due-title">Due by cadence</h3>
        {cadence === undefined ? (
          <p className="muted">Loading…</p>
        ) : due.length === 0 ? (
          <p className="muted">Nobody is due. Set “Meet every N days” on a person’s page for the people your team wants to meet periodically.</p>
        ) : (
          <ul className="planned-list">
            {due.map(({ contact, days }) => (
              <li key={contact.id} className="planned-list__item">
                <Link to={`/people/${contact.id}`}>{contact.name}</Link>
                <span className="badge badge--warning">
                  {days === null ? 'Never talked to' : `Not talked to in ${days} days`} (every {contact.cadenceDays} days)
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function startOfToday(now: number): number {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  return today.getTime();
}

/** One person's planned chats (with notes or not), for their page. */
export function PlannedChatList({ contactId }: { readonly contactId: string }) {
  const { plannedChats, contacts } = useRepositories();
  const chats = useLiveQuery(() => plannedChats.listForContact(contactId), [plannedChats, contactId]);
  const names = useLiveQuery(async () => new Map((await contacts.getMany([contactId])).map((contact) => [contact.id, contact])), [contacts, contactId]);
  return <ChatItems chats={chats ?? []} names={names} emptyText="No chat planned." />;
}

function ChatItems({ chats, names, emptyText }: { readonly chats: readonly PlannedChat[]; readonly names: ReadonlyMap<string, Contact> | undefined; readonly emptyText: string }) {
  const { plannedChats } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const undoService = useUndo();
  const [tomorrow] = useState(() => startOfToday(Date.now()) + DAY_MS);
  if (chats.length === 0) return <p className="muted">{emptyText}</p>;

  const writeNote = async (chat: PlannedChat) => {
    const name = names?.get(chat.contactId)?.name ?? 'someone';
    const note = await plannedChats.writeNote(chat.id, chat.topic ? `Coffee chat with ${name}: ${chat.topic}` : `Coffee chat with ${name}`);
    await navigate(`/discovery/notes/${note.id}`, { state: { isNew: true } });
  };
  const remove = async (chat: PlannedChat) => {
    const removed = await plannedChats.remove(chat.id);
    if (removed) undoService.offer({ label: 'Planned chat removed.', undo: () => plannedChats.restore(removed) });
  };

  return (
    <ul className="planned-list" aria-label="Planned chats">
      {chats.map((chat) => {
        const person = names?.get(chat.contactId);
        const isPast = chat.plannedFor < tomorrow;
        return (
          <li key={chat.id} className="planned-list__item">
            <span>
              <strong>{formatDay(chat.plannedFor)}</strong> · <Link to={`/people/${chat.contactId}`}>{person?.name ?? '…'}</Link>
              {chat.topic ? <span className="muted"> · {chat.topic}</span> : null}
            </span>
            <span className="person__actions">
              {chat.noteId !== undefined ? (
                <Link className="button button--small" to={`/discovery/notes/${chat.noteId}`}>
                  Open notes
                </Link>
              ) : (
                !isReadOnly && (
                  <>
                    {isPast && (
                      <button type="button" className="button button--small button--primary" onClick={() => void writeNote(chat)} aria-label={`Write notes for the chat with ${person?.name ?? 'this person'} on ${formatDay(chat.plannedFor)}`}>
                        Write notes
                      </button>
                    )}
                    <button type="button" className="button button--small button--quiet" onClick={() => void remove(chat)} aria-label={`Remove the chat with ${person?.name ?? 'this person'} on ${formatDay(chat.plannedFor)}`}>
                      Remove
                    </button>
                  </>
                )
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Plans a chat on a date, with a person given or picked; warns (without blocking) when they are at their research budget. */
export function PlanChatForm({ contactId }: { readonly contactId?: string }) {
  const { plannedChats, contacts, people } = useRepositories();
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const [date, setDate] = useState(() => toDateInputValue(Date.now() + 7 * DAY_MS));
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<string | null>(null);
  const showToast = useToast();
  const personId = contactId ?? picked?.id;
  const formRef = useRef<HTMLFormElement>(null);
  // The command palette's "Plan a coffee chat" (with a person when it names one).
  useActionIntent('plan-chat', (askedId) => {
    if (contactId !== undefined) return;
    formRef.current?.querySelector('input')?.focus();
    if (askedId !== null) void contacts.get(askedId).then((contact) => contact && setPicked({ id: contact.id, label: contact.name }));
  });
  const warnings = useLiveQuery(() => (contactId === undefined && personId !== undefined ? people.askWarnings([personId], Date.now()) : Promise.resolve([])), [people, personId, contactId]) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const plannedFor = fromDateInputValue(date);
    if (personId === undefined) {
      setError('Choose the person to meet.');
      return;
    }
    if (plannedFor === null) {
      setError('Choose the day of the chat.');
      return;
    }
    try {
      await plannedChats.plan({ contactId: personId, plannedFor, topic });
      setTopic('');
      if (contactId === undefined) setPicked(null);
      showToast({ message: `Chat planned for ${formatDay(plannedFor)}.` });
    } catch (caught) {
      setError(userMessage(caught, 'planning the chat'));
    }
  };

  return (
    <form ref={formRef} className="stack" onSubmit={(event) => void submit(event)}>
      {contactId === undefined && (
        <TokenInput
          label="Person"
          values={picked === null ? [] : [picked]}
          placeholder="Type a name"
          suggest={async (text) => (await contacts.searchByName(text, 8)).map((contact) => ({ id: contact.id, label: contact.name, ...(contact.team ? { detail: contact.team } : {}) }))}
          onAdd={(option) => setPicked({ id: option.id, label: option.label })}
          onRemove={() => setPicked(null)}
        />
      )}
      <ResearchLoadWarning warnings={warnings} context="another chat" />
      <div className="inline-form">
        <label className="field">
          <span className="field__label">Chat date</span>
          <input type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Topic (optional)</span>
          <input type="text" value={topic} onChange={(event) => setTopic(event.target.value)} />
        </label>
        <button type="submit" className="button">
          Plan chat
        </button>
      </div>
      {error && (
        <p className="field__problem" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
