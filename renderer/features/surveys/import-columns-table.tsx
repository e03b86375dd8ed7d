import { freeTextAnswersInColumn, notesFromColumn } from '../../../shared/surveys/count-import-notes';
import type { SurveyColumnPlan, SurveyColumnRole, SurveyColumnType } from '../../../shared/surveys/survey-import-plan';

const ROLE_LABELS: Readonly<Record<SurveyColumnRole, string>> = {
  question: 'Question',
  'grid-item': 'Grid row',
  'choice-option': 'Option of a multi-choice question',
  'respondent-key': 'Respondent key',
  email: 'Respondent email',
  name: 'Respondent name',
  'submitted-at': 'Submitted at',
  metadata: 'Metadata (kept out of results)',
  ignore: 'Ignore',
};

const TYPE_LABELS: Readonly<Record<SurveyColumnType, string>> = {
  scale: 'Scale',
  number: 'Number',
  'single-choice': 'Single choice',
  'multi-choice': 'Multiple choice',
  'free-text': 'Free text',
  ranking: 'Ranking',
};

const ROLES = Object.keys(ROLE_LABELS) as SurveyColumnRole[];
const TYPES = Object.keys(TYPE_LABELS) as SurveyColumnType[];
const QUESTION_ROLES: ReadonlySet<SurveyColumnRole> = new Set(['question', 'grid-item', 'choice-option']);

interface ColumnRowProps {
  readonly column: SurveyColumnPlan;
  readonly responseCount: number;
  readonly onChange: (patch: Partial<SurveyColumnPlan>) => void;
}

function ColumnRow({ column, responseCount, onChange }: ColumnRowProps) {
  const isQuestion = QUESTION_ROLES.has(column.role);
  const name = column.header;
  const notes = notesFromColumn(column);
  return (
    <tr className={isQuestion ? undefined : 'import-columns__meta'}>
      <td className="muted">{column.index + 1}</td>
      <th scope="row" className="import-columns__header">
        {column.group !== undefined && <span className="muted">{column.group} › </span>}
        {column.group !== undefined && column.item !== undefined ? column.item : name}
      </th>
      <td>
        <select aria-label={`Role of ${name}`} value={column.role} onChange={(event) => onChange(roleChange(column, event.target.value as SurveyColumnRole))}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {isQuestion ? (
          <select aria-label={`Answer type of ${name}`} value={column.type ?? 'free-text'} onChange={(event) => onChange({ type: event.target.value as SurveyColumnType })}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
                {type === 'scale' && column.scale !== undefined ? ` (${column.scale.min}–${column.scale.max})` : ''}
              </option>
            ))}
          </select>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="import-columns__samples">{column.samples.slice(0, 3).join(' · ')}</td>
      <td className="numeric">{responseCount === 0 ? '—' : `${Math.round((column.filled / responseCount) * 100)}%`}</td>
      <td className="numeric" data-column-notes={notes}>
        <NotesCell column={column} notes={notes} onChange={onChange} />
      </td>
    </tr>
  );
}

/** Free-text columns: a checkbox choosing whether each answer becomes a note, with how many. */
function NotesCell({ column, notes, onChange }: { readonly column: SurveyColumnPlan; readonly notes: number; readonly onChange: ColumnRowProps['onChange'] }) {
  const answers = freeTextAnswersInColumn(column);
  if (answers === 0) return <span className="muted">—</span>;
  const isOn = column.makesNotes !== false;
  return (
    <label className="checkbox import-columns__notes">
      <input type="checkbox" checked={isOn} aria-label={`Make notes of the answers to ${column.header}`} onChange={(event) => onChange({ makesNotes: event.target.checked })} />
      {isOn ? notes.toLocaleString() : <span className="muted">answers only</span>}
    </label>
  );
}

function roleChange(column: SurveyColumnPlan, role: SurveyColumnRole): Partial<SurveyColumnPlan> {
  if (!QUESTION_ROLES.has(role)) return { role };
  return { role, type: column.type ?? 'free-text' };
}

interface ImportColumnsTableProps {
  readonly columns: readonly SurveyColumnPlan[];
  readonly responseCount: number;
  readonly onChange: (index: number, patch: Partial<SurveyColumnPlan>) => void;
}

/**
 * The preview's columns, each with its role and answer type (both correctable), examples, how
 * many responses answered it and how many Discovery notes its answers will become.
 */
export function ImportColumnsTable({ columns, responseCount, onChange }: ImportColumnsTableProps) {
  return (
    <div className="import-columns" role="region" aria-label="Columns" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Column</th>
            <th scope="col">Role</th>
            <th scope="col">Answer type</th>
            <th scope="col">Examples</th>
            <th scope="col" className="numeric">
              Answered
            </th>
            <th scope="col" className="numeric" title="Survey-response notes made in Discovery, one per free-text answer of a ticked question">
              Notes
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <ColumnRow key={column.index} column={column} responseCount={responseCount} onChange={(patch) => onChange(column.index, patch)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
