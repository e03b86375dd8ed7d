import type { SurveyAnswer } from '../domain/survey';
import { createTextHasher, hashText } from './hash-text';
import type { SurveyFileProblem, SurveyTable } from './parse-survey-table';
import { detectDayMonthOrder, parseSurveyDate } from './parse-survey-date';
import { parseSurveyNumber } from './parse-survey-number';
import { splitChoiceCell } from './split-choice-cell';
import { isOptOutAnswer, scalePointOf } from './survey-scale';
import type { PlannedQuestion, PlannedResponse, ReadSurveyResponsesResult, SurveyColumnPlan, SurveyColumnType } from './survey-import-plan';

/** Problems listed one by one; the rest are counted in one last line. */
const MAX_PROBLEMS = 20;
/** Longest cell text quoted in a problem message. */
const QUOTE_LENGTH = 60;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GIVEN_NAME = /\b(first|given|fore)\s*name\b|firstname|givenname|vorname|prénom/i;
const FAMILY_NAME = /\b(last|family|sur)\s*name\b|lastname|familyname|surname|nachname/i;
/** Choice-option cells that say "not chosen" (Qualtrics writes 0 for an option seen but not picked). */
const UNCHOSEN = new Set(['0', 'false', 'no']);

type Reading = { readonly ok: true; readonly answer: SurveyAnswer } | { readonly ok: false; readonly message: string };

/** How one question's answer is read from its cells. */
interface QuestionReader {
  readonly question: PlannedQuestion;
  readonly columns: readonly SurveyColumnPlan[];
  read(row: readonly string[]): Reading;
  /** The question as read: options seen in the file but not in the plan are appended. */
  finish(): PlannedQuestion;
}

/**
 * A question's key: its text (or grid title and row) lower-cased with whitespace collapsed, so the
 * same question in a newer export of the survey gets the same key whatever else changed.
 */
export function questionKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const quote = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat}"`;
};

/** A scale point's words as compared across files: case, spacing and curly quotes do not matter. */
const foldLabel = (label: string): string => label.trim().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').toLowerCase();

const freeText = (raw: string): string => {
  const text = raw.trim();
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
};

/** Options of the plan, plus those the file uses that the plan did not list, in order of first use. */
function optionCollector(planned: readonly string[] | undefined): { add(option: string): void; list(): readonly string[] | undefined } {
  const known = new Set(planned ?? []);
  const extra: string[] = [];
  return {
    add(option) {
      if (!known.has(option)) {
        known.add(option);
        extra.push(option);
      }
    },
    list: () => (planned === undefined && extra.length === 0 ? undefined : [...(planned ?? []), ...extra]),
  };
}

/** The joiner of a multi-choice column the plan did not give one: `;` when any cell has one. */
function guessSeparator(table: SurveyTable, index: number): string {
  return table.rows.some((row) => (row[index] ?? '').includes(';')) ? ';' : ', ';
}

/** Reads a cell by a column type, caching answers by cell text (answers repeat across rows). */
function cellReader(table: SurveyTable, column: SurveyColumnPlan, type: SurveyColumnType, options: ReturnType<typeof optionCollector>): (raw: string) => Reading {
  const { header } = column;
  switch (type) {
    case 'free-text':
      return (raw) => {
        const text = freeText(raw);
        return { ok: true, answer: text === '' ? null : text };
      };
    case 'number':
      return cached((raw) => {
        const text = raw.trim();
        if (text === '' || isOptOutAnswer(text)) return { ok: true, answer: null };
        const number = parseSurveyNumber(text);
        if (number !== null) return { ok: true, answer: number };
        return { ok: false, message: `"${header}": ${quote(text)} is not a number. Change the column to free text or single choice to keep it.` };
      });
    case 'scale':
    case 'ranking': {
      // A ranking's positions read as the points 1..k of its scale.
      const scale = column.scale;
      return cached((raw) => {
        const text = raw.trim();
        if (scale === undefined) {
          if (text === '' || isOptOutAnswer(text)) return { ok: true, answer: null };
          const number = parseSurveyNumber(text);
          if (number !== null) return { ok: true, answer: number };
          return { ok: false, message: `"${header}": ${quote(text)} is not a number on a scale. Change the column to single choice or free text to keep it.` };
        }
        const point = scalePointOf(text, scale);
        if (point !== undefined) return { ok: true, answer: point };
        const named = (scale.labels ?? []).filter((label) => label !== '');
        const words = named.length === 0 ? '' : ` (${named[0]} … ${named[named.length - 1]})`;
        return {
          ok: false,
          message: `"${header}": ${quote(text)} is not on the scale ${scale.min} to ${scale.max}${words}. Change the column to single choice or free text to keep it.`,
        };
      });
    }
    case 'single-choice':
      return cached((raw) => {
        const text = raw.trim();
        if (text === '') return { ok: true, answer: null };
        options.add(text);
        return { ok: true, answer: text };
      });
    case 'multi-choice': {
      const separator = column.separator ?? guessSeparator(table, column.index);
      const longOptions = (column.options ?? []).filter((option) => option.includes(separator.trim())).sort((a, b) => b.length - a.length);
      return cached((raw) => {
        const choices = splitChoiceCell(raw, separator, longOptions);
        for (const choice of choices) options.add(choice);
        return { ok: true, answer: choices.length === 0 ? null : choices };
      });
    }
  }
}

