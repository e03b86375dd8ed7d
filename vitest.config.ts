import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The real survey exports are read in place from ../shared/real-surveys (CI always has it). A
// clone on its own skips the tests that read them; their names say why, and so does this line.
// (Vitest reads this file once per project: the variable keeps the line to one.)
if (!existsSync(fileURLToPath(new URL('../shared/real-surveys', import.meta.url))) && process.env.DD_REAL_SURVEYS_NOTICE === undefined) {
  process.env.DD_REAL_SURVEYS_NOTICE = 'shown';
  console.warn('No ../shared/real-surveys beside this clone: the tests that read the real survey exports are skipped.');
}

export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
});
