import { describe, expect, it } from 'vitest';
import { decodeSurveyBytes } from '../../../shared/surveys/decode-survey-bytes';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => new Uint8Array(parts.flatMap((part) => [...part]));

function utf16(text: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const pair = [unit & 0xff, unit >> 8];
    out.push(...(littleEndian ? pair : pair.reverse()));
  }
  return out;
}

const sample = 'id,answer\n007,Café 😀 שלום\n';

describe('decodeSurveyBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeSurveyBytes(utf8(sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and removes it', () => {
    expect(decodeSurveyBytes(bytes([0xef, 0xbb, 0xbf], utf8(sample)))).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE by their BOM, including surrogate pairs', () => {
    expect(decodeSurveyBytes(bytes([0xff, 0xfe], utf16(sample, true)))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeSurveyBytes(bytes([0xfe, 0xff], utf16(sample, false)))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('marks a dangling odd byte of UTF-16 instead of dropping it', () => {
    expect(decodeSurveyBytes(bytes([0xff, 0xfe], utf16('a', true), [0x41])).text).toBe('a\uFFFD');
  });

  it('falls back to Windows-1252 for smart quotes, the euro sign and accents', () => {
    // “Great” – 5€ café
    const input = bytes([0x93], utf8('Great'), [0x94, 0x20, 0x96, 0x20, 0x35, 0x80, 0x20], utf8('caf'), [0xe9]);
    const decoded = decodeSurveyBytes(input);
    expect(decoded).toMatchObject({ text: '\u201cGreat\u201d \u2013 5\u20ac café', encoding: 'windows-1252' });
    // Never silently: the notice names the bytes that are not UTF-8 and their lines.
    expect(decoded.notice).toMatch(/^The file is not UTF-8: 5 bytes \(0x93 on line 1, 0x94 on line 1, 0x96 on line 1, 0x80 on line 1, 0xE9 on line 1\)/);
  });

  it('reads a UTF-8 file with a few damaged bytes as UTF-8, naming the bytes and lines it could not read', () => {
    const input = bytes(utf8('name,comment\nAna,Grüße\nBo,caf'), [0xe9], utf8('\nCy,ok'), [0xff], utf8('\n'));
    const decoded = decodeSurveyBytes(input);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('name,comment\nAna,Grüße\nBo,caf\uFFFD\nCy,ok\uFFFD\n');
    expect(decoded.notice).toContain('2 bytes (0xE9 on line 3, 0xFF on line 4)');
  });

  it('reads a BOM followed by invalid UTF-8 as UTF-8 with the byte named rather than failing', () => {
    const decoded = decodeSurveyBytes(bytes([0xef, 0xbb, 0xbf, 0x80]));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.notice).toContain('0x80 on line 1');
  });

  it('adds no notice to valid UTF-8', () => {
    expect(decodeSurveyBytes(bytes(utf8('a,b\nGrüße,1\n'))).notice).toBeUndefined();
  });

  it('keeps NUL bytes so the parser can report them', () => {
    expect(decodeSurveyBytes(bytes(utf8('a'), [0], utf8('b'))).text).toBe('a\u0000b');
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeSurveyBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
