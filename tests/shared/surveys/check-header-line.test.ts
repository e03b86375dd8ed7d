import { describe, expect, it } from 'vitest';
import { checkHeaderLine } from '../../../shared/surveys/check-header-line';

const LIMITS = { maxColumns: 5, maxChars: 40 };

describe('checkHeaderLine', () => {
  it('lets a header within the limits through', () => {
    expect(checkHeaderLine('a,b,c,d,e\n1,2,3,4,5\n', undefined, LIMITS)).toBeNull();
    expect(checkHeaderLine('a;b;c\r\n1;2;3', ';', LIMITS)).toBeNull();
  });

  it('names the columns of line 1 and the limit, counting only line 1', () => {
    expect(checkHeaderLine('a,b,c,d,e,f\n1\n', undefined, LIMITS)?.message).toBe(
      'This file has 6 columns on line 1; the most Discovery Desk reads is 5. Export only the columns you need, or check that this is the file you meant.',
    );
    expect(checkHeaderLine('a,b\n1,2,3,4,5,6,7,8\n', undefined, LIMITS)).toBeNull();
  });

  it('counts the delimiter giving the most columns, or only the sep= one', () => {
    expect(checkHeaderLine('a\tb\tc\td\te\tf\n', undefined, LIMITS)?.message).toMatch(/^This file has 6 columns/);
    expect(checkHeaderLine('a\tb\tc\td\te\tf\n', ';', LIMITS)).toBeNull();
  });

  it('reads delimiters and line breaks inside quoted cells as text', () => {
    expect(checkHeaderLine('"a,b,c,d,e,f","x\ny,z"\n1,2\n', undefined, LIMITS)).toBeNull();
    expect(checkHeaderLine('"say ""a,b,c,d,e,f""",x\n', undefined, LIMITS)).toBeNull();
  });

  it('reads a quote that is never closed as text, as a Sheets TSV has it', () => {
    expect(checkHeaderLine(`"Best\tfeature\n${'x\t'.repeat(30)}\n`, undefined, LIMITS)).toBeNull();
  });

  it('refuses a line that never ends, and one too long, with its length', () => {
    expect(checkHeaderLine('x'.repeat(50), undefined, LIMITS)?.message).toBe(
      'Line 1 of this file never ends: it runs 50 characters to the end of the file without a line break; the most Discovery Desk reads in a header line is 40. Check that this is a CSV or TSV export with one header line.',
    );
    expect(checkHeaderLine(`${'x'.repeat(41)}\n1\n`, undefined, LIMITS)?.message).toMatch(/^Line 1 of this file is 41 characters long;/);
  });
});
