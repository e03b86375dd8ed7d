import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function timedAssertions(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.message.includes('No timed assertions')).map((message) => message.message);
}

const header = "import { expect, it } from 'vitest';\ndeclare const work: () => void;\n";

// The first lint loads typescript-eslint and the whole config: seconds, many more on a busy machine.
describe('no timed assertions in unit tests', { timeout: 60_000 }, () => {
  it.each([
    ['performance.now()', 'const started = performance.now();\nwork();\nexpect(performance.now() - started).toBeLessThan(1000);'],
    ['process.hrtime', 'const started = process.hrtime.bigint();\nwork();\nexpect(process.hrtime.bigint() - started).toBeLessThan(10n);'],
    ['console.time', "console.time('x');\nwork();\nconsole.timeEnd('x');"],
    ['Date.now() inside expect', 'const started = Date.now();\nwork();\nexpect(Date.now() - started).toBeLessThan(1000);'],
  ])('refuses %s in a unit test', async (_name, body) => {
    const code = `${header}it('is fast', () => {\n${body}\n});\n`;
    expect(await timedAssertions('tests/shared/example.test.ts', code)).not.toEqual([]);
    expect(await timedAssertions('tests/renderer/example.test.tsx', code)).not.toEqual([]);
  });

  it('allows Date.now() as data and timing in the benchmarks and end-to-end tests', async () => {
    expect(await timedAssertions('tests/shared/example.test.ts', `${header}it('stamps', () => {\nconst at = Date.now();\nexpect(at).toBeLessThanOrEqual(Date.now());\n});\n`)).toEqual([]);
    const timed = `${header}const started = performance.now();\nwork();\nexport const ms = performance.now() - started;\n`;
    expect(await timedAssertions('tests/bench/example.ts', timed)).toEqual([]);
    expect(await timedAssertions('tests/e2e/example.spec.ts', timed)).toEqual([]);
  });
});
