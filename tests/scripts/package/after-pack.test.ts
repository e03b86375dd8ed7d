import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPack, FUSES, type PackContext } from '../../../scripts/package/after-pack.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// A fuse is one byte on the wire: ASCII '1' on, '0' off.
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

interface BuilderConfig {
  readonly afterPack?: string;
  readonly asar?: boolean;
  readonly files?: readonly string[];
  readonly linux?: { readonly target?: readonly string[] };
  readonly mac?: { readonly target?: readonly string[] };
  readonly win?: { readonly target?: readonly string[] };
}
const builderConfig = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as BuilderConfig;

/** What the packaged app must have: every fuse the issue names, in the state it names. */
const REQUIRED: readonly [name: string, fuse: FuseV1Options, enabled: boolean][] = [
  ['RunAsNode', FuseV1Options.RunAsNode, false],
  ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
  ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
  ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
];

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A stand-in Electron binary: junk around a fuse wire as Electron ships it (cookie encryption off, the rest on). */
function fakeElectron(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const wire = '10111111';
  writeFileSync(file, Buffer.concat([Buffer.alloc(100, 7), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.alloc(100, 7)]));
}

function packContext(electronPlatformName: string): PackContext {
  const appOutDir = mkdtempSync(path.join(tmpdir(), 'after-pack-'));
  dirs.push(appOutDir);
  return { appOutDir, electronPlatformName, arch: 1, packager: { executableName: 'discovery-desk', appInfo: { productFilename: 'Discovery Desk' } } };
}

describe('packaging: electron-builder.json', () => {
  it('builds AppImage and deb, dmg and nsis, and runs the fuse hook after packing', () => {
    expect(builderConfig.linux?.target).toEqual(['AppImage', 'deb']);
    expect(builderConfig.mac?.target).toEqual(['dmg']);
    expect(builderConfig.win?.target).toEqual(['nsis']);
    expect(path.resolve(root, builderConfig.afterPack ?? '')).toBe(path.join(root, 'scripts/package/after-pack.mjs'));
  });

  it('packs the built app into an ASAR (the OnlyLoadAppFromAsar fuse needs one), without node_modules', () => {
    expect(builderConfig.asar).not.toBe(false);
    expect(builderConfig.files).toEqual(expect.arrayContaining(['dist/renderer/**/*', 'dist/electron/**/*', 'package.json', '!node_modules/**/*']));
  });
});

describe('packaging: the fuses', () => {
  it.each(REQUIRED)('sets %s', (_name, fuse, enabled) => {
    expect(FUSES[fuse]).toBe(enabled);
  });

  it.each([
    ['linux', 'discovery-desk'],
    ['win32', 'Discovery Desk.exe'],
    ['darwin', 'Discovery Desk.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ])('flips them in the packaged %s binary', async (platform, binary) => {
    const context = packContext(platform);
    fakeElectron(path.join(context.appOutDir, binary));
    await afterPack(context);
    const wire = await getCurrentFuseWire(path.join(context.appOutDir, binary.split('/Contents/')[0] ?? binary));
    for (const [name, fuse, enabled] of REQUIRED) expect([name, wire[fuse]]).toEqual([name, enabled ? ON : OFF]);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
  });
});
