import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from '../../../shared/export/csv';

describe('csvCell: formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['\t=1', `"\t'=1"`],
    ['\r=1', `"\r'=1"`],
    ['-2+3', `"'-2+3"`],
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-', `"'-"`],
    ['-cmd', `"'-cmd"`],
    ['-1e5+cmd', `"'-1e5+cmd"`],
    [' =1', `"' =1"`],
    ['=cmd|"/C calc"!A0,x', `"'=cmd|""/C calc""!A0,x"`],
  ])('neutralises %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    // Excel with `;` as its list separator splits here and would run the second cell.
    ["ok;=cmd|' /C calc'!A0", `"ok;'=cmd|' /C calc'!A0"`],
    ['ok,=1+1', `"ok,'=1+1"`],
    ['ok\t@SUM(1)', `"ok\t'@SUM(1)"`],
    ['ok|+1', `"ok|'+1"`],
    ['AWS; =evil', `"AWS;' =evil"`],
    ['line 1\n-cmd', `"line 1\n'-cmd"`],
    ['a;;=1;b', `"a;;'=1;b"`],
  ])('neutralises a formula start after any separator: %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    ['-3', '"-3"'],
    ['-0.5', '"-0.5"'],
    ['-.5', '"-.5"'],
    ['-1.5e3', '"-1.5e3"'],
    ['-3;-4', '"-3;-4"'],
    ['1,-2', '"1,-2"'],
    ['3', '"3"'],
    ['a=b', '"a=b"'],
    ['a-b; c+d', '"a-b; c+d"'],
    ['user@example.com', '"user@example.com"'],
  ])('keeps %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes numbers passed as numbers as numbers, unquoted and never neutralised', () => {
    expect([-3, -0.5, 0, 42, 1.25, -0].map(csvCell)).toEqual(['-3', '-0.5', '0', '42', '1.25', '0']);
    expect([Number.NaN, Infinity, -Infinity].map(csvCell)).toEqual(['', '', '']);
  });

  it('neutraliseFormula only inserts quotes', () => {
    expect(neutraliseFormula('=1')).toBe("'=1");
    expect(neutraliseFormula('plain, "text"')).toBe('plain, "text"');
    expect(neutraliseFormula('x;=1|@2')).toBe("x;'=1|'@2");
  });
});

describe('csvCell: RFC 4180 quoting', () => {
  it('quotes every text cell, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('Zoë; 山田 健 👍🏽 مرحبا')).toBe('"Zoë; 山田 健 👍🏽 مرحبا"');
    expect(csvCell('  spaced  ')).toBe('"  spaced  "');
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
      '"id","answer","score"\r\n' +
        `"1","'=HYPERLINK(""http://x"")",-3\r\n` +
        `"2","'@SUM(1)","-3"\r\n` +
        `"3","'+cmd|' /C calc'!A0",\r\n` +
        `"4","\t'=1",\r\n` +
        `"5","\r'=1",0.5\r\n` +
        `"6","'-2+3","-0.5"\r\n` +
        '"7","He said ""no"", then\r\nleft","Zoë 山田"\r\n',
    );
  });

  it('reads back, through a CSV parser, to the same cells with no cell a spreadsheet would run', () => {
    const parsed = Papa.parse<string[]>(toCsv(hostile), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(hostile.length);
    for (const row of parsed.data) {
      for (const piece of row.flatMap((cell) => cell.split(/[,;\t|\r\n]/))) expect(/^ *[=+@]|^ *-(?!\d*\.?\d+$)/.test(piece)).toBe(false);
    }
    expect(parsed.data[7]).toEqual(['7', 'He said "no", then\r\nleft', 'Zoë 山田']);
    expect(parsed.data[1]).toEqual(['1', `'=HYPERLINK("http://x")`, '-3']);
  });

  it('starts with a UTF-8 BOM when asked, so Excel reads UTF-8', () => {
    expect(toCsv([['Zoë']], { bom: true })).toBe('\uFEFF"Zoë"\r\n');
    expect(toCsv([['Zoë']])).toBe('"Zoë"\r\n');
    expect(toCsv([], { bom: true })).toBe('\uFEFF');
  });

  it('keeps empty rows and ragged rows as they are', () => {
    expect(toCsv([[], ['a', 'b', 'c'], ['d']])).toBe('\r\n"a","b","c"\r\n"d"\r\n');
  });

  it.each([',', ';', '\t', '|'])('leaves no cell a spreadsheet would run when it splits on %j, even ignoring quotes', (separator) => {
    const file = toCsv([...hostile, ["ok;=cmd|' /C calc'!A0", 'a,+1|-2+3\t@x', 'AWS; =evil'], ['-3;-4', '1,-2', -7]]);
    const cells = file.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator)).map((cell) => cell.replace(/^[\s"]+/, ''));
    const formulas = cells.filter((cell) => /^[=+@]|^-(?!\d*\.?\d+(?:e\d+)?(?:[",;|\t]|$))/.test(cell));
    expect(formulas).toEqual([]);
    expect(file).toContain('"-3;-4","1,-2",-7\r\n');
  });
});
