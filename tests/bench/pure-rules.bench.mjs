/* global console, URL */
// Node micro-benchmark of pure rules at scale (not part of npm test): survey results over 100,000
// responses x 20 questions and rich-text cleaning of a 300,000-paragraph document, each beside a
// raw baseline from the same run. Usage: node tests/bench/pure-rules.bench.mjs
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { module: bench } = await runnerImport(fileURLToPath(new URL('./pure-rules-bench.ts', import.meta.url)), { configFile: false, root, logLevel: 'warn' });
bench.runPureRulesBench();
console.log('(figures only; compare the ratios between runs, not the milliseconds)');
