// Type-checks each layer with its own tsconfig: shared/ without DOM or Node types, the
// renderer with DOM only, server/ and electron/ with Node only, then everything with tests.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['shared/tsconfig.json', 'server/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'tsconfig.json'];

for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Type errors in ${project}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`Typecheck passed: ${projects.join(', ')}`);
