import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import type { SurveyFileProblem, SurveyTable } from '../../../shared/surveys/parse-survey-table';
import { formatWorkbookDate, formatWorkbookNumber, readSurveyWorkbook } from '../../../shared/surveys/read-survey-workbook';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/surveys/${name}`, import.meta.url)));

async function table(bytes: Uint8Array): Promise<SurveyTable> {
  const result = await readSurveyWorkbook(bytes);
  if (!result.ok) throw new Error(`row ${result.problem.row}: ${result.problem.message}`);
  return result.table;
}

async function problem(bytes: Uint8Array): Promise<SurveyFileProblem> {
  const result = await readSurveyWorkbook(bytes);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

type Cell = string | number | boolean | null;
async function xlsx(rows: readonly (readonly Cell[])[]): Promise<Uint8Array> {
  const data = rows.map((row) => row.map((value) => (typeof value === 'string' ? { value, type: String } : value)));
  return new Uint8Array(await writeXlsxFile(data).toBuffer());
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written part by part, for cell encodings write-excel-file does not produce. */
function handmade(sheetData: string, options: { sharedStrings?: readonly string[]; date1904?: boolean } = {}): Uint8Array {
  const shared = (options.sharedStrings ?? []).map((s) => `<si>${s}</si>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}">${options.date1904 === true ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="21" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst ${NS}>${shared}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
  });
}

