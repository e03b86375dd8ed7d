import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { MAX_CONTACT_COLUMNS } from '../../../shared/limits/input-limits';
import { contactImportWrites, guessContactColumns, planContactImport, readContactTable, type ContactTable } from '../../../shared/contacts/contact-csv';

const bytes = (text: string) => new TextEncoder().encode(text);
const NONE = { byEmail: new Map<string, string>(), byNameKey: new Map<string, string>() };

function table(text: string): ContactTable {
  const result = readContactTable(bytes(text));
  if (!result.ok) throw new Error(result.problem.message);
  return result.table;
}

describe('reading a contacts file', () => {
  it('reads headers and rows, with a semicolon delimiter and CRLF', () => {
    const read = table('Name;Email;Team\r\nAda;ada@example.com;Payments\r\n');
    expect(read).toMatchObject({ headers: ['Name', 'Email', 'Team'], rows: [['Ada', 'ada@example.com', 'Payments']], firstRow: 2, delimiter: ';' });
  });

  it('reads Windows-1252 and UTF-16 LE with a BOM', () => {
    const cp1252 = new Uint8Array([...bytes('Name\r\nRen'), 0xe9, 0x20, 0x80, 0x0d, 0x0a]);
    const read = readContactTable(cp1252);
    expect(read.ok && read.table.rows[0]?.[0]).toBe('René €');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Name\nZoë\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const wide = readContactTable(utf16);
    expect(wide.ok && wide.table.rows[0]?.[0]).toBe('Zoë');
  });

  it('names the row of an unterminated quote, and refuses empty and header-only files', () => {
    const broken = readContactTable(bytes('Name,Email\nAda,ada@example.com\n"Grace,grace@example.com\nLinus,l@example.com\n'));
    expect(broken).toMatchObject({ ok: false, problem: { row: 3 } });
    expect(readContactTable(bytes(''))).toMatchObject({ ok: false, problem: { message: 'The file is empty.' } });
    expect(readContactTable(bytes('Name,Email\n'))).toMatchObject({ ok: false, problem: { message: 'The file has a header row but no contacts.' } });
  });

  it('refuses a 200,000-column file from its header line, naming both numbers, before splitting it', () => {
    const parse = vi.spyOn(Papa, 'parse');
    expect(readContactTable(bytes(`${'Field,'.repeat(199_999)}Field\nAda\n`))).toEqual({
      ok: false,
      problem: {
        row: null,
        message: `This file has 200,000 columns on line 1; the most Discovery Desk reads is ${MAX_CONTACT_COLUMNS.toLocaleString('en-US')}. Export only the columns you need, or check that this is the file you meant.`,
      },
    });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    // A generated file of a megabyte and more: slow on a loaded machine.
  }, 60_000);

  it('counts Excel’s sep= line in row numbers', () => {
    expect(table('sep=;\nName;Email\nAda;ada@example.com\n').firstRow).toBe(3);
  });
});

describe('mapping columns', () => {
  it('guesses common headers and gives each role once', () => {
    expect(guessContactColumns(['Full name', 'E-mail address', 'Team', 'Job title', 'Company', 'Notes', 'Team 2'])).toEqual([
      'name',
      'email',
      'team',
      'role',
      'organisation',
      'ignore',
      'ignore',
    ]);
    expect(guessContactColumns(['First Name', 'Last Name'])).toEqual(['first-name', 'last-name']);
  });
});

describe('planning an import', () => {
  const file = table(
    [
      'Name,Email,Team',
      'Ada Lovelace,ADA@example.com,Payments',
      'Grace Hopper,grace@example.com,Compilers',
      'ada lovelace,,Billing',
      'Grace H.,grace@example.com,',
      'Linus,linus@example.com,Kernel',
      'Linus,other-linus@example.com,Kernel',
    ].join('\n'),
  );
  const roles = guessContactColumns(file.headers);

  it('marks duplicates by email, or by name when one side has no email, within the file and against stored contacts', () => {
    const plan = planContactImport(file, roles, { byEmail: new Map([['grace@example.com', 'stored-grace']]), byNameKey: new Map() });
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((row) => [row.row, row.fields.email, row.duplicate])).toEqual([
      [2, 'ada@example.com', undefined],
      [3, 'grace@example.com', { of: 'existing', contactId: 'stored-grace', by: 'email' }],
      [4, undefined, { of: 'file', row: 2, by: 'name' }],
      [5, 'grace@example.com', { of: 'existing', contactId: 'stored-grace', by: 'email' }],
      [6, 'linus@example.com', undefined],
      [7, 'other-linus@example.com', undefined],
    ]);
  });

  it('skips, updates or creates duplicates as chosen', () => {
    const plan = planContactImport(file, roles, { byEmail: new Map([['grace@example.com', 'stored-grace']]), byNameKey: new Map() });
    expect(contactImportWrites(plan, 'skip')).toMatchObject({ create: [{ name: 'Ada Lovelace' }, { name: 'Linus' }, { name: 'Linus' }], update: [], skipped: 3 });
    const updated = contactImportWrites(plan, 'update');
    expect(updated.create).toEqual([
      { name: 'ada lovelace', email: 'ada@example.com', team: 'Billing' },
      { name: 'Linus', email: 'linus@example.com', team: 'Kernel' },
      { name: 'Linus', email: 'other-linus@example.com', team: 'Kernel' },
    ]);
    expect(updated.update).toEqual([{ contactId: 'stored-grace', fields: { name: 'Grace H.', email: 'grace@example.com', team: 'Compilers' } }]);
    expect(contactImportWrites(plan, 'create').create).toHaveLength(6);
  });

  it('names rows without a name or email and bad emails, and needs a name or email column', () => {
    const bad = table('Name,Email,Team\n,,Payments\nAda,not-an-email,\n');
    expect(planContactImport(bad, ['name', 'email', 'team'], NONE).problems).toEqual([
      { row: 2, message: 'Row 2 has neither a name nor an email.' },
      { row: 3, message: 'Row 3: “not-an-email” is not an email address.' },
    ]);
    expect(planContactImport(bad, ['ignore', 'ignore', 'team'], NONE).problems[0]?.message).toMatch(/No column is mapped/);
  });

  it('joins first and last names, and uses the email as the name when there is none', () => {
    const names = table('First,Last,Mail\nAda,Lovelace,ada@example.com\n,,grace@example.com\n');
    const plan = planContactImport(names, guessContactColumns(names.headers), NONE);
    expect(plan.rows.map((row) => row.fields.name)).toEqual(['Ada Lovelace', 'grace@example.com']);
  });
});