function cached(read: (raw: string) => Reading): (raw: string) => Reading {
  const cache = new Map<string, Reading>();
  return (raw) => {
    let reading = cache.get(raw);
    if (reading === undefined) {
      reading = read(raw);
      // Free text never reaches here; a cap keeps a column of distinct numbers from growing the cache without end.
      if (cache.size < 50_000) cache.set(raw, reading);
    }
    return reading;
  };
}

function singleColumnReader(table: SurveyTable, column: SurveyColumnPlan, question: PlannedQuestion): QuestionReader {
  const type = column.type ?? 'free-text';
  const options = optionCollector(type === 'single-choice' || type === 'multi-choice' ? column.options : undefined);
  const read = cellReader(table, column, type, options);
  return {
    question,
    columns: [column],
    read: (row) => read(row[column.index] ?? ''),
    finish() {
      const list = options.list();
      return list === undefined ? question : { ...question, options: list };
    },
  };
}

function choiceGroupReader(columns: readonly SurveyColumnPlan[], question: PlannedQuestion): QuestionReader {
  const items = columns.map((column) => column.item ?? column.header);
  const folded = items.map((item) => item.trim().toLowerCase());
  return {
    question,
    columns,
    read(row) {
      const chosen: string[] = [];
      for (const [i, column] of columns.entries()) {
        const value = (row[column.index] ?? '').trim();
        if (value === '') continue;
        const lower = value.toLowerCase();
        if (UNCHOSEN.has(lower) && lower !== folded[i]) continue;
        const item = items[i] ?? value;
        if (!chosen.includes(item)) chosen.push(item);
      }
      return { ok: true, answer: chosen.length === 0 ? null : chosen };
    },
    finish: () => question,
  };
}

/** Option columns of a single choice or a scale: the one filled option is the answer (a scale's point for a scale). */
function singleOptionGroupReader(columns: readonly SurveyColumnPlan[], question: PlannedQuestion): QuestionReader {
  const multi = choiceGroupReader(columns, question);
  const scale = question.scale;
  return {
    ...multi,
    read(row) {
      const reading = multi.read(row);
      if (!reading.ok || !Array.isArray(reading.answer)) return reading;
      const [chosen] = reading.answer as readonly string[];
      if (chosen === undefined) return { ok: true, answer: null };
      if (scale === undefined) return { ok: true, answer: chosen };
      return { ok: true, answer: scalePointOf(chosen, scale) ?? null };
    },
  };
}

function questionOf(column: SurveyColumnPlan, key: string, position: number): PlannedQuestion {
  const type = column.type ?? 'free-text';
  const options = type === 'single-choice' || type === 'multi-choice' ? column.options : undefined;
  const shared = {
    key,
    position,
    ...(options === undefined ? {} : { options }),
    ...((type === 'scale' || type === 'ranking') && column.scale !== undefined ? { scale: column.scale } : {}),
    ...(type === 'free-text' && column.makesNotes === false ? { makesNotes: false as const } : {}),
  };
  if (column.role === 'grid-item') {
    return { ...shared, text: column.item ?? column.header, type: 'grid-item', gridTitle: column.group ?? column.header, itemType: type };
  }
  return { ...shared, text: column.header, type };
}

export interface ReadSurveyResponsesOptions {
  /** Questions renamed since a stored import of the survey: file key → the stored question's key. */
  readonly renamedKeys?: ReadonlyMap<string, string>;
}

