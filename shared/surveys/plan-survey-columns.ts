import { cleanHeaderText } from './clean-header-text';
import type { SurveyFormat } from './detect-survey-format';
import type { SurveyTable } from './parse-survey-table';
import { hasLeadingZero, parseSurveyNumber } from './parse-survey-number';
import { parseSurveyDate } from './parse-survey-date';
import { naturalOptionOrder } from './natural-option-order';
import { readMultiChoice } from './split-choice-cell';
import { findWordScale, isOptOutAnswer, splitNumberedLabel } from './survey-scale';
import type { SurveyColumnPlan, SurveyColumnRole, SurveyColumnType, SurveyImportPlan, SurveyScale } from './survey-import-plan';

/** What the planner needs besides the table. */
export interface PlanSurveyColumnsOptions {
  /** The file's name: the survey's title is made from it. */
  readonly fileName?: string;
}

/** Distinct samples a column plan carries for the preview. */
const SAMPLE_COUNT = 5;
const SAMPLE_LENGTH = 200;
/** More distinct answers than this and a column is not a single choice. */
const MAX_CHOICE_OPTIONS = 60;

/**
 * Distinct answers counted per column. Past this a column is neither a scale nor a choice; the
 * rest of its answers are only checked for being numbers (counting 100,000 distinct free-text
 * answers would cost more than all the rest of the planning).
 */
const MAX_TRACKED_VALUES = 5_000;

interface ColumnStats {
  filled: number;
  /** Trimmed non-empty values and how often each occurs, in order of first use (the first MAX_TRACKED_VALUES). */
  readonly values: Map<string, number>;
  /** More distinct values than were tracked. */
  hasUntracked: boolean;
  /** Some untracked value is not a plain number (or has leading zeros). */
  hasUntrackedText: boolean;
  maxLength: number;
  hasLineBreak: boolean;
}

interface ColumnDraft {
  readonly index: number;
  /** The header as shown before duplicates are numbered. */
  header: string;
  /** Names the column is recognised by (export tag, label, ImportId), normalised. */
  readonly names: readonly string[];
  /** Qualtrics export tag (`Q2_1`), else ''. */
  readonly tag: string;
  /** Qualtrics ImportId (`QID1`, `startDate`), else ''. */
  readonly importId: string;
  /** Qualtrics ImportId `timeZone` of a date column, else ''. */
  readonly timeZone: string;
  /** SurveyMonkey: the question (row 1, forward-filled) and the sub-column label (row 2). */
  readonly question: string;
  /** SurveyMonkey: the column whose row 1 named the question. */
  readonly questionStart: number;
  readonly subLabel: string;
  readonly stats: ColumnStats;
  role: SurveyColumnRole;
  type?: SurveyColumnType;
  group?: string;
  item?: string;
  options?: readonly string[];
  scale?: SurveyScale;
  separator?: string;
}

interface TypeReading {
  readonly type: SurveyColumnType;
  /** Identifiers, codes or dates (participant ids, ZIP codes): kept as metadata rather than answers. */
  readonly isIdentifier?: boolean;
  readonly options?: readonly string[];
  readonly scale?: SurveyScale;
  readonly separator?: string;
}

/** A header reduced to what identifies it: lower case, letters, digits and `#` only. */
const normaliseName = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}#]+/gu, '');
const foldText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

const KEY_NAMES: Readonly<Record<SurveyFormat, readonly string[]>> = {
  qualtrics: ['responseid'],
  'qualtrics-legacy': ['responseid'],
  surveymonkey: ['respondentid'],
  typeform: ['#'],
  'microsoft-forms': ['id'],
  'google-forms': [],
  limesurvey: ['responseid', 'id'],
  generic: ['responseid', 'respondentid', 'id', '#', 'submissionid', 'responseuuid', 'respondentuuid'],
};

const SUBMITTED_NAMES: Readonly<Record<SurveyFormat, readonly string[]>> = {
  qualtrics: ['recordeddate', 'enddate'],
  'qualtrics-legacy': ['enddate', 'recordeddate'],
  surveymonkey: ['enddate'],
  typeform: ['submitdateutc', 'submitdate'],
  'microsoft-forms': ['completiontime', '完了時刻'],
  'google-forms': [],
  limesurvey: ['datesubmitted', 'submitdate'],
  generic: [
    'submittedat',
    'submitted',
    'submissiondate',
    'submissiontime',
    'submitdate',
    'submitdateutc',
    'datesubmitted',
    'completedat',
    'completiontime',
    'timestamp',
    'date',
    'enddate',
    'recordeddate',
    'datum',
    '完了時刻',
    'zeitstempel',
    'fecha',
    'horodateur',
  ],
};

const EMAIL_NAMES = new Set([
  'email',
  'emailaddress',
  'recipientemail',
  'respondentemail',
  'youremail',
  'youremailaddress',
  'emailadresse',
  'courriel',
  'correoelectrónico',
  'direccióndecorreoelectrónico',
  'endereçodeemail',
  'メール',
  'メールアドレス',
]);

/** Full-name columns, then given-name and family-name columns (joined given first by the reader). */
const NAME_NAMES = new Set(['name', 'fullname', 'respondentname', 'yourname', 'nombre', 'nom', '名前', '氏名']);
const GIVEN_NAME_NAMES = new Set(['firstname', 'recipientfirstname', 'givenname', 'forename', 'vorname', 'prénom']);
const FAMILY_NAME_NAMES = new Set(['lastname', 'recipientlastname', 'familyname', 'surname', 'nachname']);

/** Tool-generated columns of every format the importer knows. */
const METADATA_NAMES = new Set([
  'startdate',
  'enddate',
  'status',
  'ipaddress',
  'ip',
  'progress',
  'durationinseconds',
  'duration',
  'finished',
  'recordeddate',
  'externalreference',
  'externaldatareference',
  'locationlatitude',
  'locationlongitude',
  'locationaccuracy',
  'distributionchannel',
  'userlanguage',
  'responseset',
  'collectorid',
  'networkid',
  'startdateutc',
  'stagedateutc',
  'responsetype',
  'starttime',
  'lastmodifiedtime',
  'totalpoints',
  'quizfeedback',
  'lastpage',
  'startlanguage',
  'seed',
  'datestarted',
  'datelastaction',
  'datestamp',
  'refurl',
  'referer',
  'referrer',
  'useragent',
  '開始時刻',
  '最終更新時刻',
]);

const TIMING_TAG = /_(first click|last click|page submit|click count)$/i;
const TIMING_LABEL = /^timing - (first click|last click|page submit|click count)$/i;
const TIMING_IMPORT_ID = /_(first_click|last_click|page_submit|click_count)$/i;
const QUIZ_COLUMN = /^(points|feedback) - /i;

