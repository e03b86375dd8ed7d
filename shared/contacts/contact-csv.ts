import { contactNameKey, normaliseEmail } from '../domain/contact';
import { decodeSurveyBytes } from '../surveys/decode-survey-bytes';
import { MAX_CONTACT_COLUMNS } from '../limits/input-limits';
import { parseSurveyTable, SURVEY_TABLE_LIMITS, type SurveyTableLimits } from '../surveys/parse-survey-table';

/** What a column of a contacts file holds. */
export const CONTACT_COLUMN_ROLES = ['name', 'first-name', 'last-name', 'email', 'team', 'role', 'organisation', 'ignore'] as const;
export type ContactColumnRole = (typeof CONTACT_COLUMN_ROLES)[number];

/** A contacts file read into a header and rows, every row as wide as the header. */
export interface ContactTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The 1-based spreadsheet row of `rows[index]`. */
  readonly firstRow: number;
  readonly encoding: string;
  readonly delimiter: string;
}

/** Why a contacts file cannot be imported; `row` is 1-based as a spreadsheet shows it, or null. */
export interface ContactFileProblem {
  readonly row: number | null;
  readonly message: string;
}

export type ReadContactTableResult = { readonly ok: true; readonly table: ContactTable } | { readonly ok: false; readonly problem: ContactFileProblem };

/** A contacts file is read under the survey limits, with its own (lower) column limit. */
export const CONTACT_TABLE_LIMITS: SurveyTableLimits = { ...SURVEY_TABLE_LIMITS, maxColumns: MAX_CONTACT_COLUMNS };

/**
 * Reads a contacts CSV/TSV with the survey importer's decoding (BOM, UTF-16, Windows-1252) and
 * splitting (Papa Parse, `sep=`, `,;\t|`); refuses an empty, header-only or malformed file naming
 * the row, and one past CONTACT_TABLE_LIMITS (its header line is checked before anything is split).
 */
export function readContactTable(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): ReadContactTableResult {
  const { text, encoding } = decodeSurveyBytes(bytes);
  const parsed = parseSurveyTable(text, CONTACT_TABLE_LIMITS, onProgress === undefined ? {} : { onProgress });
  if (!parsed.ok) {
    const message = parsed.problem.message === 'The file has headers but no responses.' ? 'The file has a header row but no contacts.' : parsed.problem.message;
    return { ok: false, problem: { row: parsed.problem.row, message } };
  }
  const { headerRows, rows, delimiter } = parsed.table;
  const headers = (headerRows.at(-1) ?? []).map((header) => header.trim());
  const hasSepLine = /^\uFEFF?"?sep=/i.test(text);
  return { ok: true, table: { headers, rows, firstRow: headerRows.length + 1 + (hasSepLine ? 1 : 0), encoding, delimiter } };
}

const ROLE_WORDS: readonly (readonly [ContactColumnRole, RegExp])[] = [
  ['email', /e-?mail|^mail$/],
  ['first-name', /^(first|given)[ _-]?name$|^first$/],
  ['last-name', /^(last|family)[ _-]?name$|^surname$|^last$/],
  ['name', /^(full[ _-]?)?name$|^(contact|person|display)[ _-]?name$|^contact$|^person$/],
  ['organisation', /organi[sz]ation|^org$|company|department|division|business unit/],
  ['team', /team|squad|group/],
  ['role', /role|title|position|job/],
];

/** Guesses each column's role from its header; each role is given to one column at most. */
export function guessContactColumns(headers: readonly string[]): readonly ContactColumnRole[] {
  const taken = new Set<ContactColumnRole>();
  return headers.map((header) => {
    const key = header.trim().toLowerCase();
    const match = ROLE_WORDS.find(([role, pattern]) => !taken.has(role) && pattern.test(key));
    if (match === undefined) return 'ignore';
    taken.add(match[0]);
    return match[0];
  });
}

/** A contact's fields as a file row gives them. */
export interface ContactFields {
  readonly name: string;
  readonly email?: string;
  readonly team?: string;
  readonly role?: string;
  readonly organisation?: string;
}

