import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../shared/domain/contact';
import { anotherAskWarning, checkBudget, daysSince, DEFAULT_RESEARCH_BUDGET, isCadenceDue } from '../../../shared/domain/research-load';
import { ResearchLoadWarning } from '../../components/research-load-warning';
import { useUndo } from '../../components/undo-service';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useDatabase, useRepositories } from '../../db';
import { ContactDetailsForm } from './contact-details-form';
import { DeleteContactDialog } from './delete-contact-dialog';
import { HistoryList } from './history-list';
import { MergeDialog } from './merge-dialog';
import { PlanChatForm, PlannedChatList } from './planned-chats-view';
import { userMessage } from '../../errors/user-message';

/** One person: who they are, their research load against the budget, cadence, planned chats and history. */
export function ContactDetail() {
  const { contactId = '' } = useParams();
  const { contacts } = useRepositories();
  const contact = useLiveQuery(async () => (await contacts.get(contactId)) ?? null, [contacts, contactId]);
  if (contact === undefined) return <p className="muted">Loading…</p>;
  if (contact === null)
    return (
      <div className="empty-state">
        <h2>This contact does not exist</h2>
        <p>
          It may have been merged into another or deleted. <Link to="/people">Back to the directory</Link>
        </p>
      </div>
    );
  return <ContactPage key={contact.id} contact={contact} />;
}