/** One reader per question, in column order: a question or grid row per column, one per group of options. */
function questionReaders(table: SurveyTable, columns: readonly SurveyColumnPlan[], renamedKeys?: ReadonlyMap<string, string>): QuestionReader[] {
  const readers: QuestionReader[] = [];
  const keys = new Set<string>();
  const uniqueKey = (text: string): string => {
    const base = questionKey(text);
    let key = base;
    for (let n = 2; keys.has(key); n += 1) key = `${base} #${n}`;
    keys.add(key);
    return renamedKeys?.get(key) ?? key;
  };
  const groups = new Map<string, SurveyColumnPlan[]>();
  for (const column of columns) {
    if (column.role !== 'choice-option') continue;
    const group = column.group ?? column.header;
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [column]);
    else members.push(column);
  }
  for (const column of columns) {
    if (column.role === 'question') {
      readers.push(singleColumnReader(table, column, questionOf(column, uniqueKey(column.header), readers.length)));
    } else if (column.role === 'grid-item') {
      const text = `${column.group ?? column.header} [${column.item ?? column.header}]`;
      readers.push(singleColumnReader(table, column, questionOf(column, uniqueKey(text), readers.length)));
    } else if (column.role === 'choice-option' && (column.type === 'single-choice' || column.type === 'scale')) {
      // One option per column, never more than one filled: a single choice or a scale.
      const group = column.group ?? column.header;
      const members = groups.get(group) ?? [column];
      if (members[0] !== column) continue;
      const options = members.map((member) => member.item ?? member.header);
      const type = column.type;
      const question: PlannedQuestion = {
        key: uniqueKey(group),
        position: readers.length,
        text: group,
        type,
        ...(type === 'scale' && column.scale !== undefined ? { scale: column.scale } : { options }),
      };
      readers.push(singleOptionGroupReader(members, question));
    } else if (column.role === 'choice-option') {
      const group = column.group ?? column.header;
      const members = groups.get(group) ?? [column];
      // The group's question sits where its first column is.
      if (members[0] !== column) continue;
      const options = members.map((member) => member.item ?? member.header);
      readers.push(choiceGroupReader(members, { key: uniqueKey(group), position: readers.length, text: group, type: 'multi-choice', options }));
    }
  }
  return readers;
}

/**
 * The keys the questions of these columns get, as readSurveyResponses gives them: known even when
 * some answers do not read with these columns, so a stored survey can still be recognised.
 */
export function plannedQuestionKeys(table: SurveyTable, columns: readonly SurveyColumnPlan[]): string[] {
  return questionReaders(table, columns).map((reader) => reader.question.key);
}

/**
 * An answer as hashed. A scale point with words is hashed by its words (`wsatisfied`), never its
 * number: a word scale numbers only the points a file's answers use, so the same answer is point 3
 * in one export and point 4 in a newer one that also holds a lower point.
 */
function serialiseAnswer(answer: Exclude<SurveyAnswer, null>, scale: PlannedQuestion['scale']): string {
  if (typeof answer === 'number') {
    const label = scale?.labels?.[answer - scale.min];
    return label === undefined || label === '' ? `n${answer}` : `w${foldLabel(label)}`;
  }
  if (typeof answer === 'string') return `s${answer}`;
  return `a${answer.join('\u001d')}`;
}

function structuralProblems(table: SurveyTable, columns: readonly SurveyColumnPlan[]): SurveyFileProblem[] {
  const problems: SurveyFileProblem[] = [];
  const width = table.headerRows[0]?.length ?? table.rows[0]?.length ?? 0;
  for (const column of columns) {
    if (!Number.isInteger(column.index) || column.index < 0 || column.index >= width) {
      problems.push({ row: null, message: `Column "${column.header}" (number ${column.index + 1}) is not in the file, which has ${width} columns.` });
    }
  }
  const keys = columns.filter((column) => column.role === 'respondent-key');
  if (keys.length > 1) {
    problems.push({
      row: null,
      message: `Only one column can be the respondent key, but ${keys.map((column) => `"${column.header}"`).join(' and ')} are. Keep one and mark the others as metadata.`,
    });
  }
  if (!columns.some((column) => column.role === 'question' || column.role === 'grid-item' || column.role === 'choice-option')) {
    problems.push({ row: null, message: 'No column is marked as a question, so there is nothing to import. Mark at least one column as a question.' });
  }
  return problems;
}

/** Names that stand for nobody: tools and respondents write them instead of a name. */
const PLACEHOLDER_NAMES = new Set([
  'anonymous',
  'anonymous user',
  'anonymous respondent',
  'anonym',
  'anonyme',
  'anonymus',
  'anónimo',
  'anonimo',
  'anónima',
  'anonima',
  'anon',
  'n/a',
  'na',
  'none',
  'no name',
  'unknown',
  'prefer not to say',
  'test',
  '-',
  '匿名',
]);