/** Question texts that ask for a quantity, so small whole numbers are counts rather than a scale. */
const QUANTITY_HINT = /\b(how many|how much (time|money)|how long|how old|number of|hours?|minutes?|days|weeks|months|years?|age|count|amount|budget|cost|price|salary|percent(age)?)\b|%/i;
/** A scale range stated in the question: `1 to 5`, `1-5`, `0 - 10`, `del 1 al 5`. */
const SCALE_HINT = /\b([01])\s*(?:-|–|to|al|a|bis|à)\s*(\d{1,2})\b/i;
const OTHER_LABEL = /\b(other|otro|otra|autre|andere|altro|please specify)\b/i;
/** A choice's write-in box as its own column: `Other (please specify)`, `Q3 - Other - Text`, `Role [Other]`. */
const WRITE_IN = /please specify|\b(other|otro|otra|autre|andere|altro)\b\s*(\(|\]|-\s*text\b|$)/i;

/** `trim()`, skipped for the usual cell that starts and ends with a visible character (trim copies). */
function trimCell(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return first > 32 && last > 32 && first < 127 && last < 127 ? raw : raw.trim();
}

function columnStats(table: SurveyTable, index: number): ColumnStats {
  const values = new Map<string, number>();
  let filled = 0;
  let maxLength = 0;
  let hasLineBreak = false;
  let hasUntracked = false;
  let hasUntrackedText = false;
  const counts = new Map<string, { count: number }>();
  for (const row of table.rows) {
    const raw = row[index] ?? '';
    if (raw === '') continue;
    const value = trimCell(raw);
    if (value === '') continue;
    filled += 1;
    if (value.length > maxLength) maxLength = value.length;
    if (!hasLineBreak && (value.includes('\n') || value.includes('\r'))) hasLineBreak = true;
    const entry = counts.get(value);
    if (entry !== undefined) entry.count += 1;
    else if (counts.size < MAX_TRACKED_VALUES) counts.set(value, { count: 1 });
    else {
      hasUntracked = true;
      if (!hasUntrackedText && (hasLeadingZero(value) || parseSurveyNumber(value) === null)) hasUntrackedText = true;
    }
  }
  for (const [value, { count }] of counts) values.set(value, count);
  return { filled, values, hasUntracked, hasUntrackedText, maxLength, hasLineBreak };
}

function samplesOf(stats: ColumnStats): string[] {
  const samples: string[] = [];
  for (const value of stats.values.keys()) {
    samples.push(value.length > SAMPLE_LENGTH ? `${value.slice(0, SAMPLE_LENGTH - 1)}…` : value);
    if (samples.length === SAMPLE_COUNT) break;
  }
  return samples;
}

