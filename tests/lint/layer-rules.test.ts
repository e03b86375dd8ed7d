import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

// The first lint loads typescript-eslint and the whole config: seconds, many more on a busy machine.
describe('layer rules (HOUSE-STYLE.md: dependency direction)', { timeout: 60_000 }, () => {
  it.each([
    ['react', "import { useState } from 'react';"],
    ['Dexie', "import Dexie from 'dexie';"],
    ['Electron', "import { app } from 'electron';"],
    ['Node built-ins', "import { readFile } from 'node:fs';"],
    ['Node built-ins without the node: prefix', "import path from 'path';"],
    ['the renderer', "import { createPlatform } from '../../renderer/platform';"],
    ['electron/', "import { isAppUrl } from '../../electron/main/security';"],
  ])('shared/ may not import %s', async (_name, code) => {
    expect(await restrictedImports('shared/domain/example.ts', `${code}\nexport const x = 1;\n`)).toHaveLength(1);
  });

  it('shared/ may import shared/ and zod', async () => {
    expect(await restrictedImports('shared/ipc/example.ts', "import { z } from 'zod';\nimport { ok } from './result';\nexport const x = [z, ok];\n")).toEqual([]);
  });

  it('renderer/ may not import electron/ or Electron', async () => {
    expect(await restrictedImports('renderer/app/example.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/app/example.ts', "import { x } from '../../electron/main/security';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('electron/ may not import renderer/, React or Dexie', async () => {
    expect(await restrictedImports('electron/main/example.ts', "import { x } from '../../renderer/db';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restrictedImports('electron/main/example.ts', "import Dexie from 'dexie';\nexport const y = Dexie;\n")).toHaveLength(1);
  });

  it('server/ may not import renderer/, electron/ or Electron, but may import shared/', async () => {
    expect(await restrictedImports('server/example.ts', "import { x } from '../renderer/db';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restrictedImports('server/example.ts', "import { x } from '../electron/main/security';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restrictedImports('server/example.ts', "import { app } from 'electron';\nexport const y = app;\n")).toHaveLength(1);
    expect(await restrictedImports('server/example.ts', "import { x } from '../shared/live-workshop/ballot';\nexport const y = x;\n")).toEqual([]);
  });

  it('a feature may not import another feature, at any depth', async () => {
    expect(await restrictedImports('renderer/features/board/board-screen.tsx', "import { PeopleScreen } from '../people';\nexport const x = PeopleScreen;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/features/board/cards/card.tsx', "import { PeopleScreen } from '../../people';\nexport const x = PeopleScreen;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/features/board/cards/card.tsx', "import { x } from '../../../features/people';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('a feature may import its own files, components, platform and the database', async () => {
    const code = [
      "import { a } from './board-model';",
      "import { b } from '../board-screen';",
      "import { c } from '../../../components/planned-section';",
      "import { d } from '../../../platform';",
      "import { e } from '../../../db';",
      'export const all = [a, b, c, d, e];',
    ].join('\n');
    expect(await restrictedImports('renderer/features/board/cards/card.tsx', code)).toEqual([]);
  });
});