/** A placeholder such as "Anonymous", "Anonym", "Anonymous user", "N/A" or `***`: no contact is made from it. */
export function isPlaceholderName(value: string): boolean {
  const folded = value.trim().replace(/\s+/g, ' ').toLowerCase();
  return PLACEHOLDER_NAMES.has(folded) || /^[*\-_.?]+$/.test(folded);
}

/** Name parts in reading order: a full name alone, else given name before family name. */
function nameReader(columns: readonly SurveyColumnPlan[]): (row: readonly string[]) => string | undefined {
  const full = columns.filter((column) => !GIVEN_NAME.test(column.header) && !FAMILY_NAME.test(column.header));
  const given = columns.filter((column) => GIVEN_NAME.test(column.header));
  const family = columns.filter((column) => FAMILY_NAME.test(column.header) && !GIVEN_NAME.test(column.header));
  const usable = (value: string): boolean => value !== '' && !isPlaceholderName(value);
  return (row) => {
    for (const column of full) {
      const value = (row[column.index] ?? '').trim().replace(/\s+/g, ' ');
      if (usable(value)) return value;
    }
    const parts = [...given, ...family].map((column) => (row[column.index] ?? '').trim().replace(/\s+/g, ' ')).filter(usable);
    return parts.length === 0 ? undefined : parts.join(' ');
  };
}

function emailOf(row: readonly string[], columns: readonly SurveyColumnPlan[]): string | undefined {
  for (const column of columns) {
    const value = (row[column.index] ?? '').trim().toLowerCase();
    if (EMAIL_SHAPE.test(value)) return value;
  }
  return undefined;
}

/**
 * Reads every response row of a survey file with a (possibly user-corrected) column plan, giving
 * the questions and responses the importer writes, or every problem that stops the import (each
 * naming its spreadsheet row, the column and the value; at most 20, then a count of the rest).
 *
 * - Questions: one per question column and per grid row (`grid-item`, with `gridTitle` and
 *   `itemType`), one multi-choice question per group of `choice-option` columns; `key` is the
 *   question's text (grid: `Title [Row]`) lower-cased with whitespace collapsed (see `questionKey`),
 *   so it stays the same in a newer export; `position` counts questions in column order.
 * - Answers by question key: scale and number as numbers (scale words mapped to their point;
 *   "N/A"-style opt-outs as null), single choice as text, multi-choice as a list, free text trimmed
 *   with line breaks kept (as `\n`), an empty cell as null. Choices the plan did not list are
 *   accepted and appended to the question's options.
 * - `respondentKey`: the respondent-key column's value; without one, the email when it is on one
 *   row only; otherwise a cyrb53 hash of the row's submitted-at cell and its non-empty answer
 *   cells, each tagged with its question key (a second identical row gets `-2`). `answersHash` is
 *   a cyrb53 hash of the non-empty answers as read, by question key. Both ignore column order and
 *   questions added later, so a newer export gives an unchanged response the same key and hash.
 * - `email` lower-cased and trimmed (only when it looks like an address: not "anonymous"); `name`
 *   from a full-name column, else first and last name joined; `submittedAt` parsed from the first
 *   submitted-at column that has a date (undefined when unparseable).
 * - Problems: a cell of a number or scale column that is not a number or not on the scale, a
 *   respondent key repeated or missing, no question column, more than one respondent-key column.
 * - `renamedKeys` (file key → stored key) gives questions renamed since a stored import their
 *   stored keys, so keys and hashes come out as they were stored (see `matchQuestionKeys`).
 */
