import { useEffect, useMemo, useState } from 'react';
import type { SurveyAnswer, SurveyQuestion } from '../../../shared/domain/survey';
import { canCrossTab, crossTabulate, rowPercent, type CrossTab } from '../../../shared/surveys/cross-tab';
import { useRepositories } from '../../db';
import { userMessage } from '../../errors/user-message';

const questionLabel = (question: SurveyQuestion) => (question.type === 'grid-item' && question.gridTitle !== undefined ? `${question.gridTitle} › ${question.text}` : question.text);

/** One question by another (say "is it stable enough?" by cluster size): counts and row percentages. */
export function CrossTabView({ surveyId, questions }: { readonly surveyId: string; readonly questions: readonly SurveyQuestion[] }) {
  const { surveys } = useRepositories();
  const candidates = useMemo(() => questions.filter(canCrossTab), [questions]);
  const [rowId, setRowId] = useState('');
  const [columnId, setColumnId] = useState('');
  const [state, setState] = useState<{ readonly key: string; readonly tab?: CrossTab; readonly problem?: string } | null>(null);
  const rows = candidates.find((question) => question.id === rowId);
  const columns = candidates.find((question) => question.id === columnId);
  const key = `${rowId}|${columnId}`;

  useEffect(() => {
    if (rows === undefined || columns === undefined || rows.id === columns.id) return;
    let isCurrent = true;
    const answers: { answers: Readonly<Record<string, SurveyAnswer>> }[] = [];
    surveys
      .eachResponsePage(surveyId, (page) => {
        for (const response of page) answers.push({ answers: { [rows.id]: response.answers[rows.id] ?? null, [columns.id]: response.answers[columns.id] ?? null } });
      })
      .then(
        () => isCurrent && setState({ key: `${rows.id}|${columns.id}`, tab: crossTabulate(rows, columns, answers) }),
        (error: unknown) => isCurrent && setState({ key: `${rows.id}|${columns.id}`, problem: userMessage(error, 'reading the responses') }),
      );
    return () => {
      isCurrent = false;
    };
  }, [surveys, surveyId, rows, columns]);

  if (candidates.length < 2) {
    return <p className="muted">A cross-tab needs two questions with set answers (scales or choices); this survey has {candidates.length === 0 ? 'none' : 'one'}.</p>;
  }
  const current = state?.key === key ? state : null;
  return (
    <section className="cross-tab" aria-label="Cross-tab">
      <div className="cross-tab__pickers">
        <label className="field">
          <span className="field__label">Rows: the question to split</span>
          <select value={rowId} onChange={(event) => setRowId(event.target.value)}>
            <option value="">Choose a question…</option>
            {candidates.map((question) => (
              <option key={question.id} value={question.id}>
                {questionLabel(question)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Columns: split by</span>
          <select value={columnId} onChange={(event) => setColumnId(event.target.value)}>
            <option value="">Choose a question…</option>
            {candidates.map((question) => (
              <option key={question.id} value={question.id}>
                {questionLabel(question)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows === undefined || columns === undefined ? (
        <p className="muted">Choose two questions, for example “Is it stable enough?” by cluster size, to see how the answers to one split over the answers to the other.</p>
      ) : rows.id === columns.id ? (
        <p className="muted">Choose two different questions.</p>
      ) : current === null ? (
        <p className="muted" role="status">
          Counting the answers…
        </p>
      ) : current.tab === undefined ? (
        <p className="notice notice--error">The cross-tab could not be computed: {current.problem}</p>
      ) : (
        <CrossTabTable tab={current.tab} rows={rows} columns={columns} />
      )}
    </section>
  );
}

function CrossTabTable({ tab, rows, columns }: { readonly tab: CrossTab; readonly rows: SurveyQuestion; readonly columns: SurveyQuestion }) {
  const caption = `${questionLabel(rows)} by ${questionLabel(columns)}`;
  return (
    <div className="cross-tab__scroll">
      <table className="cross-tab__table">
        <caption>
          {caption}
          <span className="muted">
            {' '}
            · {tab.respondents.toLocaleString()} responses answered both{tab.skipped > 0 ? `, ${tab.skipped.toLocaleString()} skipped one and are left out` : ''} · percentages of each row
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{questionLabel(rows)}</th>
            {tab.columnLabels.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {tab.rowLabels.map((label, row) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {tab.columnLabels.map((column, index) => {
                const count = tab.counts[row]?.[index] ?? 0;
                return (
                  <td key={column} className={count === 0 ? 'muted' : undefined}>
                    {count.toLocaleString()} <span className="cross-tab__percent">{rowPercent(count, tab.rowTotals[row] ?? 0)}</span>
                  </td>
                );
              })}
              <td className="cross-tab__total">{(tab.rowTotals[row] ?? 0).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {tab.columnTotals.map((total, index) => (
              <td key={tab.columnLabels[index]} className="cross-tab__total">
                {total.toLocaleString()}
              </td>
            ))}
            <td className="cross-tab__total">{tab.rowTotals.reduce((sum, total) => sum + total, 0).toLocaleString()}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