const IMPORT_ID = /ImportId['"]?\s*:\s*['"]([^'"]*)['"]/;
const TIME_ZONE = /timeZone['"]?\s*:\s*['"]([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)['"]/;

/** Header, names and tags of every column, read from the header rows the format has. */
function draftColumns(table: SurveyTable): ColumnDraft[] {
  const [row1 = [], row2 = [], row3 = []] = table.headerRows;
  const width = Math.max(row1.length, table.rows[0]?.length ?? 0);
  const isQualtrics = table.format === 'qualtrics' || table.format === 'qualtrics-legacy';
  const isSurveyMonkey = table.format === 'surveymonkey';
  const drafts: ColumnDraft[] = [];
  let question = '';
  let questionStart = -1;
  // The condensed export leaves row 2 blank: then a blank row 1 cell always continues the question.
  const isCondensed = isSurveyMonkey && row2.every((cell) => cell.trim() === '');
  for (let index = 0; index < width; index += 1) {
    const first = cleanHeaderText(row1[index] ?? '');
    const second = cleanHeaderText(row2[index] ?? '');
    let header = first;
    let names = [normaliseName(first)];
    let tag = '';
    let importId = '';
    let timeZone = '';
    let subLabel = '';
    if (isQualtrics) {
      tag = first;
      header = second === '' ? first : second;
      names = [normaliseName(first), normaliseName(second)];
      importId = IMPORT_ID.exec(row3[index] ?? '')?.[1] ?? '';
      timeZone = TIME_ZONE.exec(row3[index] ?? '')?.[1] ?? '';
      if (importId !== '') names.push(normaliseName(importId));
    } else if (isSurveyMonkey) {
      // Row 1 names a question above its first column only: carry it over the blank ones after.
      if (first !== '') {
        question = first;
        questionStart = index;
      } else if (second === '' && !isCondensed) question = '';
      subLabel = second;
      const isWhole = ['', 'response', 'open-ended response'].includes(second.toLowerCase());
      header = question === '' ? second : isWhole ? question : `${question} - ${second}`;
      names = [normaliseName(first === '' ? second : first)];
    }
    drafts.push({
      index,
      header,
      names,
      tag,
      importId,
      timeZone,
      question: isSurveyMonkey ? question : '',
      questionStart,
      subLabel,
      stats: columnStats(table, index),
      role: 'question',
    });
  }
  return drafts;
}

const hasName = (draft: ColumnDraft, names: ReadonlySet<string>): boolean => draft.names.some((name) => names.has(name));

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isMetadata(draft: ColumnDraft, format: SurveyFormat): boolean {
  if (hasName(draft, METADATA_NAMES)) return true;
  if (draft.names.some((name) => /^customdata\d*$/.test(name))) return true;
  if (QUIZ_COLUMN.test(draft.header)) return true;
  if (format !== 'qualtrics' && format !== 'qualtrics-legacy') return false;
  const { tag, importId, header } = draft;
  if (/_DO(_\d+)?$/.test(tag) || /^Q_[A-Za-z]/.test(tag) || /^SC\d+$/.test(tag)) return true;
  if (TIMING_TAG.test(tag) || TIMING_LABEL.test(header) || TIMING_IMPORT_ID.test(importId)) return true;
  // Current exports tag every question with a QID (`1_QID5` in a loop); other ImportIds are tool or embedded data.
  return importId !== '' && !/^(\d+_)?QID\d/i.test(importId);
}

function identifiesEveryRow(table: SurveyTable, draft: ColumnDraft): boolean {
  if (draft.stats.filled !== table.rows.length) return false;
  const seen = new Set<string>();
  for (const row of table.rows) seen.add((row[draft.index] ?? '').trim());
  return seen.size === table.rows.length;
}

/** Sub-columns of a SurveyMonkey "Contact information" block, by their row-2 labels. */
const CONTACT_BLOCK_LABELS = new Set([
  'name',
  'company',
  'address',
  'address2',
  'citytown',
  'stateprovince',
  'zippostalcode',
  'country',
  'emailaddress',
  'phonenumber',
]);

/**
 * A SurveyMonkey contact-information question: sub-columns (two or more) all labelled as the block
 * labels them. Its Name is the respondent's name, its Email Address the email, the rest metadata.
 */
function assignContactBlocks(drafts: readonly ColumnDraft[]): void {
  const blocks = new Map<number, ColumnDraft[]>();
  for (const draft of drafts) {
    if (draft.questionStart < 0 || draft.question === '') continue;
    const members = blocks.get(draft.questionStart) ?? [];
    members.push(draft);
    blocks.set(draft.questionStart, members);
  }
  for (const members of blocks.values()) {
    const labels = members.map((draft) => normaliseName(draft.subLabel));
    if (members.length < 2 || !labels.every((label) => CONTACT_BLOCK_LABELS.has(label)) || !labels.some((label) => label === 'name' || label === 'emailaddress')) continue;
    for (const [i, draft] of members.entries()) {
      draft.role = labels[i] === 'name' ? 'name' : labels[i] === 'emailaddress' ? 'email' : 'metadata';
    }
  }
}

/** Respondent key, email, name, submitted-at and metadata columns, by the names each format uses. */
function assignFixedRoles(drafts: ColumnDraft[], table: SurveyTable): void {
  const { format } = table;
  const keyNames = KEY_NAMES[format];
  let key: ColumnDraft | undefined;
  for (const name of keyNames) {
    key = drafts.find((draft) => draft.names.includes(name) || (name === '#' && draft.header === '#'));
    if (key === undefined) continue;
    // A generic file's id column must identify every row on its own.
    if (format === 'generic' && !identifiesEveryRow(table, key)) {
      key = undefined;
      continue;
    }
    break;
  }
  if (key !== undefined) key.role = 'respondent-key';

  let submitted: ColumnDraft | undefined;
  if (format === 'google-forms') submitted = drafts[0];
  else {
    for (const name of SUBMITTED_NAMES[format]) {
      submitted = drafts.find((draft) => draft.role === 'question' && draft.names.includes(name));
      if (submitted !== undefined) break;
    }
  }
  if (submitted !== undefined && submitted.role === 'question') submitted.role = 'submitted-at';
  if (format === 'surveymonkey') assignContactBlocks(drafts);

  for (const draft of drafts) {
    if (draft.role !== 'question') continue;
    if (hasName(draft, EMAIL_NAMES)) draft.role = 'email';
    else if (hasName(draft, NAME_NAMES) || hasName(draft, GIVEN_NAME_NAMES) || hasName(draft, FAMILY_NAME_NAMES)) draft.role = 'name';
    else if (isMetadata(draft, format)) draft.role = 'metadata';
  }

  // An unnamed column of email addresses (`Please enter your e-mail`) is the respondent's email.
  if (!drafts.some((draft) => draft.role === 'email')) {
    const emails = drafts.find((draft) => {
      if (draft.role !== 'question' || draft.stats.filled === 0) return false;
      let matching = 0;
      for (const [value, count] of draft.stats.values) if (EMAIL_SHAPE.test(value)) matching += count;
      return matching >= 0.9 * draft.stats.filled;
    });
    if (emails !== undefined) emails.role = 'email';
  }
}

/** Columns that may hold answers (empty ones too, until grouping: they may be options nobody picked). */
const isCandidate = (draft: ColumnDraft): boolean => draft.role === 'question';

interface Run {
  readonly group: string;
  /** Tells apart adjacent runs with one group text (SurveyMonkey: where row 1 named the question). */
  readonly id: string;
  readonly members: { readonly draft: ColumnDraft; readonly item: string }[];
}

/** Consecutive candidate columns with the same group, as `groupOf` reads them; runs of two or more. */
function findRuns(drafts: readonly ColumnDraft[], groupOf: (draft: ColumnDraft) => GroupReading | null): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const draft of drafts) {
    const parsed = isCandidate(draft) ? groupOf(draft) : null;
    const id = parsed === null ? '' : (parsed.id ?? parsed.group);
    if (parsed !== null && current !== null && current.id === id) {
      current.members.push({ draft, item: parsed.item });
      continue;
    }
    if (current !== null && current.members.length >= 2) runs.push(current);
    current = parsed === null ? null : { group: parsed.group, id, members: [{ draft, item: parsed.item }] };
  }
  if (current !== null && current.members.length >= 2) runs.push(current);
  return runs;
}

interface GroupReading {
  readonly group: string;
  readonly item: string;
  readonly id?: string;
}

const BRACKETED = /^(.*\S)\s*\[([^[\]]+)\]$/;

function bracketGroup(draft: ColumnDraft): GroupReading | null {
  const match = BRACKETED.exec(draft.header);
  if (match === null) return null;
  const [, group = '', item = ''] = match;
  return { group: group.trim(), item: item.trim() };
}

/** Qualtrics sub-items: `question - item` (current), `question-item` (legacy); only runs of two or more count. */
function qualtricsGroup(draft: ColumnDraft): GroupReading | null {
  const label = draft.header;
  const spaced = label.lastIndexOf(' - ');
  if (spaced > 0) return { group: label.slice(0, spaced).trim(), item: label.slice(spaced + 3).trim() };
  const dash = label.lastIndexOf('-');
  if (dash <= 0 || dash === label.length - 1) return null;
  return { group: label.slice(0, dash).trim(), item: label.slice(dash + 1).trim() };
}

/**
 * SurveyMonkey sub-columns of one question (row 1 blank after its first column); a `Response` or
 * `Open-Ended Response` column is a whole question of its own.
 */
function surveyMonkeyGroup(draft: ColumnDraft): GroupReading | null {
  if (draft.question === '' || ['response', 'open-ended response'].includes(draft.subLabel.toLowerCase())) return null;
  return { group: draft.question, item: draft.subLabel, id: `${draft.question}\u0000${draft.questionStart}` };
}

/** A sub-column that holds one option of a multi-select: blank, the option's label, or 1/0. */
function isOptionColumn(stats: ColumnStats, item: string): boolean {
  const label = foldText(item);
  for (const value of stats.values.keys()) {
    if (value === '1' || value === '0') continue;
    if (label !== '' && foldText(value) === label) continue;
    if (label === '' && stats.values.size === 1) continue;
    return false;
  }
  return true;
}

/**
 * A run of sub-columns is a multi-select exported one column per option when its columns hold
 * only their option (a trailing "Other" text column aside); otherwise it is a grid.
 */
