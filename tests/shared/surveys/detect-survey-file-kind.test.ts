import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectSurveyFileKind } from '../../../shared/surveys/detect-survey-file-kind';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/surveys/${name}`, import.meta.url)));
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function compoundFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([...streamName].flatMap((char) => [char.charCodeAt(0), 0]), 3000);
  return bytes;
}

const message = (bytes: Uint8Array, fileName: string): string => {
  const kind = detectSurveyFileKind(bytes, fileName);
  if (kind.kind !== 'unsupported') throw new Error(`expected unsupported, got ${kind.kind}`);
  expect(kind.problem.row).toBeNull();
  return kind.problem.message;
};

describe('detectSurveyFileKind', () => {
  it('reads zip archives as XLSX, whatever their name', () => {
    expect(detectSurveyFileKind(fixture('microsoft-forms.xlsx'), 'responses.xlsx')).toEqual({ kind: 'xlsx' });
    expect(detectSurveyFileKind(fixture('typeform.xlsx'), 'export.csv')).toEqual({ kind: 'xlsx' });
    expect(detectSurveyFileKind(zipSync({}), 'empty.xlsx')).toEqual({ kind: 'xlsx' });
  });

  it('reads everything else as text, whatever its name', () => {
    expect(detectSurveyFileKind(fixture('not-a-zip.xlsx'), 'not-a-zip.xlsx')).toEqual({ kind: 'text' });
    expect(detectSurveyFileKind(text('id,answer\n1,yes\n'), 'survey.csv')).toEqual({ kind: 'text' });
    expect(detectSurveyFileKind(new Uint8Array([0xff, 0xfe, 0x69, 0x00]), 'utf16.txt')).toEqual({ kind: 'text' });
    expect(detectSurveyFileKind(text('a\tb\n1\t2\n'), 'legacy-export.xls')).toEqual({ kind: 'text' });
    expect(detectSurveyFileKind(new Uint8Array(), 'empty.csv')).toEqual({ kind: 'text' });
  });

  it('refuses a legacy .xls, telling the user to re-save it as XLSX or CSV', () => {
    const m = message(compoundFile('Workbook'), 'results.xls');
    expect(m).toMatch(/Excel 97-2003 workbook \(\.xls\)/);
    expect(m).toMatch(/\.xlsx\) or as CSV UTF-8/);
  });

  it('refuses a password-protected workbook, saying how to remove the password', () => {
    expect(message(compoundFile('EncryptedPackage'), 'results.xlsx')).toMatch(/protected with a password.*remove the password/);
  });

  it('refuses OpenDocument and Numbers files, which are zips too', () => {
    const zip = zipSync({ 'content.xml': strToU8('<x/>') });
    expect(message(zip, 'survey.ods')).toMatch(/OpenDocument/);
    expect(message(zip, 'Survey.NUMBERS')).toMatch(/Numbers/);
  });

  it('refuses a PDF and a web page saved with an Excel name', () => {
    expect(message(text('%PDF-1.7\n...'), 'results.csv')).toMatch(/PDF/);
    expect(message(text('\uFEFF  <!DOCTYPE html><html><table>'), 'results.xls')).toMatch(/web page/);
    expect(message(text('<table><tr><td>1</td></tr></table>'), 'results.xlsx')).toMatch(/web page/);
    expect(detectSurveyFileKind(text('<table>'), 'results.csv')).toEqual({ kind: 'text' });
  });
});
