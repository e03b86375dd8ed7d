import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, unzipWorkbookParts, type XlsxLimits } from '../../../shared/surveys/unzip-workbook-parts';

const MB = 1024 * 1024;
const SMALL: XlsxLimits = { maxTotalBytes: 4 * MB, maxEntryBytes: 3 * MB, maxRatio: 500, ratioFromBytes: MB };
const everything = () => true;

/** Sets the uncompressed size every central directory record of the archive declares: a lying index. */
function declareSize(archive: Uint8Array, size: number): Uint8Array {
  const bytes = archive.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 46 < bytes.length; i += 1) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return bytes;
}

/** Rows that repeat exactly: a sheet that shrinks about 350 times, under the ratio limit. */
const repeatedRows = (count: number): Uint8Array => strToU8(`<sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(count)}</sheetData>`);

describe('readZipDirectory', () => {
  it('lists each entry with its method and sizes, without inflating', () => {
    const archive = zipSync({ 'a.xml': strToU8('<a/>'.repeat(100)), 'b.txt': [strToU8('plain'), { level: 0 }] });
    expect(readZipDirectory(archive)).toEqual([
      expect.objectContaining({ name: 'a.xml', method: 8, size: 400 }),
      expect.objectContaining({ name: 'b.txt', method: 0, size: 5, compressedSize: 5 }),
    ]);
    expect(readZipDirectory(strToU8('not a zip'))).toBeNull();
  });
});

describe('unzipWorkbookParts', () => {
  it('unpacks the parts asked for, stored or deflated', () => {
    const archive = zipSync({ 'x.xml': strToU8('<x>1</x>'), 'y.rels': [strToU8('<y/>'), { level: 0 }], 'skip.bin': strToU8('zz') });
    const result = unzipWorkbookParts(archive, (name) => name !== 'skip.bin', SMALL);
    expect(result.ok && Object.keys(result.parts)).toEqual(['x.xml', 'y.rels']);
    expect(result.ok && new TextDecoder().decode(result.parts['x.xml'])).toBe('<x>1</x>');
  });

  it('refuses by the declared total before inflating anything', () => {
    const archive = zipSync({ 'a.xml': repeatedRows(10), 'b.xml': repeatedRows(10) });
    // No ratio limit here, so the total is what refuses it.
    const result = unzipWorkbookParts(declareSize(archive, 2.5 * MB), everything, { ...SMALL, maxRatio: Number.POSITIVE_INFINITY });
    expect(result).toEqual({ ok: false, reason: 'too-large', message: expect.stringMatching(/^This workbook unpacks to 5 MB of sheet data; the most Discovery Desk reads is 4 MB\./) });
  });

  it('stops inflating a part whose index lies about its size once the output passes the limit', () => {
    // About 16 MB of repeated rows, declared as 1 KB: only the count while inflating catches it.
    const sheet = repeatedRows(16 * MB / 48);
    const archive = declareSize(zipSync({ 'sheet.xml': sheet }, { level: 9 }), 1024);
    expect(archive.length).toBeLessThan(sheet.length / 200);
    const result = unzipWorkbookParts(archive, everything, SMALL);
    expect(result).toEqual({ ok: false, reason: 'too-large', message: expect.stringMatching(/^This workbook unpacks to more than its index declares, past 3 MB of sheet data;/) });
  }, 60_000);

  it('reads the same repeated rows when they are within the limits', () => {
    const sheet = repeatedRows(MB / 48);
    const result = unzipWorkbookParts(zipSync({ 'sheet.xml': sheet }, { level: 9 }), everything, SMALL);
    expect(result.ok && result.parts['sheet.xml']?.length).toBe(sheet.length);
  });

  it('calls an archive whose data is not deflate damaged', () => {
    const archive = zipSync({ 'a.xml': strToU8('<a>hello hello hello</a>') });
    const broken = archive.slice();
    // The local header is 30 bytes and the name 5: overwrite the deflated data.
    broken.fill(0xff, 35, 45);
    expect(unzipWorkbookParts(broken, everything, SMALL)).toEqual({ ok: false, reason: 'damaged' });
  });
});