function assignRun(run: Run, kind: 'auto' | 'grid'): void {
  const withData = run.members.filter(({ draft }) => draft.stats.filled > 0);
  if (withData.length === 0) return;
  const fitting = withData.filter(({ draft, item }) => isOptionColumn(draft.stats, item));
  const misfits = withData.filter((member) => !fitting.includes(member));
  const lastWithData = withData[withData.length - 1];
  const isChoice =
    kind === 'auto' && fitting.length > 0 && (misfits.length === 0 || (misfits.length === 1 && misfits[0] === lastWithData));
  for (const [position, { draft, item }] of run.members.entries()) {
    if (isChoice && misfits.some((misfit) => misfit.draft === draft)) continue;
    draft.role = isChoice ? 'choice-option' : 'grid-item';
    draft.group = run.group;
    const onlyValue = draft.stats.values.size === 1 ? [...draft.stats.values.keys()][0] : undefined;
    const fallback = isChoice && onlyValue !== undefined && onlyValue !== '1' && onlyValue !== '0' ? onlyValue : undefined;
    draft.item = item !== '' ? item : (fallback ?? `${isChoice ? 'Option' : 'Row'} ${position + 1}`);
    // A sub-column known only by its question (SurveyMonkey condensed) is shown with its option.
    if (draft.header === '' || draft.header === run.group) draft.header = `${run.group} - ${draft.item}`;
    if (isChoice) draft.type = 'multi-choice';
  }
}

/** Typeform and generic per-option checkbox columns: each holds nothing or its own header. */
function findOptionRuns(drafts: readonly ColumnDraft[]): Run[] {
  const runs: Run[] = [];
  let current: ColumnDraft[] = [];
  /** The last column before the current lists that is not an option column: the question they follow. */
  let before: ColumnDraft | undefined;
  /** Lists (answered or not) since that column. */
  let listsAfter = 0;
  const close = () => {
    if (current.length >= 2) {
      listsAfter += 1;
      if (current.some((draft) => draft.stats.filled > 0)) {
        const group = optionRunTitle(before?.header, listsAfter);
        runs.push({ group, id: `${group}\u0000${current[0]?.index ?? 0}`, members: current.map((draft) => ({ draft, item: draft.header })) });
      }
    }
    current = [];
  };
  for (const draft of drafts) {
    const fits =
      isCandidate(draft) &&
      draft.header !== '' &&
      (draft.stats.filled === 0 || (draft.stats.values.size === 1 && foldText([...draft.stats.values.keys()][0] ?? '') === foldText(draft.header)));
    if (!fits) {
      // A list's "Other" write-in belongs to the list: the next list still follows the same question.
      const isWriteIn = current.length >= 2 && /^other\b/i.test(draft.header.trim());
      close();
      if (isCandidate(draft) && !isWriteIn) {
        before = draft;
        listsAfter = 0;
      }
      continue;
    }
    if (current.some((member) => foldText(member.header) === foldText(draft.header))) close();
    current.push(draft);
  }
  close();
  return runs;
}

/**
 * Typeform leaves a checkbox list's question out of its export: each option is a column of its
 * own and nothing names the list. Rather than passing an option off as the question, the list is
 * called what it is and placed by the question it follows (`Checkbox list after “Have you been
 * diagnosed?”`, `Second checkbox list after …` for another list right after it); the person can
 * retype the question in the preview.
 */
function optionRunTitle(previous: string | undefined, ordinal: number): string {
  const which = ordinal <= 1 ? 'Checkbox list' : `${ORDINALS[ordinal - 2] ?? `${ordinal}th`} checkbox list`;
  return previous === undefined || previous === '' ? `${which} (untitled in the file)` : `${which} after “${shorten(previous)}”`;
}