describe('readSurveyWorkbook: fixtures', () => {
  it('reads a Microsoft Forms export: dates as ISO text, numbers as text, the anonymous response, multi-select kept whole', async () => {
    const t = await table(fixture('microsoft-forms.xlsx'));
    expect(t.format).toBe('microsoft-forms');
    expect(t.delimiter).toBe('');
    expect(t.headerRows).toEqual([
      [
        'ID',
        'Start time',
        'Completion time',
        'Email',
        'Name',
        'How satisfied are you with the deploy pipeline?',
        'Which tools do you use?',
        'How likely are you to recommend the platform to a colleague?',
        'What slows you down the most?',
      ],
    ]);
    expect(t.rows).toEqual([
      ['1', '2024-03-04 09:15:02', '2024-03-04 09:18:47', 'ana@example.com', 'Ana Lima', '4', 'Terraform;Ansible;', '9', 'Waiting for reviews,\nthen "flaky" tests'],
      ['2', '2024-03-04 10:00:00', '2024-03-04 10:03:30', 'anonymous', '', '2', 'Pulumi;', '6', '  Approvals  '],
      ['3', '2024-03-05 16:42:10', '2024-03-05 16:45:59', 'bo@example.com', 'Bo Chen', '5', 'Terraform;Pulumi;Ansible;', '10', ''],
    ]);
  });

  it('reads a Microsoft Forms export with Japanese headers', async () => {
    const t = await table(fixture('microsoft-forms-japanese.xlsx'));
    expect(t.headerRows[0]).toEqual(['ID', '開始時刻', '完了時刻', 'メール', '名前', 'デプロイの満足度', '使っているツール']);
    expect(t.rows).toEqual([
      ['1', '2024-04-01 08:00:00', '2024-04-01 08:02:00', 'anonymous', '', '3', 'Terraform;Ansible;'],
      ['2', '2024-04-01 09:30:15', '2024-04-01 09:31:00', 'ken@example.jp', '山田 健', '5', 'Pulumi;'],
    ]);
  });

  it('reads a Typeform export: booleans as TRUE/FALSE, floats as Excel shows them, text ids kept', async () => {
    const t = await table(fixture('typeform.xlsx'));
    expect(t.format).toBe('typeform');
    expect(t.headerRows[0]?.[0]).toBe('#');
    expect(t.rows).toEqual([
      ['0f3c9a8e7b6d5c4b3a2910fedcba9876', 'AWS', '12', 'TRUE', '2024-02-10 12:00:00', '2024-02-10 12:04:31', 'a1b2c3d4e5'],
      ['1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d', 'GCP', '2.5', 'FALSE', '2024-02-11 23:59:59', '2024-02-12 00:01:02', 'f6e5d4c3b2'],
      ['9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'On-premises', '0.3', 'TRUE', '2024-02-12 07:30:00', '2024-02-12 07:31:00', '0042'],
    ]);
  });

  it('refuses an empty sheet', async () => {
    expect(await problem(fixture('empty-sheet.xlsx'))).toEqual({
      row: null,
      message: 'The first sheet of this workbook is empty. Put the responses on the first sheet, or export them again.',
    });
  });

  it('refuses a file that is not a zip archive, saying what to do', async () => {
    const p = await problem(fixture('not-a-zip.xlsx'));
    expect(p.row).toBeNull();
    expect(p.message).toMatch(/not a zip archive/);
    expect(p.message).toMatch(/\.csv name/);
  });
});

describe('readSurveyWorkbook: shapes', () => {
  it('recognises a SurveyMonkey workbook with its two header rows', async () => {
    const t = await table(
      await xlsx([
        ['Respondent ID', 'Collector ID', 'Start Date', 'Which regions?', null],
        [null, null, null, 'EU', 'US'],
        [114000000001, 4000001, 'x', 'EU', null],
      ]),
    );
    expect(t.format).toBe('surveymonkey');
    expect(t.headerRows).toHaveLength(2);
    expect(t.rows).toEqual([['114000000001', '4000001', 'x', 'EU', '']]);
  });

  it('skips empty rows and pads short rows, naming sheet rows in problems', async () => {
    const t = await table(await xlsx([['id', 'a', 'b'], [], ['1', 'x'], [], [], ['2', null, 'y']]));
    expect(t.rows).toEqual([['1', 'x', ''], ['2', '', 'y']]);
    const p = await problem(await xlsx([['id', 'a'], [], ['1', 'x'], [], ['2', 'y', null, 'stray']]));
    expect(p.row).toBe(5);
    expect(p.message).toBe('Cell D5 holds a value but the header ends at column B; give that column a header or delete the value.');
  });

  it('refuses a sheet with headers but no responses', async () => {
    expect(await problem(await xlsx([['id', 'answer']]))).toEqual({ row: null, message: 'The file has headers but no responses.' });
  });

  it('keeps leading and trailing spaces, line breaks, emoji and right-to-left text', async () => {
    const t = await table(await xlsx([['id', 'answer'], ['007', ' 👍🏽 great\r\nsecond line '], ['0042', 'مرحبا بالعالم']]));
    expect(t.rows).toEqual([['007', ' 👍🏽 great\r\nsecond line '], ['0042', 'مرحبا بالعالم']]);
  });

  // Writes and reads a 12,000-row workbook: slow by nature.
  it('reads a sheet part larger than 512 KB (inflated without workers)', { timeout: 30_000 }, async () => {
    const rows: Cell[][] = [['id', 'comment', 'score']];
    for (let i = 1; i <= 12000; i += 1) rows.push([`r${i}`, `comment number ${i} with some words to make the sheet larger`, i % 5]);
    const bytes = await xlsx(rows);
    const sheet = unzipSync(bytes)['xl/worksheets/sheet1.xml'];
    expect(sheet?.length).toBeGreaterThan(512 * 1024);
    const t = await table(bytes);
    expect(t.rows).toHaveLength(12000);
    expect(t.rows[11999]).toEqual(['r12000', 'comment number 12000 with some words to make the sheet larger', '0']);
  });
});

describe('readSurveyWorkbook: cell encodings', () => {
  it('reads inline strings, rich-text shared strings, escapes, formulas, errors and date formats', async () => {
    const bytes = handmade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>when</t></is></c><c r="E1" t="inlineStr"><is><t>day</t></is></c><c r="F1" t="inlineStr"><is><t>time</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1.5E-3</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="str"><f>A2*2</f><v>=cached</v></c><c r="D2" s="1"><v>45000.5</v></c><c r="E2" s="2"><v>45000</v></c><c r="F2" s="3"><v>0.75</v></c></row>' +
        '<row r="3"><c r="A3" t="b"><v>0</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="inlineStr"><is><t>line_x000D_break</t></is></c><c r="D3" t="d"><v>2024-05-06T07:08:09Z</v></c></row>',
      { sharedStrings: ['<t>rich</t>', '<r><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r>', '<t>a &amp; b &lt;c&gt;</t>'] },
    );
    const t = await table(bytes);
    expect(t.headerRows).toEqual([['id', 'rich', 'Bold and plain', 'when', 'day', 'time']]);
    expect(t.rows).toEqual([
      ['0.0015', 'a & b <c>', '=cached', '2023-03-15 12:00:00', '2023-03-15 00:00:00', '18:00:00'],
      ['FALSE', '', 'line\rbreak', '2024-05-06 07:08:09', '', ''],
    ]);
  });

  it('honours the 1904 date system of old Mac workbooks', async () => {
    const bytes = handmade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>when</t></is></c></row><row r="2"><c r="A2" s="1"><v>43538.5</v></c></row>',
      { date1904: true },
    );
    expect((await table(bytes)).rows).toEqual([['2023-03-15 12:00:00']]);
  });
});

