import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { checkBudget, DEFAULT_RESEARCH_BUDGET, type ResearchBudget } from '../../../shared/domain/research-load';
import { useDatabase, useRepositories } from '../../db';
import { userMessage } from '../../errors/user-message';

const SHOWN = 50;

const BUDGET_FIELDS = [
  { key: 'personPer30Days', label: 'Asks per person, 30 days' },
  { key: 'personPer90Days', label: 'Asks per person, 90 days' },
  { key: 'teamPer30Days', label: 'Asks per team, 30 days' },
  { key: 'teamPer90Days', label: 'Asks per team, 90 days' },
] as const;

/** The research budget, and the people and teams asked most in the last 90 days against it. */
export function LoadView() {
  const { people } = useRepositories();
  const budget = useLiveQuery(() => people.budget(), [people]);
  const loads = useLiveQuery(() => people.recentLoads(Date.now()), [people]);
  return (
    <div className="stack stack--wide">
      {budget === undefined ? <p className="muted">Loading…</p> : <BudgetForm key={JSON.stringify(budget)} budget={budget} />}
      <section className="panel" aria-labelledby="most-asked-title">
        <h3 id="most-asked-title">Most asked people</h3>
        {loads === undefined ? (
          <p className="muted">Counting…</p>
        ) : loads.people.length === 0 ? (
          <p className="muted">Nobody was asked in the last 90 days.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Team</th>
                <th scope="col">Last 30 days</th>
                <th scope="col">Last 90 days</th>
                <th scope="col">Budget</th>
              </tr>
            </thead>
            <tbody>
              {loads.people.slice(0, SHOWN).map((row) => {
                const check = checkBudget(row, budget ?? DEFAULT_RESEARCH_BUDGET, 'person');
                return (
                  <tr key={row.contact.id}>
                    <th scope="row">
                      <Link to={`/people/${row.contact.id}`}>{row.contact.name}</Link>
                    </th>
                    <td>{row.contact.team ?? '—'}</td>
                    <td>{row.last30}</td>
                    <td>{row.last90}</td>
                    <td>{check.isOver ? <span className="badge badge--danger">Over</span> : check.isFull ? <span className="badge badge--warning">At budget</span> : <span className="badge badge--ok">Within</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="teams-asked-title">
        <h3 id="teams-asked-title">Most asked teams</h3>
        {loads === undefined ? null : loads.teams.length === 0 ? (
          <p className="muted">No team was asked in the last 90 days.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Last 30 days</th>
                <th scope="col">Last 90 days</th>
                <th scope="col">Budget</th>
              </tr>
            </thead>
            <tbody>
              {loads.teams.slice(0, SHOWN).map((row) => {
                const check = checkBudget(row, budget ?? DEFAULT_RESEARCH_BUDGET, 'team');
                return (
                  <tr key={row.team}>
                    <th scope="row">
                      <Link to={`/people/teams/${encodeURIComponent(row.team)}`}>{row.team}</Link>
                    </th>
                    <td>{row.last30}</td>
                    <td>{row.last90}</td>
                    <td>{check.isOver ? <span className="badge badge--danger">Over</span> : check.isFull ? <span className="badge badge--warning">At budget</span> : <span className="badge badge--ok">Within</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function BudgetForm({ budget }: { readonly budget: ResearchBudget }) {
  const { settings } = useRepositories();
  const { isReadOnly } = useDatabase();
  const [values, setValues] = useState<Readonly<Record<keyof ResearchBudget, string>>>({
    personPer30Days: String(budget.personPer30Days),
    personPer90Days: String(budget.personPer90Days),
    teamPer30Days: String(budget.teamPer30Days),
    teamPer90Days: String(budget.teamPer90Days),
  });
  const [message, setMessage] = useState<{ readonly isError: boolean; readonly text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = BUDGET_FIELDS.map(({ key, label }) => [key, label, Number(values[key])] as const);
    const bad = parsed.find(([, , value]) => !Number.isInteger(value) || value < 0);
    if (bad !== undefined) {
      setMessage({ isError: true, text: `${bad[1]}: enter a whole number, 0 or more.` });
      return;
    }
    const next: ResearchBudget = {
      personPer30Days: Number(values.personPer30Days),
      personPer90Days: Number(values.personPer90Days),
      teamPer30Days: Number(values.teamPer30Days),
      teamPer90Days: Number(values.teamPer90Days),
    };
    try {
      await settings.set('researchBudget', next);
      setMessage({ isError: false, text: 'Budget saved.' });
    } catch (caught) {
      setMessage({ isError: true, text: userMessage(caught, 'saving the research-load budget') });
    }
  };

  return (
    <section className="panel" aria-labelledby="budget-title">
      <h3 id="budget-title">Research budget</h3>
      <p className="muted">How often you may ask the same person or team for their time. Asks are coffee chats, email check-ins, discussion groups, SLA conversations and each survey answered. Going over warns; it never blocks.</p>
      <form className="inline-form" onSubmit={(event) => void save(event)}>
        {BUDGET_FIELDS.map(({ key, label }) => (
          <label key={key} className="field">
            <span className="field__label">{label}</span>
            <input type="number" min={0} step={1} value={values[key]} readOnly={isReadOnly} onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))} />
          </label>
        ))}
        {!isReadOnly && (
          <button type="submit" className="button button--primary">
            Save budget
          </button>
        )}
      </form>
      {message && (
        <p className={message.isError ? 'field__problem' : 'muted'} role={message.isError ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
