/** The survey tools whose export shapes are recognised (see SURVEY-FORMATS.md). */
export type SurveyFormat =
  | 'qualtrics'
  | 'qualtrics-legacy'
  | 'surveymonkey'
  | 'typeform'
  | 'microsoft-forms'
  | 'google-forms'
  | 'limesurvey'
  | 'generic';

/** A recognised export shape and how many of its first rows are headers rather than responses. */
export interface DetectedSurveyFormat {
  readonly format: SurveyFormat;
  readonly headerRowCount: number;
}

type Rows = readonly (readonly string[])[];

const IMPORT_ID = /^\{\s*["']ImportId["']\s*:/;
const GOOGLE_TIMESTAMPS = new Set([
  'timestamp',
  'marca temporal',
  'horodateur',
  'zeitstempel',
  'carimbo de data/hora',
  'informazioni cronologiche',
  'tijdstempel',
  'sygnatura czasowa',
  'tidsstempel',
  'tidstämpel',
  'отметка времени',
  'タイムスタンプ',
  '时间戳记',
  '타임스탬프',
]);
// Locale date then time, e.g. `2019/07/01 10:00:00 AM MDT`, `01/07/2019 10:00:00`, `2021-05-04 9:12`.
const DATE_TIME = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}[ ,T]+\d{1,2}[:.]\d{2}/;

const norm = (cell: string | undefined): string => (cell ?? '').trim().toLowerCase();
const has = (row: readonly string[], ...names: string[]): boolean => names.every((name) => row.some((cell) => norm(cell) === name));

function detectQualtrics(rows: Rows): DetectedSurveyFormat | null {
  const [row1 = [], row2 = [], row3 = []] = rows;
  const importIdRow = row3.some((cell) => IMPORT_ID.test(cell.trim()));
  if (norm(row1[0]) === 'responseid' && norm(row2[0]) === 'responseid') {
    return { format: 'qualtrics', headerRowCount: importIdRow ? 3 : 2 };
  }
  if (norm(row1[0]) === 'v1' && has(row2, 'responseid')) return { format: 'qualtrics-legacy', headerRowCount: 2 };
  if (importIdRow) return { format: 'qualtrics', headerRowCount: 3 };
  if (has(row1, 'startdate', 'enddate') && (has(row1, 'status') || has(row1, 'progress') || has(row1, 'responseid'))) {
    // A file re-saved through Excel can lose the ImportId row but keep the question-label row.
    const start = row1.findIndex((cell) => norm(cell) === 'startdate');
    return { format: 'qualtrics', headerRowCount: norm(row2[start]) === 'start date' ? 2 : 1 };
  }
  return null;
}

function detectSurveyMonkey(rows: Rows): DetectedSurveyFormat | null {
  const [row1 = [], row2] = rows;
  const idColumn = row1.findIndex((cell) => ['respondent id', 'respondentid'].includes(norm(cell)));
  if (idColumn < 0) return null;
  if (row2 === undefined) return { format: 'surveymonkey', headerRowCount: 1 };
  // Row 2 is blank under the id or labels sub-columns; a response has its id there.
  const secondIsHeader =
    norm(row2[idColumn]) === '' || row2.some((cell) => ['response', 'open-ended response'].includes(norm(cell)));
  return { format: 'surveymonkey', headerRowCount: secondIsHeader ? 2 : 1 };
}

function isTypeform(row1: readonly string[]): boolean {
  return norm(row1[0]) === '#' && (has(row1, 'submit date (utc)') || has(row1, 'network id'));
}

function isMicrosoftForms(row1: readonly string[]): boolean {
  const expected = ['id', 'start time', 'completion time', 'email', 'name'];
  return expected.every((name, i) => norm(row1[i]) === name);
}

function isGoogleForms(rows: Rows): boolean {
  const [row1 = [], row2] = rows;
  if (!GOOGLE_TIMESTAMPS.has(norm(row1[0]))) return false;
  return row2 === undefined || DATE_TIME.test((row2[0] ?? '').trim());
}

function isLimeSurvey(row1: readonly string[]): boolean {
  return (
    (norm(row1[0]) === 'response id' && has(row1, 'date submitted', 'last page', 'start language')) ||
    (norm(row1[0]) === 'id' && has(row1, 'submitdate', 'lastpage', 'startlanguage'))
  );
}

/**
 * Recognises which survey tool exported a table by the shape of its first rows, checking in an
 * order that avoids false matches (Qualtrics, SurveyMonkey, Typeform, Microsoft Forms, Google
 * Forms, LimeSurvey, generic), and says how many leading rows are headers.
 */
export function detectSurveyFormat(rows: Rows): DetectedSurveyFormat {
  const row1 = rows[0] ?? [];
  const found = detectQualtrics(rows) ?? detectSurveyMonkey(rows);
  if (found !== null) return found;
  if (isTypeform(row1)) return { format: 'typeform', headerRowCount: 1 };
  if (isMicrosoftForms(row1)) return { format: 'microsoft-forms', headerRowCount: 1 };
  if (isGoogleForms(rows)) return { format: 'google-forms', headerRowCount: 1 };
  if (isLimeSurvey(row1)) return { format: 'limesurvey', headerRowCount: 1 };
  return { format: 'generic', headerRowCount: Math.min(1, rows.length) };
}