describe('readSurveyWorkbook: bad workbooks never throw', () => {
  it('refuses an empty file', async () => {
    expect(await problem(new Uint8Array())).toEqual({ row: null, message: 'The file is empty.' });
  });

  it('refuses a zip without a workbook', async () => {
    const p = await problem(zipSync({ 'notes.txt': strToU8('hello'), 'data.xml': strToU8('<a/>') }));
    expect(p.message).toMatch(/no Excel workbook/);
  });

  it('refuses an OpenDocument spreadsheet renamed to .xlsx', async () => {
    const p = await problem(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }));
    expect(p.message).toMatch(/OpenDocument/);
  });

  it('refuses a truncated or corrupted archive', async () => {
    const good = fixture('microsoft-forms.xlsx');
    expect((await problem(good.slice(0, good.length / 2))).message).toMatch(/damaged/);
    const corrupted = good.slice();
    for (let i = 200; i < 1200; i += 1) corrupted[i] = 0x55;
    const result = await readSurveyWorkbook(corrupted);
    expect(result.ok).toBe(false);
  });

  it('refuses a legacy .xls and an encrypted workbook, telling them apart', async () => {
    const compound = (streamName: string): Uint8Array => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set([...streamName].flatMap((char) => [char.charCodeAt(0), 0]), 1024);
      return bytes;
    };
    expect((await problem(compound('Workbook'))).message).toMatch(/Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\) or as CSV/);
    expect((await problem(compound('EncryptedPackage'))).message).toMatch(/protected with a password.*remove the password/);
  });

  it('refuses a sheet whose cells are out of order or malformed', async () => {
    const outOfOrder = handmade('<row r="1"><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>');
    expect((await problem(outOfOrder)).message).toMatch(/could not be read/);
    const badSharedString = handmade('<row r="1"><c r="A1" t="s"><v>7</v></c></row>');
    expect((await problem(badSharedString)).message).toMatch(/could not be read/);
    const brokenXml = zipSync({ ...unzipSync(handmade('')), 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row><c') });
    expect((await readSurveyWorkbook(brokenXml)).ok).toBe(false);
  });

  it('refuses a workbook without sheets', async () => {
    const parts = unzipSync(handmade(''));
    parts['xl/workbook.xml'] = strToU8(`<?xml version="1.0"?><workbook ${NS}><sheets/></workbook>`);
    expect((await problem(zipSync(parts))).message).toBe('This workbook has no sheets.');
  });

  it('refuses an archive that declares more sheet data than the limit, before inflating it', async () => {
    const bytes = handmade('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>').slice();
    const view = new DataView(bytes.buffer);
    // Every central directory record of sheet1.xml claims 2 GB once unpacked.
    for (let i = 0; i + 46 < bytes.length; i += 1) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    }
    expect((await problem(bytes)).message).toMatch(
      /^Part \S+ of this workbook unpacks to 2,048 MB; the most Discovery Desk reads in one part is 384 MB\. Export fewer responses or columns, or export as CSV\.$/,
    );
  });

  it('refuses a zip bomb (a small workbook holding a huge run of zeros) from its central directory, by the compression ratio', async () => {
    const parts = unzipSync(handmade('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'));
    parts['xl/sharedStrings.xml'] = new Uint8Array(64 * 1024 * 1024);
    const bomb = zipSync(parts, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await problem(bomb)).message).toMatch(
      /^Part xl\/sharedStrings\.xml of this workbook would unpack from [\d,]+ bytes to 64 MB, 1,0\d\d times its size; real workbooks grow at most 500 times, so it was not opened \(it may be a zip bomb\)\./,
    );
  }, 60_000);
});

describe('formatWorkbookNumber', () => {
  it.each([
    ['5', '5'],
    ['-3', '-3'],
    ['2.5', '2.5'],
    ['1.5E-3', '0.0015'],
    ['-2.5e-7', '-0.00000025'],
    ['1E+21', '1000000000000000000000'],
    ['1.2345E+22', '12345000000000000000000'],
    ['0.30000000000000004', '0.3'],
    ['12345678901234567890', '12345678901234600000'],
    ['-0', '0'],
    ['not a number', 'not a number'],
  ])('%s -> %s', (stored, shown) => {
    expect(formatWorkbookNumber(stored)).toBe(shown);
  });
});

describe('formatWorkbookDate', () => {
  it('writes YYYY-MM-DD HH:MM:SS in the sheet’s own wall-clock time, rounded to the second', () => {
    expect(formatWorkbookDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 999)))).toBe('2024-01-02 03:04:06');
    expect(formatWorkbookDate(new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 400)))).toBe('2024-12-31 23:59:59');
  });

  it('writes a time of day alone as HH:MM:SS', () => {
    expect(formatWorkbookDate(new Date(Date.UTC(1899, 11, 30, 18, 30, 0)))).toBe('18:30:00');
  });

  it('writes an invalid date as empty', () => {
    expect(formatWorkbookDate(new Date(Number.NaN))).toBe('');
  });
});