/** The stored contacts a file row can duplicate: ids by normalised email and by name key. */
export interface ExistingContactKeys {
  readonly byEmail: ReadonlyMap<string, string>;
  readonly byNameKey: ReadonlyMap<string, string>;
}

export type ContactDuplicate =
  | { readonly of: 'existing'; readonly contactId: string; readonly by: 'email' | 'name' }
  | { readonly of: 'file'; readonly row: number; readonly by: 'email' | 'name' };

export interface PlannedContactRow {
  /** The 1-based spreadsheet row. */
  readonly row: number;
  readonly fields: ContactFields;
  readonly duplicate?: ContactDuplicate;
}

export interface ContactImportPlan {
  readonly rows: readonly PlannedContactRow[];
  /** Rows that cannot be imported as mapped; any problem stops the whole import. */
  readonly problems: readonly ContactFileProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Rows checked between two progress reports. */
const PROGRESS_ROWS = 5_000;

/** The emails and name keys of a file's rows under a mapping, to look up stored duplicates with. */
export function contactKeysOf(table: ContactTable, roles: readonly ContactColumnRole[]): { readonly emails: readonly string[]; readonly nameKeys: readonly string[] } {
  const emails = new Set<string>();
  const nameKeys = new Set<string>();
  for (const cells of table.rows) {
    const fields = rowFields(cells, roles);
    if (fields.email !== undefined) emails.add(fields.email);
    if (fields.name !== '') nameKeys.add(contactNameKey(fields.name));
  }
  return { emails: [...emails], nameKeys: [...nameKeys] };
}

function rowFields(cells: readonly string[], roles: readonly ContactColumnRole[]): ContactFields {
  const value = (role: ContactColumnRole): string => {
    const index = roles.indexOf(role);
    return index < 0 ? '' : (cells[index] ?? '').trim().replace(/\s+/g, ' ');
  };
  const fullName = value('name') || [value('first-name'), value('last-name')].filter(Boolean).join(' ');
  const email = normaliseEmail(value('email'));
  const optional = (['team', 'role', 'organisation'] as const).flatMap((field) => {
    const text = value(field);
    return text === '' ? [] : [[field, text] as const];
  });
  return { name: fullName || email, ...(email === '' ? {} : { email }), ...Object.fromEntries(optional) };
}

/**
 * Turns a file's rows into contacts under a column mapping, marking duplicates: same email, or
 * same name when either side has no email (two different emails mean two people), first against
 * stored contacts, then against earlier rows of the file. Names a row without name or email, or
 * with an email that is not one, as a problem. `onProgress` hears the rows checked, every few thousand.
 */
export function planContactImport(
  table: ContactTable,
  roles: readonly ContactColumnRole[],
  existing: ExistingContactKeys,
  onProgress?: (rowsChecked: number) => void,
): ContactImportPlan {
  const problems: ContactFileProblem[] = [];
  if (!roles.some((role) => role === 'name' || role === 'first-name' || role === 'last-name' || role === 'email')) {
    return { rows: [], problems: [{ row: null, message: 'No column is mapped to a name or an email; map at least one.' }] };
  }
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, { row: number; hasEmail: boolean }>();
  const rows: PlannedContactRow[] = [];
  table.rows.forEach((cells, index) => {
    if (onProgress !== undefined && index > 0 && index % PROGRESS_ROWS === 0) onProgress(index);
    const row = table.firstRow + index;
    const fields = rowFields(cells, roles);
    if (fields.name === '') {
      if (cells.every((cell) => cell.trim() === '')) return;
      problems.push({ row, message: `Row ${row} has neither a name nor an email.` });
      return;
    }
    if (fields.email !== undefined && !EMAIL.test(fields.email)) {
      problems.push({ row, message: `Row ${row}: “${fields.email}” is not an email address.` });
      return;
    }
    const nameKey = contactNameKey(fields.name);
    const duplicate = findDuplicate(fields, nameKey, existing, seenEmail, seenName);
    if (fields.email !== undefined && !seenEmail.has(fields.email)) seenEmail.set(fields.email, row);
    if (!seenName.has(nameKey)) seenName.set(nameKey, { row, hasEmail: fields.email !== undefined });
    rows.push({ row, fields, ...(duplicate === undefined ? {} : { duplicate }) });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ row: null, message: 'The file has a header row but no contacts.' });
  onProgress?.(table.rows.length);
  return { rows, problems };
}

function findDuplicate(
  fields: ContactFields,
  nameKey: string,
  existing: ExistingContactKeys,
  seenEmail: ReadonlyMap<string, number>,
  seenName: ReadonlyMap<string, { row: number; hasEmail: boolean }>,
): ContactDuplicate | undefined {
  if (fields.email !== undefined) {
    const stored = existing.byEmail.get(fields.email);
    if (stored !== undefined) return { of: 'existing', contactId: stored, by: 'email' };
    const earlier = seenEmail.get(fields.email);
    if (earlier !== undefined) return { of: 'file', row: earlier, by: 'email' };
  }
  const storedByName = existing.byNameKey.get(nameKey);
  if (storedByName !== undefined) return { of: 'existing', contactId: storedByName, by: 'name' };
  const earlier = seenName.get(nameKey);
  if (earlier !== undefined && (fields.email === undefined || !earlier.hasEmail)) return { of: 'file', row: earlier.row, by: 'name' };
  return undefined;
}

/** What to do with a duplicate row: leave it out, copy its values onto the match, or add it anyway. */
export type DuplicateChoice = 'skip' | 'update' | 'create';

/** The writes an import makes: contacts to add, stored contacts to update (non-empty values win). */
export interface ContactImportWrites {
  readonly create: readonly ContactFields[];
  readonly update: readonly { readonly contactId: string; readonly fields: ContactFields }[];
  readonly skipped: number;
}

/** Applies the duplicate choice to a plan; a file duplicate of a skipped or updated row follows that row. */
export function contactImportWrites(plan: ContactImportPlan, choice: DuplicateChoice): ContactImportWrites {
  const creates: ContactFields[] = [];
  const createdAt = new Map<number, number>();
  const updates = new Map<string, ContactFields>();
  const byRow = new Map(plan.rows.map((planned) => [planned.row, planned]));
  let skipped = 0;
  for (const planned of plan.rows) {
    const duplicate = planned.duplicate;
    if (duplicate === undefined || choice === 'create') {
      createdAt.set(planned.row, creates.length);
      creates.push(planned.fields);
      continue;
    }
    if (choice === 'skip') {
      skipped += 1;
      continue;
    }
    if (duplicate.of === 'existing') {
      updates.set(duplicate.contactId, fillFields(updates.get(duplicate.contactId), planned.fields));
      continue;
    }
    const target = createdAt.get(duplicate.row);
    const earlier = byRow.get(duplicate.row);
    if (target !== undefined) creates[target] = fillFields(creates[target], planned.fields);
    else if (earlier?.duplicate?.of === 'existing') {
      const { contactId } = earlier.duplicate;
      updates.set(contactId, fillFields(updates.get(contactId), planned.fields));
    } else skipped += 1;
  }
  return { create: creates, update: [...updates].map(([contactId, fields]) => ({ contactId, fields })), skipped };
}

function fillFields(base: ContactFields | undefined, next: ContactFields): ContactFields {
  if (base === undefined) return next;
  return {
    name: next.name || base.name,
    ...((next.email ?? base.email) === undefined ? {} : { email: next.email ?? base.email }),
    ...((next.team ?? base.team) === undefined ? {} : { team: next.team ?? base.team }),
    ...((next.role ?? base.role) === undefined ? {} : { role: next.role ?? base.role }),
    ...((next.organisation ?? base.organisation) === undefined ? {} : { organisation: next.organisation ?? base.organisation }),
  };
}
