import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CELL_CHARS, MAX_HEADER_LINE_CHARS, MAX_SURVEY_COLUMNS } from '../../../shared/limits/input-limits';
import { columnLetter, parseSurveyTable, SURVEY_TABLE_LIMITS, surveyTableFromRows, type SurveyTable } from '../../../shared/surveys/parse-survey-table';
import { fixtureBytes } from './survey-fixtures';

function table(text: string): SurveyTable {
  const result = parseSurveyTable(text);
  if (!result.ok) throw new Error(`row ${result.problem.row}: ${result.problem.message}`);
  return result.table;
}

function problem(text: string): { row: number | null; message: string } {
  const result = parseSurveyTable(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('parseSurveyTable: delimiters and line ends', () => {
  it('parses a plain comma file with LF', () => {
    const t = table('name,score\nAna,5\nBo,3\n');
    expect(t).toEqual({ headerRows: [['name', 'score']], rows: [['Ana', '5'], ['Bo', '3']], delimiter: ',', format: 'generic' });
  });

  it('accepts CRLF and CR-only line ends', () => {
    expect(table('name,score\r\nAna,5\r\nBo,3\r\n').rows).toEqual([['Ana', '5'], ['Bo', '3']]);
    expect(table('name,score\rAna,5\rBo,3').rows).toEqual([['Ana', '5'], ['Bo', '3']]);
  });

  it('honours Excel sep= first line and counts it in row numbers', () => {
    const t = table('sep=;\r\nname;comment\r\nAna;"1,5 stars"\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.headerRows).toEqual([['name', 'comment']]);
    expect(t.rows).toEqual([['Ana', '1,5 stars']]);
    expect(problem('sep=;\nname;comment\nAna;x;y\n').row).toBe(3);
  });

  it('detects semicolon, tab and pipe delimiters', () => {
    expect(table('a;b;c\n1;2,5;3\n4;5;6\n').delimiter).toBe(';');
    expect(table('a\tb\tc\n1\t2, 5\t3\n').rows).toEqual([['1', '2, 5', '3']]);
    expect(table('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(table('a|b|c\n1|2|3\n4|5|6\n').delimiter).toBe('|');
  });

  it('strips a BOM left in the text', () => {
    expect(table('\uFEFFid,x\n1,2\n').headerRows).toEqual([['id', 'x']]);
  });
});

describe('parseSurveyTable: cells', () => {
  it('keeps multi-line quoted cells and doubled quotes', () => {
    const t = table('id,answer\n1,"line one\r\nline ""two"""\n2,plain\n');
    expect(t.rows).toEqual([['1', 'line one\r\nline "two"'], ['2', 'plain']]);
  });

  it('keeps leading-zero ids, emoji and right-to-left text as text', () => {
    const t = table('id,answer\n007,👍🏽 great\n0042,مرحبا بالعالم\n');
    expect(t.rows).toEqual([['007', '👍🏽 great'], ['0042', 'مرحبا بالعالم']]);
  });

  it('handles a cell as long as the cell limit', () => {
    const big = 'x'.repeat(MAX_CELL_CHARS);
    const t = table(`id,answer\n1,"${big}"\n2,short\n`);
    expect(t.rows[0]?.[1]).toHaveLength(big.length);
    expect(t.rows[1]).toEqual(['2', 'short']);
  });

  it('keeps duplicate and empty headers', () => {
    expect(table('id,Q,Q,\n1,a,b,c\n').headerRows).toEqual([['id', 'Q', 'Q', '']]);
  });

  it('pads rows with fewer cells than the header', () => {
    expect(table('a,b,c\n1\n2,3\n').rows).toEqual([['1', '', ''], ['2', '3', '']]);
  });

  it('drops trailing empty cells past the header', () => {
    expect(table('a,b\n1,2,,\n').rows).toEqual([['1', '2']]);
  });

  it('skips truly empty lines and rows of blank cells (not responses), counting the latter', () => {
    const t = table('a,b\n\n1,2\n,\n');
    expect(t.rows).toEqual([['1', '2']]);
    expect(t.skippedEmptyRows).toBe(1);
  });
});

describe('parseSurveyTable: problems', () => {
  it('refuses an empty file', () => {
    expect(problem('')).toEqual({ row: null, message: 'The file is empty.' });
    expect(problem('\uFEFF\r\n\r\n').row).toBeNull();
    expect(problem('sep=,\r\n').row).toBeNull();
  });

  it('refuses a header-only file', () => {
    expect(problem('id,answer\n')).toEqual({ row: null, message: 'The file has headers but no responses.' });
  });

  it('refuses a Qualtrics file with header rows only', () => {
    const qualtrics = 'StartDate,EndDate,Status\nStart Date,End Date,Status\n"{""ImportId"":""startDate""}",x,y\n';
    expect(problem(qualtrics).message).toMatch(/no responses/);
  });

  it('names the row where an unterminated quote opens instead of swallowing the rest', () => {
    const p = problem('id,answer\n1,ok\n2,"never closed\n3,lost\n4,lost\n');
    expect(p.row).toBe(3);
    expect(p.message).toMatch(/never closed/);
  });

  it('refuses text after a closing quote', () => {
    expect(problem('id,answer\n1,"quoted"tail\n').row).toBe(2);
  });

  it('names a ragged row with its cell counts', () => {
    const p = problem('id,answer\n1,ok\n2,one,two\n');
    expect(p.row).toBe(3);
    expect(p.message).toContain('3 cells');
    expect(p.message).toContain('header has 2');
  });

  it('names the row holding a NUL byte', () => {
    const p = problem('id,answer\n1,ok\n2,bad\u0000cell\n');
    expect(p.row).toBe(3);
    expect(p.message).toMatch(/NUL/);
  });

  it('counts multi-line cells once when naming rows', () => {
    expect(problem('id,answer\n1,"a\nb\nc"\n2,x,y\n').row).toBe(3);
  });
});

describe('surveyTableFromRows: the step shared by CSV and workbook reading', () => {
  it('recognises the format, widens short rows and keeps the delimiter it was given', () => {
    const result = surveyTableFromRows([['#', 'Q1', 'Submit Date (UTC)'], ['abc', 'yes']], { delimiter: '' });
    expect(result).toEqual({
      ok: true,
      table: { headerRows: [['#', 'Q1', 'Submit Date (UTC)']], rows: [['abc', 'yes', '']], delimiter: '', format: 'typeform' },
    });
  });

  it('refuses no rows and headers without responses', () => {
    expect(surveyTableFromRows([], { delimiter: ',' })).toEqual({ ok: false, problem: { row: null, message: 'The file is empty.' } });
    expect(surveyTableFromRows([['a', 'b']], { delimiter: '' })).toEqual({
      ok: false,
      problem: { row: null, message: 'The file has headers but no responses.' },
    });
  });

  it('names rows through sheetRow, with workbook wording when there is no delimiter', () => {
    const rows = [['a', 'b'], ['1', '2', '', 'stray']];
    const sheetRow = (index: number): number => [1, 7][index] ?? 0;
    expect(surveyTableFromRows(rows, { delimiter: '', sheetRow })).toEqual({
      ok: false,
      problem: { row: 7, message: 'Cell D7 holds a value but the header ends at column B; give that column a header or delete the value.' },
    });
    expect(surveyTableFromRows(rows, { delimiter: ';' })).toEqual({
      ok: false,
      problem: { row: 2, message: 'This row has 4 cells but the header has 2; a cell may hold an unquoted ";".' },
    });
    expect(surveyTableFromRows([['a'], ['x\u0000']], { delimiter: '', sheetRow })).toEqual({
      ok: false,
      problem: { row: 7, message: 'Cell A7 contains a NUL character; the workbook may be damaged.' },
    });
  });

  it('names columns as a spreadsheet does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('parseSurveyTable: tab-separated text with literal quotes', () => {
  it('reads quote marks as text when every line splits to the same width on tabs', () => {
    const t = table(new TextDecoder().decode(fixtureBytes('tsv-literal-quotes.tsv')));
    expect(t.quotesAsText).toBe(true);
    expect(t.delimiter).toBe('\t');
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0]?.[1]).toBe('"Fast" and easy to use');
    expect(t.rows[2]?.[1]).toBe('"Great"');
    expect(t.rows[3]?.[1]).toBe('Not sure what "quota" means');
  });

  it('still refuses a comma file with a broken quote, and a TSV whose lines differ in width', () => {
    expect(problem('a,b\n"x"y,2\n').message).toMatch(/closing quote/);
    expect(problem('a\tb\n"x" y\t2\t3\n').message).toMatch(/quote/);
  });

  it('keeps reading a TSV with proper quoting as quoted', () => {
    const t = table('a\tb\n"multi\nline"\t2\n');
    expect(t.quotesAsText).toBeUndefined();
    expect(t.rows).toEqual([['multi\nline', '2']]);
  });
});

describe('parseSurveyTable: empty rows', () => {
  it('skips rows whose cells are all empty and counts them', () => {
    const t = table(new TextDecoder().decode(fixtureBytes('empty-padding-rows.csv')));
    expect(t.rows.map((row) => row[0])).toEqual(['r1', 'r2', 'r3']);
    expect(t.skippedEmptyRows).toBe(5);
  });

  it('skips a line of only commas in a legacy Qualtrics export instead of making it a response', () => {
    const text = new TextDecoder().decode(fixtureBytes('qualtrics-legacy.csv'));
    const padded = `${text.trimEnd()}\n${','.repeat(17)}\n`;
    const t = table(padded);
    expect(t.format).toBe('qualtrics-legacy');
    expect(t.rows.every((row) => row[0] !== '')).toBe(true);
    expect(t.skippedEmptyRows).toBe(1);
  });
});

// These tests generate files of tens of megabytes: about a second each when the machine is idle, so
// they say how long they may take on a loaded one.
const BIG_FILE_MS = 60_000;

describe('parseSurveyTable: files past the limits (shared/limits/input-limits.ts)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a 1,000,000-column header from its first line, before anything is split', () => {
    const parse = vi.spyOn(Papa, 'parse');
    expect(problem(`${'q,'.repeat(999_999)}q\n1,2\n`)).toEqual({
      row: null,
      message: `This file has 1,000,000 columns on line 1; the most Discovery Desk reads is ${MAX_SURVEY_COLUMNS.toLocaleString('en-US')}. Export only the columns you need, or check that this is the file you meant.`,
    });
    expect(parse).not.toHaveBeenCalled();
  }, BIG_FILE_MS);

  it('refuses a 50 MB header line that never ends, before anything is split', () => {
    const parse = vi.spyOn(Papa, 'parse');
    const p = problem('x'.repeat(50 * 1024 * 1024));
    expect(p.row).toBeNull();
    expect(p.message).toBe(
      `Line 1 of this file never ends: it runs 52,428,800 characters to the end of the file without a line break; the most Discovery Desk reads in a header line is ${MAX_HEADER_LINE_CHARS.toLocaleString('en-US')}. Check that this is a CSV or TSV export with one header line.`,
    );
    expect(parse).not.toHaveBeenCalled();
  }, BIG_FILE_MS);

  it('counts the sep= line in the line it names', () => {
    const header = Array.from({ length: MAX_SURVEY_COLUMNS + 1 }, () => 'q').join(';');
    expect(problem(`sep=;\n${header}\n1\n`).message).toMatch(/^This file has 16,385 columns on line 2;/);
  });

  it('reads a header at exactly the column limit', () => {
    const header = Array.from({ length: MAX_SURVEY_COLUMNS }, (_, index) => `q${index}`).join(',');
    expect(parseSurveyTable(`${header}\n1\n`).ok).toBe(true);
  }, BIG_FILE_MS);

  it('refuses a cell past the cell limit, naming it', () => {
    const p = problem(`id,answer\n1,ok\n2,${'x'.repeat(MAX_CELL_CHARS + 1)}\n`);
    expect(p.row).toBe(3);
    expect(p.message).toMatch(/^Cell 2 of row 3 is [\d,]+ characters long; the most Discovery Desk reads in one cell is/);
  }, BIG_FILE_MS);

  it('refuses more rows than the row limit, stopping the split there', () => {
    const limits = { ...SURVEY_TABLE_LIMITS, maxRows: 3 };
    expect(parseSurveyTable('id\n1\n2\n', limits).ok).toBe(true);
    const over = parseSurveyTable('id\n1\n2\n3\n4\n5\n', limits);
    expect(over).toEqual({ ok: false, problem: { row: null, message: expect.stringMatching(/^This file has more than 3 rows; the most Discovery Desk reads is 3\./) } });
  });

  it('refuses a workbook row wider than the column limit', () => {
    const wide = Array.from({ length: MAX_SURVEY_COLUMNS + 1 }, (_, index) => `q${index}`);
    const result = surveyTableFromRows([wide, ['1']], { delimiter: '' });
    expect(result).toMatchObject({ ok: false, problem: { row: 1, message: expect.stringMatching(/^This file has 16,385 columns on sheet row 1;/) } });
  });
});

describe('parseSurveyTable with progress', () => {
  it('reports the share of the text split, rising to all of it, and splits exactly as without progress', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},"Line one\nline two of ${i}",${i % 5}`);
    const text = `id,comment,score\n${rows.join('\n')}\n`;
    const reports: [number, number][] = [];
    const withProgress = parseSurveyTable(text, SURVEY_TABLE_LIMITS, { onProgress: (done, total) => reports.push([done, total]) });
    expect(withProgress).toEqual(parseSurveyTable(text));
    expect(reports.length).toBeGreaterThan(50);
    expect(reports.length).toBeLessThanOrEqual(103);
    expect(reports.every(([, total]) => total === text.length)).toBe(true);
    expect(reports.map(([done]) => done)).toEqual(reports.map(([done]) => done).sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([text.length, text.length]);
  });

  it('names the same row for a broken quote with or without progress', () => {
    const text = 'id,answer\n1,fine\n2,"never closed\n3,fine\n';
    expect(parseSurveyTable(text, SURVEY_TABLE_LIMITS, { onProgress: () => undefined })).toEqual(parseSurveyTable(text));
  });
});