const ORDINALS = ['Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

/** A cell of an option column that says "not chosen" (Qualtrics writes 0 for an option seen but not picked). */
const UNCHOSEN_CELLS = new Set(['0', 'false', 'no']);

/**
 * Option-per-column questions where no row fills more than one option are single choices, not
 * multiple: a SurveyMonkey or Typeform "pick one" exported one column per option. When the
 * options are the points of a known word scale (Not at all … A lot), the question is that scale.
 */
function readOptionGroups(drafts: readonly ColumnDraft[], table: SurveyTable): void {
  const runs: ColumnDraft[][] = [];
  let current: ColumnDraft[] = [];
  for (const draft of drafts) {
    const continues = draft.role === 'choice-option' && current.length > 0 && current[0]?.group === draft.group;
    if (continues) current.push(draft);
    else {
      if (current.length > 0) runs.push(current);
      current = draft.role === 'choice-option' ? [draft] : [];
    }
  }
  if (current.length > 0) runs.push(current);
  for (const members of runs) {
    const labels = members.map((draft) => foldText(draft.item ?? ''));
    let answered = 0;
    let isSingle = true;
    for (const row of table.rows) {
      let chosen = 0;
      for (const [i, draft] of members.entries()) {
        const value = trimCell(row[draft.index] ?? '');
        if (value === '') continue;
        const folded = value.toLowerCase();
        if (UNCHOSEN_CELLS.has(folded) && folded !== labels[i]) continue;
        chosen += 1;
      }
      if (chosen > 0) answered += 1;
      if (chosen > 1) {
        isSingle = false;
        break;
      }
    }
    if (!isSingle || answered === 0) continue;
    const items = members.map((draft) => draft.item ?? draft.header);
    const scale = findWordScale(items);
    // Only the points the survey offered: every option one point, none invented.
    const isScale = scale !== null && items.length >= 3 && scale.labels.length === items.length;
    for (const draft of members) {
      if (isScale) {
        draft.type = 'scale';
        draft.scale = scale;
      } else {
        draft.type = 'single-choice';
        draft.options = items;
      }
    }
  }
}

function groupColumns(drafts: ColumnDraft[], format: SurveyFormat): void {
  switch (format) {
    case 'qualtrics':
    case 'qualtrics-legacy':
      for (const run of findRuns(drafts, qualtricsGroup)) assignRun(run, 'auto');
      break;
    case 'surveymonkey':
      for (const run of findRuns(drafts, surveyMonkeyGroup)) assignRun(run, 'auto');
      break;
    case 'typeform':
      for (const run of findOptionRuns(drafts)) assignRun(run, 'auto');
      break;
    case 'generic':
      for (const run of findOptionRuns(drafts)) assignRun(run, 'auto');
      for (const run of findRuns(drafts, bracketGroup)) assignRun(run, 'grid');
      break;
    case 'google-forms':
    case 'limesurvey':
    case 'microsoft-forms':
      for (const run of findRuns(drafts, bracketGroup)) assignRun(run, 'grid');
      break;
  }
}

/** Runs of one group apart from each other are different questions: number the later ones. */
function numberRepeatedGroups(drafts: readonly ColumnDraft[]): void {
  const seen = new Map<string, number>();
  let previous: string | undefined;
  let previousRole: SurveyColumnRole | undefined;
  let current: string | undefined;
  for (const draft of drafts) {
    if (draft.group === undefined) {
      previous = undefined;
      continue;
    }
    const isSameRun = draft.group === previous && draft.role === previousRole;
    previous = draft.group;
    previousRole = draft.role;
    if (!isSameRun) {
      const count = (seen.get(draft.group) ?? 0) + 1;
      seen.set(draft.group, count);
      current = count === 1 ? draft.group : `${draft.group} (${count})`;
    }
    if (current !== undefined) draft.group = current;
  }
}

function separatorsFor(format: SurveyFormat): readonly string[] {
  switch (format) {
    case 'google-forms':
    case 'generic':
      return [';', ', '];
    case 'microsoft-forms':
      return [';'];
    case 'qualtrics':
    case 'qualtrics-legacy':
      return [','];
    default:
      return [];
  }
}

/**
 * A numeric scale from the points answered: the range the question states (`1 to 5`), else from
 * 0 or 1 up to the highest point given, so a 1-4 scale stays 1-4. Only a top above 7 is taken for
 * the common ten-point scale (0-10 when nobody answered 1 or 0).
 */
function numericScale(min: number, max: number, header: string): SurveyScale {
  const hint = SCALE_HINT.exec(header);
  if (hint !== null) {
    const hintMin = Number(hint[1]);
    const hintMax = Number(hint[2]);
    if (hintMax <= 10 && hintMax > hintMin && hintMin <= min && hintMax >= max) return { min: hintMin, max: hintMax };
  }
  // Eleven points (0-10, as in "how likely are you to recommend") are far commoner than 1-10.
  if (max > 7) return { min: min === 1 ? 1 : 0, max: 10 };
  return { min: min === 0 ? 0 : 1, max };
}

/** Question texts that say their numbers are ratings: a legacy export's numeric codes stay a scale there. */
const RATING_HINT = /\b(rate|rating|scale|satisf\w*|agree|likely|important|importance)\b/i;
/** Short zero-padded codes (`01`…`10`, `007`): districts, sites, categories. */
const PADDED_CODE = /^0\d{1,2}$|^\d{2,3}$/;

/** A choice over numeric codes: its options in number order. */
function codeChoice(values: ReadonlyMap<string, number>): TypeReading {
  return { type: 'single-choice', options: naturalOptionOrder([...values.keys()]) };
}

/** Scale, number, single or multiple choice, or free text, from a column's answers. */
/** The answers a type is read from: one column's, or a grid's rows together. */
interface Answers {
  readonly values: ReadonlyMap<string, number>;
  readonly filled: number;
  readonly hasLineBreak: boolean;
  readonly hasUntracked: boolean;
  readonly hasUntrackedText: boolean;
}

function readType({ values, filled, hasLineBreak, hasUntracked, hasUntrackedText }: Answers, header: string, format: SurveyFormat, isWriteIn = false): TypeReading {
  if (filled === 0) return { type: 'free-text' };
  const answers = [...values.keys()].filter((value) => !isOptOutAnswer(value));

  const isNumeric = !hasUntrackedText && answers.length > 0 && answers.every((value) => parseSurveyNumber(value) !== null && !hasLeadingZero(value));
  if (isNumeric && hasUntracked) return { type: 'number' };
  if (isNumeric) {
    const numbers = answers.map((value) => parseSurveyNumber(value) ?? 0);
    const points = new Set(numbers);
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    const asksQuantity = QUANTITY_HINT.test(header);
    const isSmallWhole = numbers.every(Number.isInteger) && min >= 0 && max <= 10;
    // A legacy Qualtrics export writes every choice as its code: categories, unless the question speaks of a rating.
    if (format === 'qualtrics-legacy' && !asksQuantity && isSmallWhole && !RATING_HINT.test(header) && !SCALE_HINT.test(header)) return codeChoice(values);
    if (!asksQuantity && isSmallWhole && points.size >= 3 && max >= 4) return { type: 'scale', scale: numericScale(min, max, header) };
    // A few small codes (0/1, 1/2/3): answer codes of a choice, as numeric exports write them.
    if (!asksQuantity && (points.size <= 2 || (isSmallWhole && max < 4))) return codeChoice(values);
    return { type: 'number' };
  }
  // Zero-padded codes (district 01-10) are categories, never points of a scale.
  if (!hasUntracked && answers.length > 0 && answers.some(hasLeadingZero) && answers.every((value) => PADDED_CODE.test(value)) && values.size < filled) {
    return codeChoice(values);
  }

  if (!hasLineBreak) {
    const words = findWordScale(answers);
    if (words !== null && new Set(answers.map(foldText)).size >= 3) return { type: 'scale', scale: words };
    const numbered = answers.map((value) => (hasLeadingZero(value) ? null : (parseSurveyNumber(value) ?? splitNumberedLabel(value))));
    if (answers.length >= 3 && numbered.every((entry) => entry !== null && (typeof entry === 'number' || /\p{L}/u.test(entry.label)))) {
      // A point's label is the answer as written (`1 - Keine Probleme`), so results show it beside its number.
      const labels = new Map<number, string>();
      for (const [i, entry] of numbered.entries()) if (entry !== null && typeof entry !== 'number' && !labels.has(entry.point)) labels.set(entry.point, answers[i]?.trim() ?? '');
      const pointList = numbered.map((entry) => (typeof entry === 'number' ? entry : (entry?.point ?? 0)));
      const min = Math.min(...pointList);
      const max = Math.max(...pointList);
      if (pointList.every(Number.isInteger) && new Set(pointList).size >= 3 && min >= 0 && max <= 10) {
        const scale = numericScale(min, max, header);
        // Points nobody labelled have '' (shown as their number).
        const wordList = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => labels.get(scale.min + i) ?? '');
        return { type: 'scale', scale: labels.size > 0 ? { ...scale, labels: wordList } : scale };
      }
    }
    for (const separator of separatorsFor(format)) {
      const multi = readMultiChoice(values, separator);
      if (multi !== null) return { type: 'multi-choice', options: multi.options, separator };
    }
  }

  const distinct = values.size;
  const isShort = !hasLineBreak && [...values.keys()].every((value) => value.length <= SAMPLE_LENGTH);
  const isFewWords = [...values.keys()].every((value) => value.length <= 30);
  if (!hasUntracked && isShort && distinct <= MAX_CHOICE_OPTIONS && distinct < filled && (distinct <= 3 || distinct * 4 <= filled || (isFewWords && distinct * 2 <= filled))) {
    return { type: 'single-choice', options: naturalOptionOrder([...values.keys()]) };
  }
  // An "Other (please specify)" box is the write-in of a choice: its text is kept as written.
  if (isWriteIn) return { type: 'free-text' };
  return readOpenAnswers({ values, filled, hasLineBreak, hasUntracked, hasUntrackedText }, IDENTIFIER_HINT.test(header));
}

