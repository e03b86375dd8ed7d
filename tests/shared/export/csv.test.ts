import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from '../../../shared/export/csv';

describe('csvCell: formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(1)', "'@SUM(1)"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-2+3', "'-2+3"],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-', "'-"],
    ['-cmd', "'-cmd"],
    ['-1e5+cmd', "'-1e5+cmd"],
    ['=cmd|"/C calc"!A0,x', `"'=cmd|""/C calc""!A0,x"`],
  ])('neutralises %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    ['-3', '-3'],
    ['-0.5', '-0.5'],
    ['-.5', '-.5'],
    ['-1.5e3', '-1.5e3'],
    ['3', '3'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['user@example.com', 'user@example.com'],
  ])('keeps %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes numbers passed as numbers as numbers, never neutralised', () => {
    expect([-3, -0.5, 0, 42, 1.25, -0].map(csvCell)).toEqual(['-3', '-0.5', '0', '42', '1.25', '0']);
    expect([Number.NaN, Infinity, -Infinity].map(csvCell)).toEqual(['', '', '']);
  });

  it('neutraliseFormula only prefixes a quote', () => {
    expect(neutraliseFormula('=1')).toBe("'=1");
    expect(neutraliseFormula('plain, "text"')).toBe('plain, "text"');
  });
});

describe('csvCell: RFC 4180 quoting', () => {
  it('quotes commas, quotes, CR and LF, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('"')).toBe('""""');
  });

  it('leaves other text alone, including non-ASCII and semicolons', () => {
    expect(csvCell('Zoë; 山田 健 👍🏽 مرحبا')).toBe('Zoë; 山田 健 👍🏽 مرحبا');
    expect(csvCell('  spaced  ')).toBe('  spaced  ');
  });

  it('writes null, undefined and empty text as empty fields', () => {
    expect([null, undefined, ''].map(csvCell)).toEqual(['', '', '']);
  });
});

describe('toCsv', () => {
  const hostile = [
    ['id', 'answer', 'score'],
    ['1', '=HYPERLINK("http://x")', -3],
    ['2', '@SUM(1)', '-3'],
    ['3', "+cmd|' /C calc'!A0", null],
    ['4', '\t=1', undefined],
    ['5', '\r=1', 0.5],
    ['6', '-2+3', '-0.5'],
    ['7', 'He said "no", then\r\nleft', 'Zoë 山田'],
  ];

  it('writes every record with CRLF, quoting and neutralising exactly', () => {
    expect(toCsv(hostile)).toBe(
      'id,answer,score\r\n' +
        `1,"'=HYPERLINK(""http://x"")",-3\r\n` +
        "2,'@SUM(1),-3\r\n" +
        "3,'+cmd|' /C calc'!A0,\r\n" +
        "4,'\t=1,\r\n" +
        `5,"'\r=1",0.5\r\n` +
        "6,'-2+3,-0.5\r\n" +
        '7,"He said ""no"", then\r\nleft",Zoë 山田\r\n',
    );
  });

  it('reads back, through a CSV parser, to the same cells with no cell a spreadsheet would run', () => {
    const parsed = Papa.parse<string[]>(toCsv(hostile), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(hostile.length);
    for (const row of parsed.data) {
      for (const cell of row) expect(/^[=+@\t\r]|^-(?!\d*\.?\d+$)/.test(cell)).toBe(false);
    }
    expect(parsed.data[7]).toEqual(['7', 'He said "no", then\r\nleft', 'Zoë 山田']);
    expect(parsed.data[1]).toEqual(['1', `'=HYPERLINK("http://x")`, '-3']);
  });

  it('starts with a UTF-8 BOM when asked, so Excel reads UTF-8', () => {
    expect(toCsv([['Zoë']], { bom: true })).toBe('\uFEFFZoë\r\n');
    expect(toCsv([['Zoë']])).toBe('Zoë\r\n');
    expect(toCsv([], { bom: true })).toBe('\uFEFF');
  });

  it('keeps empty rows and ragged rows as they are', () => {
    expect(toCsv([[], ['a', 'b', 'c'], ['d']])).toBe('\r\na,b,c\r\nd\r\n');
  });
});