function ContactPage({ contact }: { readonly contact: Contact }) {
  const { people } = useRepositories();
  const { isReadOnly } = useDatabase();
  const undoService = useUndo();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'delete' | 'merge' | null>(null);
  const [mergeWith, setMergeWith] = useState<Contact | null>(null);
  const measured = useLiveQuery(async () => {
    const now = Date.now();
    return { now, load: (await people.loadOfPeople([contact.id], now)).get(contact.id) };
  }, [people, contact.id, contact.updatedAt]);
  const load = measured?.load;
  const budget = useLiveQuery(() => people.budget(), [people]) ?? DEFAULT_RESEARCH_BUDGET;
  const history = useLiveQuery(() => people.historyOfPerson(contact.id), [people, contact.id]);
  const check = load === undefined ? undefined : checkBudget(load, budget, 'person');
  const warning = load === undefined ? null : anotherAskWarning(contact.name, load, budget);
  const lastDays = measured === undefined ? null : daysSince(load?.lastAskedAt, measured.now);
  const isDue = measured !== undefined && isCadenceDue(contact.cadenceDays, load?.lastAskedAt, measured.now);

  return (
    <article className="stack stack--wide" aria-labelledby="person-name">
      <header className="person__header">
        <div>
          <h2 id="person-name" className="page__title">
            {contact.name}
          </h2>
          <p className="page__summary">
            {[contact.role, contact.email].filter(Boolean).join(' · ') || 'No role or email yet'}
            {contact.team && (
              <>
                {' · '}
                <Link to={`/people/teams/${encodeURIComponent(contact.team)}`}>{contact.team}</Link>
              </>
            )}
            {contact.organisation && (
              <>
                {' · '}
                <Link to={`/people/organisations/${encodeURIComponent(contact.organisation)}`}>{contact.organisation}</Link>
              </>
            )}
          </p>
        </div>
        {!isReadOnly && (
          <div className="person__actions">
            <button type="button" className="button" onClick={() => setDialog('merge')}>
              Merge with…
            </button>
            <button type="button" className="button" onClick={() => setDialog('delete')}>
              Delete…
            </button>
          </div>
        )}
      </header>

      <ContactDetailsForm contact={contact} isReadOnly={isReadOnly} />

      <div className="person__grid">
        <section className="panel" aria-labelledby="load-title">
          <h3 id="load-title">Research load</h3>
          {load === undefined ? (
            <p className="muted">Counting…</p>
          ) : (
            <>
              <div className="load-figures">
                <div>
                  <strong aria-label={`${load.last30} asks in the last 30 days`}>{load.last30}</strong>
                  <span className="muted">last 30 days (budget {budget.personPer30Days})</span>
                </div>
                <div>
                  <strong aria-label={`${load.last90} asks in the last 90 days`}>{load.last90}</strong>
                  <span className="muted">last 90 days (budget {budget.personPer90Days})</span>
                </div>
              </div>
              {check?.isOver ? (
                <p className="badge badge--danger">Over budget</p>
              ) : check?.isFull ? (
                <p className="badge badge--warning">At budget</p>
              ) : (
                <p className="badge badge--ok">Within budget</p>
              )}
              <p className="muted">Counts coffee chats, email check-ins, discussion groups, SLA conversations and each survey answered.</p>
            </>
          )}
        </section>
        <CadencePanel contact={contact} lastDays={lastDays} isDue={isDue} isReadOnly={isReadOnly} />
        <section className="panel" aria-labelledby="planned-title">
          <h3 id="planned-title">Planned coffee chats</h3>
          <PlannedChatList contactId={contact.id} />
          {!isReadOnly && (
            <>
              <ResearchLoadWarning warnings={warning === null ? [] : [warning]} context="another chat" />
              <PlanChatForm contactId={contact.id} />
            </>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="history-title">
        <h3 id="history-title">History</h3>
        {history === undefined ? <p className="muted">Loading…</p> : <HistoryList entries={history} emptyText={`Nothing recorded with ${contact.name} yet.`} />}
      </section>

      <DeleteContactDialog
        contact={contact}
        isOpen={dialog === 'delete'}
        onClose={(undo) => {
          setDialog(null);
          if (undo === undefined) return;
          undoService.offer({ label: `Deleted ${contact.name}; their notes are kept.`, undo: () => people.undo(undo) });
          void navigate('/people');
        }}
      />
      {dialog === 'merge' && <PickContactDialog exclude={contact.id} onPick={(other) => { setMergeWith(other); setDialog(null); }} onClose={() => setDialog(null)} />}
      {mergeWith !== null && <MergeDialog first={contact} second={mergeWith} onClose={() => setMergeWith(null)} />}
    </article>
  );
}

function CadencePanel({ contact, lastDays, isDue, isReadOnly }: { readonly contact: Contact; readonly lastDays: number | null; readonly isDue: boolean; readonly isReadOnly: boolean }) {
  const { people } = useRepositories();
  const [days, setDays] = useState(contact.cadenceDays === undefined ? '' : String(contact.cadenceDays));
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const value = days.trim() === '' ? null : Number(days);
    if (value !== null && (!Number.isInteger(value) || value < 1)) {
      setError('Enter a whole number of days, 1 or more, or leave it empty.');
      return;
    }
    try {
      await people.update(contact.id, { cadenceDays: value });
    } catch (caught) {
      setError(userMessage(caught, 'saving the person'));
    }
  };

  return (
    <section className="panel" aria-labelledby="cadence-title">
      <h3 id="cadence-title">Cadence</h3>
      <p>
        {lastDays === null ? 'Never talked to yet.' : lastDays === 0 ? 'Last talked to today.' : `Not talked to in ${lastDays} ${lastDays === 1 ? 'day' : 'days'}.`}{' '}
        {isDue && <span className="badge badge--warning">Due for a chat</span>}
      </p>
      <form className="inline-form" onSubmit={(event) => void save(event)}>
        <label className="field">
          <span className="field__label">Meet every (days)</span>
          <input type="number" min={1} step={1} value={days} readOnly={isReadOnly} placeholder="e.g. 30" onChange={(event) => setDays(event.target.value)} />
        </label>
        {!isReadOnly && (
          <button type="submit" className="button">
            Save cadence
          </button>
        )}
      </form>
      {error && (
        <p className="field__problem" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function PickContactDialog({ exclude, onPick, onClose }: { readonly exclude: string; readonly onPick: (contact: Contact) => void; readonly onClose: () => void }) {
  const { people } = useRepositories();
  const dialogRef = useModalDialog(true);
  const [search, setSearch] = useState('');
  const found = useLiveQuery(() => people.findContacts({ search }, 20), [people, search]);
  const options = found?.contacts.filter((contact) => contact.id !== exclude) ?? [];
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="pick-title" onClose={onClose}>
      <h2 id="pick-title">Merge with which contact?</h2>
      <label className="field">
        <span className="field__label">Find the duplicate</span>
        <input type="search" value={search} autoFocus placeholder="Name or email" onChange={(event) => setSearch(event.target.value)} />
      </label>
      <ul className="planned-list" aria-label="Matching contacts">
        {options.map((contact) => (
          <li key={contact.id}>
            <button type="button" className="button button--quiet" onClick={() => onPick(contact)}>
              {contact.name}
              {contact.email ? ` · ${contact.email}` : ''}
              {contact.team ? ` · ${contact.team}` : ''}
            </button>
          </li>
        ))}
      </ul>
      {found !== undefined && options.length === 0 && <p className="muted">No other contact matches.</p>}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