export function readSurveyResponses(table: SurveyTable, columns: readonly SurveyColumnPlan[], options: ReadSurveyResponsesOptions = {}): ReadSurveyResponsesResult {
  const structural = structuralProblems(table, columns);
  if (structural.length > 0) return { ok: false, problems: structural };

  const readers = questionReaders(table, columns, options.renamedKeys);
  // Hashes take answers in the order of their question keys' tags and skip empty ones, so a newer
  // export with its columns moved or a question added gives unchanged responses the same hashes.
  const hashOrder = readers
    .map((reader) => ({ key: reader.question.key, scale: reader.question.scale, tag: `\u001f${hashText(reader.question.key)}\u001e` }))
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const contentColumns = readers
    .flatMap((reader) =>
      reader.columns.map((column) => ({
        index: column.index,
        tag: `\u001f${hashText(column.role === 'choice-option' ? `${reader.question.key}\u0000${column.item ?? column.header}` : reader.question.key)}\u001e`,
      })),
    )
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const keyColumn = columns.find((column) => column.role === 'respondent-key');
  const emailColumns = columns.filter((column) => column.role === 'email');
  const nameColumns = columns.filter((column) => column.role === 'name');
  const submittedColumns = columns
    .filter((column) => column.role === 'submitted-at')
    .map((column) => ({ index: column.index, order: detectDayMonthOrder(table.rows.map((row) => row[column.index] ?? '')), timeZone: column.timeZone }));
  const readName = nameReader(nameColumns);
  const answersTemplate: Record<string, SurveyAnswer> = Object.fromEntries(readers.map((reader) => [reader.question.key, null]));

  const headerRowCount = table.headerRows.length;
  const problems: SurveyFileProblem[] = [];
  let extraProblems = 0;
  const report = (row: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ row, message });
    else extraProblems += 1;
  };

  // Without a key column, an email identifies a respondent only when no other row has it.
  const emailCounts = new Map<string, number>();
  if (keyColumn === undefined && emailColumns.length > 0) {
    for (const row of table.rows) {
      const email = emailOf(row, emailColumns);
      if (email !== undefined) emailCounts.set(email, (emailCounts.get(email) ?? 0) + 1);
    }
  }

  const responses: PlannedResponse[] = [];
  const keyRows = new Map<string, number>();
  const hashCounts = new Map<string, number>();
  for (const [rowIndex, row] of table.rows.entries()) {
    const sheetRow = headerRowCount + rowIndex + 1;
    // Copying a template with every key gives all rows one object shape: much faster than adding keys.
    const answers: Record<string, SurveyAnswer> = { ...answersTemplate };
    let isValid = true;
    for (const reader of readers) {
      const reading = reader.read(row);
      if (!reading.ok) {
        report(sheetRow, `Row ${sheetRow}, ${reading.message}`);
        isValid = false;
        continue;
      }
      answers[reader.question.key] = reading.answer;
    }

    const email = emailOf(row, emailColumns);
    let respondentKey: string;
    if (keyColumn !== undefined) {
      respondentKey = (row[keyColumn.index] ?? '').trim();
      if (respondentKey === '') {
        report(sheetRow, `Row ${sheetRow}, "${keyColumn.header}": the respondent key is empty, so the response cannot be told apart on a later import. Fill it in or choose no respondent key.`);
        isValid = false;
      } else {
        const earlier = keyRows.get(respondentKey);
        if (earlier !== undefined) {
          report(
            sheetRow,
            `Rows ${earlier} and ${sheetRow} have the same respondent key ${quote(respondentKey)} in "${keyColumn.header}". Remove the repeated response or choose another key column.`,
          );
          isValid = false;
        } else keyRows.set(respondentKey, sheetRow);
      }
    } else if (email !== undefined && emailCounts.get(email) === 1) {
      respondentKey = email;
    } else {
      const content = createTextHasher();
      for (const column of submittedColumns) content.update((row[column.index] ?? '').trim()).update('\u001d');
      for (const { index, tag } of contentColumns) {
        const cell = (row[index] ?? '').trim();
        if (cell !== '') content.update(tag).update(cell);
      }
      const hash = content.digest();
      const seen = (hashCounts.get(hash) ?? 0) + 1;
      hashCounts.set(hash, seen);
      respondentKey = seen === 1 ? hash : `${hash}-${seen}`;
    }
    if (!isValid || problems.length > 0) continue;

    let submittedAt: number | undefined;
    for (const column of submittedColumns) {
      submittedAt = parseSurveyDate(row[column.index] ?? '', column.order, column.timeZone);
      if (submittedAt !== undefined) break;
    }
    const name = readName(row);
    const answersHasher = createTextHasher();
    for (const { key, scale, tag } of hashOrder) {
      const answer = answers[key] ?? null;
      if (answer !== null) answersHasher.update(tag).update(serialiseAnswer(answer, scale));
    }
    responses.push({
      row: sheetRow,
      respondentKey,
      answersHash: answersHasher.digest(),
      ...(email === undefined ? {} : { email }),
      ...(name === undefined ? {} : { name }),
      ...(submittedAt === undefined ? {} : { submittedAt }),
      answers,
    });
  }

  if (problems.length > 0) {
    if (extraProblems > 0) {
      problems.push({ row: null, message: `…and ${extraProblems.toLocaleString('en-US')} more ${extraProblems === 1 ? 'problem' : 'problems'} like these.` });
    }
    return { ok: false, problems };
  }
  return { ok: true, questions: readers.map((reader) => reader.finish()), responses };
}