/** Headers of identifier columns: plain numbers in them are codes, not quantities. */
const IDENTIFIER_HINT = /\b(id|ids|identifier|zip|zip ?code|postal|post ?code|postcode|plz|code|participant|respondent)\b/i;

/** Fewer answers than this and a column's shape is not judged: it stays free text. */
const MIN_SHAPE_ANSWERS = 8;
/** Answers of at least this many words are prose. */
const PROSE_WORDS = 4;

/** Words in an answer; scripts written without spaces (Chinese, Japanese, Korean) count one per two characters. */
export function countWords(value: string): number {
  let spaced = 0;
  for (const word of value.split(/\s+/)) if (word !== '') spaced += 1;
  const unspaced = value.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  return Math.max(spaced, Math.ceil(unspaced / 2));
}

const CODE_TOKEN = /^[\p{L}\p{N}_\-./#:+]+$/u;

/** An identifier or code (`02139`, `P-0012`, `SW1A 1AA`, `2024-11-06`): one or two tokens with a digit, no prose. */
export function isCodeOrDate(value: string): boolean {
  if (value.length > 24 || !/\d/.test(value)) return false;
  const tokens = value.split(/\s+/);
  if (tokens.length <= 2 && tokens.every((token) => CODE_TOKEN.test(token))) return true;
  return parseSurveyDate(value) !== undefined;
}

/**
 * What an open answer column is, when its answers are not a scale, number or small choice: free
 * text only when its answers are mostly distinct and longer than a few words (prose); identifiers,
 * codes and dates are metadata; short answers (a country, a job title, "a friend") are a single
 * choice whose options are the answers given more than once, the rest kept as written ("Other").
 */
function readOpenAnswers({ values, filled, hasLineBreak, hasUntracked }: Answers, isNamedIdentifier: boolean): TypeReading {
  if (filled < MIN_SHAPE_ANSWERS) return { type: 'free-text' };
  let tracked = 0;
  let codes = 0;
  let prose = 0;
  let words = 0;
  let numbers = 0;
  for (const [value, count] of values) {
    tracked += count;
    if (parseSurveyNumber(value) !== null && !hasLeadingZero(value)) numbers += count;
    // A plain number is a code only in a column named as one (a mistyped count is not an identifier).
    if (isCodeOrDate(value) && (isNamedIdentifier || hasLeadingZero(value) || parseSurveyNumber(value) === null)) codes += count;
    const wordsIn = countWords(value);
    words += wordsIn * count;
    if (wordsIn >= PROSE_WORDS || value.includes('\n')) prose += count;
  }
  if (tracked === 0) return { type: 'free-text' };
  if (codes >= 0.9 * tracked) return { type: 'free-text', isIdentifier: true };
  // Numbers with a few words among them: a quantity someone answered in words; left for the user to correct.
  if (numbers >= 0.8 * tracked) return { type: 'free-text' };
  const distinctShare = hasUntracked ? 1 : values.size / filled;
  const meanWords = words / tracked;
  const isProse = hasLineBreak || prose >= 0.5 * tracked || (distinctShare >= 0.9 && meanWords >= 3);
  if (isProse) return { type: 'free-text' };
  const repeated = [...values].filter(([, count]) => count > 1).sort((a, b) => b[1] - a[1]);
  return { type: 'single-choice', options: naturalOptionOrder(repeated.slice(0, MAX_CHOICE_OPTIONS).map(([value]) => value)) };
}

function applyType(draft: ColumnDraft, reading: TypeReading): void {
  if (reading.isIdentifier === true && draft.role === 'question') {
    draft.role = 'metadata';
    return;
  }
  draft.type = reading.type;
  if (reading.options !== undefined) draft.options = reading.options;
  if (reading.scale !== undefined) draft.scale = reading.scale;
  if (reading.separator !== undefined) draft.separator = reading.separator;
}

/** The answers of several columns read as one. */
function answersTogether(members: readonly ColumnDraft[]): Answers {
  const values = new Map<string, number>();
  const together = { values, filled: 0, hasLineBreak: false, hasUntracked: false, hasUntrackedText: false };
  for (const { stats } of members) {
    together.filled += stats.filled;
    together.hasLineBreak ||= stats.hasLineBreak;
    together.hasUntracked ||= stats.hasUntracked;
    together.hasUntrackedText ||= stats.hasUntrackedText;
    for (const [value, count] of stats.values) values.set(value, (values.get(value) ?? 0) + count);
  }
  return together;
}

/** A loop's marks around a repeated question: Qualtrics `1_Q5` tags, `1 - `/`Loop 2: ` prefixes, `(3)`/`#3`/`_3` suffixes. */
const LOOP_TAG = /^\d+_(?=\S)/;
const LOOP_PREFIX = /^(?:(?:loop|iteration|round|item)\s*\d+\s*[-–:.)]\s*|\d+\s*[_:)]\s*)/i;
const LOOP_SUFFIX = /\s*(?:\((?:loop|iteration|round)?\s*#?\d+\)|\[(?:loop|iteration|round)?\s*#?\d+\]|#\d+|_\d+)$/i;

/** The question a looped column repeats, or '' when the column carries no loop mark. */
function loopKey(draft: ColumnDraft): string {
  if (LOOP_TAG.test(draft.tag)) return `tag:${draft.tag.replace(LOOP_TAG, '')}`;
  const header = draft.header.replace(LOOP_PREFIX, '').replace(LOOP_SUFFIX, '');
  return header === draft.header || header === '' ? '' : `text:${foldText(header)}`;
}

/**
 * Question columns that repeat one question in a loop (same tag or text once the loop's marks are
 * removed): their answers are read together, so every pass gets the same type, options and scale.
 */
function typeLoops(drafts: readonly ColumnDraft[], format: SurveyFormat): Set<ColumnDraft> {
  const loops = new Map<string, ColumnDraft[]>();
  for (const draft of drafts) {
    if (draft.role !== 'question') continue;
    const key = loopKey(draft);
    if (key === '') continue;
    const members = loops.get(key) ?? [];
    members.push(draft);
    loops.set(key, members);
  }
  const typed = new Set<ColumnDraft>();
  for (const members of loops.values()) {
    if (members.length < 2) continue;
    const first = members[0];
    if (first === undefined) continue;
    const header = first.header.replace(LOOP_PREFIX, '').replace(LOOP_SUFFIX, '');
    const reading = readType(answersTogether(members), header, format, WRITE_IN.test(header) || /_TEXT$/.test(first.tag));
    for (const member of members) {
      applyType(member, reading);
      typed.add(member);
    }
  }
  return typed;
}

/**
 * Grid rows that rank items: every answered row of the grid holds the positions 1..m once each
 * (m filled cells, all k when every item was ranked). Read as a ranking over positions 1..k.
 */
function readRanking(members: readonly ColumnDraft[], table: SurveyTable): TypeReading | null {
  const k = members.length;
  if (k < 3) return null;
  let answered = 0;
  const seen = new Uint8Array(k + 1);
  for (const row of table.rows) {
    seen.fill(0);
    let filled = 0;
    for (const member of members) {
      const value = trimCell(row[member.index] ?? '');
      if (value === '') continue;
      const position = Number(value);
      if (!Number.isInteger(position) || position < 1 || position > k || seen[position] === 1 || !/^\d+$/.test(value)) return null;
      seen[position] = 1;
      filled += 1;
    }
    if (filled === 0) continue;
    // Positions 1..filled, no gaps: a ranking, not ratings that happen to differ.
    for (let position = 1; position <= filled; position += 1) if (seen[position] !== 1) return null;
    if (filled < 2) return null;
    answered += 1;
  }
  return answered >= 2 ? { type: 'ranking', scale: { min: 1, max: k } } : null;
}

/** Every question gets a type; the rows of a grid share one, read from all their answers together. */
function typeColumns(drafts: readonly ColumnDraft[], table: SurveyTable): void {
  const { format } = table;
  const grids = new Map<string, ColumnDraft[]>();
  const looped = typeLoops(drafts, format);
  for (const draft of drafts) {
    if (draft.role === 'question') {
      if (!looped.has(draft)) applyType(draft, readType(draft.stats, draft.header, format, WRITE_IN.test(draft.header) || /_TEXT$/.test(draft.tag)));
    } else if (draft.role === 'grid-item' && draft.group !== undefined) {
      const members = grids.get(draft.group) ?? [];
      members.push(draft);
      grids.set(draft.group, members);
    }
  }
  for (const [group, members] of grids) {
    const shared: ColumnDraft[] = [];
    for (const member of members) {
      const own = readType(member.stats, group, format, OTHER_LABEL.test(member.item ?? ''));
      // An "Other (please specify)" row of a grid keeps its free text.
      if (own.type === 'free-text' && member.stats.filled > 0 && OTHER_LABEL.test(member.item ?? '')) applyType(member, own);
      else shared.push(member);
    }
    const reading = readRanking(shared, table) ?? readType(answersTogether(shared), group, format);
    for (const member of shared) applyType(member, reading);
  }
}

/** Longest text of the preceding question quoted in a repeated header. */
const CONTEXT_LENGTH = 60;

const shorten = (text: string): string => (text.length > CONTEXT_LENGTH ? `${text.slice(0, CONTEXT_LENGTH - 1).trimEnd()}…` : text);

/**
 * Empty headers become `Column 7`. A header used by several columns ("Why or why not?" after two
 * different questions) is told apart by its export tag (Qualtrics `Q12`) or else by the question
 * column before it: `Why or why not? (after “Would you bring it up with a potential employer?”)`;
 * only when neither tells them apart are the later ones numbered `(2)`, `(3)`.
 */
function numberHeaders(drafts: readonly ColumnDraft[]): number {
  const used = new Set<string>();
  let renamed = 0;
  for (const draft of drafts) if (draft.header === '') draft.header = `Column ${draft.index + 1}`;
  const total = new Map<string, number>();
  for (const draft of drafts) total.set(draft.header, (total.get(draft.header) ?? 0) + 1);
  const original = drafts.map((draft) => draft.header);
  const firstSeen = new Set<string>();
  for (const [position, draft] of drafts.entries()) {
    const base = draft.header;
    if ((total.get(base) ?? 0) < 2) continue;
    // The first column keeps the header as written; the later ones are told apart from it.
    if (!firstSeen.has(base)) {
      firstSeen.add(base);
      continue;
    }
    if (draft.role === 'metadata' || draft.role === 'ignore') continue;
    let context = '';
    if (draft.tag !== '' && draft.tag !== base) context = draft.tag;
    else {
      for (let before = position - 1; before >= 0; before -= 1) {
        const previous = drafts[before];
        const text = original[before] ?? '';
        if (previous === undefined || text === base || (total.get(text) ?? 0) > 1) continue;
        if (previous.role !== 'question' && previous.role !== 'grid-item' && previous.role !== 'choice-option') continue;
        context = `after “${shorten(previous.group ?? text)}”`;
        break;
      }
    }
    if (context === '') continue;
    const named = `${base} (${context})`;
    if (drafts.some((other) => other !== draft && other.header === named)) continue;
    draft.header = named;
    renamed += 1;
  }
  const seen = new Map<string, number>();
  for (const draft of drafts) used.add(draft.header);
  for (const draft of drafts) {
    const base = draft.header;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    if (count === 1) continue;
    let suffix = count;
    while (used.has(`${base} (${suffix})`)) suffix += 1;
    draft.header = `${base} (${suffix})`;
    used.add(draft.header);
    renamed += 1;
  }
  return renamed;
}

/** The survey's title from its file name: no folder or extension, separators as spaces. */
export function titleFromFileName(fileName: string | undefined): string {
  const base = (fileName ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(csv|tsv|txt|xlsx|xls)$/i, '');
  const words = stem.replace(/[_\-.+]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return 'Imported survey';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const plural = (count: number, one: string, many: string): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

function countRows(table: SurveyTable, draft: ColumnDraft | undefined, test: (value: string) => boolean): number {
  if (draft === undefined) return 0;
  let count = 0;
  for (const row of table.rows) if (test((row[draft.index] ?? '').trim())) count += 1;
  return count;
}

function findByName(drafts: readonly ColumnDraft[], name: string): ColumnDraft | undefined {
  return drafts.find((draft) => draft.names.includes(name));
}

function noticesFor(table: SurveyTable, drafts: readonly ColumnDraft[], renamed: number): string[] {
  const notices: string[] = [];
  const total = table.rows.length;
  const { format } = table;
  if (table.quotesAsText === true) {
    notices.push('Quote marks are read as part of the text: every row splits into the same number of cells on tabs alone, as in a tab-separated download from Google Sheets.');
  }
  const skipped = table.skippedEmptyRows ?? 0;
  if (skipped > 0) notices.push(`${plural(skipped, 'empty row was', 'empty rows were')} skipped: ${skipped === 1 ? 'it has' : 'they have'} no answer in any column.`);
  if (format === 'qualtrics' || format === 'qualtrics-legacy') {
    const finished = findByName(drafts, 'finished');
    const progress = findByName(drafts, 'progress');
    const incomplete =
      finished !== undefined
        ? countRows(table, finished, (value) => ['false', '0'].includes(value.toLowerCase()))
        : countRows(table, progress, (value) => value !== '' && value !== '100');
    if (incomplete > 0) notices.push(`${plural(incomplete, 'response is', 'responses are')} incomplete (Finished is False); they are imported with the answers given.`);
    const status = findByName(drafts, 'status');
    const channel = findByName(drafts, 'distributionchannel');
    let tests = 0;
    for (const row of table.rows) {
      const statusValue = status === undefined ? '' : (row[status.index] ?? '').trim().toLowerCase();
      const channelValue = channel === undefined ? '' : (row[channel.index] ?? '').trim().toLowerCase();
      if (['1', '2', 'survey preview', 'survey test', 'preview', 'test'].includes(statusValue) || ['preview', 'test'].includes(channelValue)) tests += 1;
    }
    if (tests > 0) notices.push(`${plural(tests, 'response is a', 'responses are')} survey preview or test (Status); remove ${tests === 1 ? 'it' : 'them'} from the file if ${tests === 1 ? 'it is' : 'they are'} not real.`);
  }
  if (format === 'limesurvey') {
    const submitted = drafts.find((draft) => draft.role === 'submitted-at');
    const incomplete = countRows(table, submitted, (value) => value === '');
    if (incomplete > 0) notices.push(`${plural(incomplete, 'response is', 'responses are')} incomplete (no submit date); they are imported with the answers given.`);
  }
  if (format === 'typeform') {
    const partial = countRows(table, findByName(drafts, 'responsetype'), (value) => value.toLowerCase() === 'partial');
    if (partial > 0) notices.push(`${plural(partial, 'response is', 'responses are')} partial (Response Type); they are imported with the answers given.`);
  }
  const emails = drafts.filter((draft) => draft.role === 'email');
  if (emails.length > 0) {
    let anonymous = 0;
    for (const row of table.rows) if (emails.every((draft) => (row[draft.index] ?? '').trim().toLowerCase() === 'anonymous')) anonymous += 1;
    if (anonymous > 0) notices.push(`${plural(anonymous, 'response is', 'responses are')} anonymous (no email).`);
  }
  if (!drafts.some((draft) => draft.role === 'respondent-key')) {
    notices.push(
      emails.length > 0
        ? 'The file has no response id: on a later import of a newer export, a response is recognised by its email when that is on one row only, otherwise by its answers.'
        : 'The file has no response id: on a later import of a newer export, a response is recognised by its answers, so an edited response is imported again.',
    );
  }
  let optOuts = 0;
  for (const draft of drafts) {
    if (draft.type !== 'scale' && draft.type !== 'number') continue;
    for (const [value, count] of draft.stats.values) if (isOptOutAnswer(value)) optOuts += count;
  }
  if (optOuts > 0) notices.push(`${plural(optOuts, 'answer such as “N/A” or “I don’t know” in a scale or number column is', 'answers such as “N/A” or “I don’t know” in scale or number columns are')} read as no answer.`);
  if (renamed > 0) notices.push(`${plural(renamed, 'column shares its', 'columns share their')} header with another column and ${renamed === 1 ? 'is' : 'are'} named by the question before ${renamed === 1 ? 'it' : 'them'} or by ${renamed === 1 ? 'its' : 'their'} export tag (or numbered when nothing tells them apart).`);
  if (total > 0 && !drafts.some((draft) => draft.role === 'question' || draft.role === 'grid-item' || draft.role === 'choice-option')) {
    notices.push('No column looks like a question: mark the columns to import as questions.');
  }
  return notices;
}

function toPlan(draft: ColumnDraft): SurveyColumnPlan {
  const isAnswer = draft.role === 'question' || draft.role === 'grid-item' || draft.role === 'choice-option';
  return {
    index: draft.index,
    header: draft.header,
    role: draft.role,
    ...(isAnswer && draft.type !== undefined ? { type: draft.type } : {}),
    ...(draft.group === undefined ? {} : { group: draft.group }),
    ...(draft.item === undefined ? {} : { item: draft.item }),
    ...(isAnswer && draft.options !== undefined ? { options: draft.options } : {}),
    ...(isAnswer && draft.scale !== undefined ? { scale: draft.scale } : {}),
    ...(isAnswer && draft.separator !== undefined ? { separator: draft.separator } : {}),
    ...(draft.timeZone === '' ? {} : { timeZone: draft.timeZone }),
    filled: draft.stats.filled,
    samples: samplesOf(draft.stats),
  };
}

/**
 * Guesses what every column of a parsed survey file holds, before anything is written: its role
 * (respondent key, email, name, submitted-at, metadata, question, grid row, multi-select option,
 * ignore), the header a person should see, and for answers the type (scale, number, single or
 * multiple choice, free text) with options and scale. The user corrects the plan in the preview;
 * `readSurveyResponses` then reads the rows with it.
 *
 * Conventions: a name split over first- and last-name columns gives both the role `name` (the
 * reader joins them, given name first); grid rows have `group` = the grid's question and `item` =
 * the row; a multi-select exported one column per option has `choice-option` columns with `group`
 * = the question and `item` = the option. Columns with no answers at all are `ignore`.
 */
export function planSurveyColumns(table: SurveyTable, options: PlanSurveyColumnsOptions = {}): SurveyImportPlan {
  const drafts = draftColumns(table);
  assignFixedRoles(drafts, table);
  groupColumns(drafts, table.format);
  readOptionGroups(drafts, table);
  for (const draft of drafts) {
    if (draft.role === 'question' && draft.stats.filled === 0) draft.role = 'ignore';
  }
  numberRepeatedGroups(drafts);
  typeColumns(drafts, table);
  const renamed = numberHeaders(drafts);
  return {
    format: table.format,
    title: titleFromFileName(options.fileName),
    responseCount: table.rows.length,
    columns: drafts.map(toPlan),
    notices: noticesFor(table, drafts, renamed),
  };
}
