import { importMetrics } from './metric-names';
import type { ScenarioOutcome } from './scenario-outcome';

interface Target {
  readonly text: string;
  isMet(value: number): boolean;
}

/** The targets of PERFORMANCE.md, by metric name without its size. */
const TARGETS: Readonly<Record<string, Target>> = {
  'search.p95_ms': { text: '< 50 ms', isMet: (value) => value < 50 },
  'search.max_task_ms': { text: '< 50 ms', isMet: (value) => value < 50 },
  'startup.interactive_ms': { text: '< 1,500 ms', isMet: (value) => value < 1500 },
  'heap.mb': { text: '< 500 MB', isMet: (value) => value < 500 },
  'import.ratio_to_raw': { text: '≤ 2×', isMet: (value) => value <= 2 },
  'import.max_task_ms': { text: '≤ 100 ms', isMet: (value) => value <= 100 },
  'board.open_ms': { text: '< 500 ms', isMet: (value) => value < 500 },
  'board.drag_max_task_ms': { text: '< 50 ms', isMet: (value) => value < 50 },
  'survey.results_max_task_ms': { text: '≤ 100 ms', isMet: (value) => value <= 100 },
  'workshop.sync_p95_ms': { text: '< 200 ms', isMet: (value) => value < 200 },
  'sync.first_sync_ratio_to_restore': { text: '≤ 1×', isMet: (value) => value <= 1 },
  'sync.edit_p95_ms': { text: '< 200 ms', isMet: (value) => value < 200 },
};

/** The raw baseline measured in the same run that a metric is compared with. */
const BASELINES: Readonly<Record<string, { readonly metric: string; readonly label: string }>> = {
  'search.p50_ms': { metric: 'search.naive_fuse_p50_ms', label: 'naive Fuse p50' },
  'search.p95_ms': { metric: 'search.naive_fuse_p95_ms', label: 'naive Fuse p95' },
  'import.ms': { metric: 'import.raw_all_records_bulkadd_ms', label: 'raw bulkAdd of the same records' },
  'board.open_ms': { metric: 'board.raw_read_ms', label: 'raw read of the round from IndexedDB' },
  'sync.first_sync_ms': { metric: 'sync.restore_ms', label: 'restore of the same workspace from a backup file' },
};

export interface ReportRow {
  readonly metric: string;
  readonly value?: number;
  readonly target: string;
  readonly isTargetMet?: boolean;
  readonly baseline: string;
  /** Why there is no value. */
  readonly note: string;
}

function splitName(metric: string): { readonly base: string; readonly size: string } {
  const parts = metric.split('.');
  return { base: parts.slice(0, 2).join('.'), size: parts.slice(2).join('.') };
}

/** Every measured figure, rounded to 0.1, plus ratios that need two scenarios. */
export function collectMetrics(outcomes: readonly ScenarioOutcome[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.status !== 'measured') continue;
    for (const [name, value] of Object.entries(outcome.metrics)) {
      if (Number.isFinite(value)) metrics[name] = Math.round(value * 10) / 10;
    }
  }
  for (const name of Object.keys(metrics)) {
    const { base, size } = splitName(name);
    if (base !== 'import.ms') continue;
    const names = importMetrics(size);
    const imported = metrics[names.total];
    // Held to the raw bulkAdd of the same records the import stores (responses, contacts, notes);
    // the ratio to the responses alone is reported beside it.
    const rawAll = metrics[names.rawAll];
    const rawResponses = metrics[names.raw];
    if (imported !== undefined && rawAll !== undefined && rawAll > 0) metrics[names.ratio] = Math.round((imported / rawAll) * 100) / 100;
    if (imported !== undefined && rawResponses !== undefined && rawResponses > 0) metrics[names.ratioToResponses] = Math.round((imported / rawResponses) * 100) / 100;
  }
  return metrics;
}

export function reportRows(outcomes: readonly ScenarioOutcome[], metrics: Readonly<Record<string, number>>): ReportRow[] {
  const rows: ReportRow[] = [];
  const seen = new Set<string>();
  const add = (metric: string, note: string) => {
    if (seen.has(metric)) return;
    seen.add(metric);
    const { base, size } = splitName(metric);
    const target = TARGETS[base];
    const value = metrics[metric];
    const baseline = BASELINES[base];
    const baselineValue = baseline === undefined ? undefined : metrics[`${baseline.metric}.${size}`];
    rows.push({
      metric,
      ...(value === undefined ? {} : { value }),
      target: target?.text ?? '',
      ...(value === undefined || target === undefined ? {} : { isTargetMet: target.isMet(value) }),
      baseline: value !== undefined && baseline !== undefined && baselineValue !== undefined && baselineValue > 0 ? `${formatRatio(value / baselineValue)} ${baseline.label}` : '',
      note: value === undefined ? note : '',
    });
  };
  for (const outcome of outcomes) {
    if (outcome.status === 'measured') {
      for (const metric of Object.keys(outcome.metrics)) add(metric, '');
      if (outcome.scenario.startsWith('import')) for (const metric of Object.keys(metrics).filter((name) => name.startsWith('import.ratio_to_raw'))) add(metric, '');
    } else {
      for (const metric of outcome.metricNames) add(metric, outcome.status === 'failed' ? `FAILED: ${outcome.reason}` : outcome.reason);
    }
  }
  return rows;
}

function formatRatio(ratio: number): string {
  return `${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`;
}

/** A figure with its unit, read from the metric's name. */
export function formatValue(metric: string, value: number): string {
  const number = value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 2 : value < 100 ? 1 : 0 });
  if (/_ms(\.|$)/.test(metric)) return `${number} ms`;
  if (/(^|[._])mb(\.|$)/.test(metric)) return `${number} MB`;
  if (metric.includes('ratio')) return `${number}×`;
  return number;
}

function targetCell(row: ReportRow): string {
  if (row.target === '') return '';
  if (row.isTargetMet === undefined) return row.target;
  return `${row.target} ${row.isTargetMet ? 'met' : 'MISSED'}`;
}

export function formatConsoleTable(rows: readonly ReportRow[]): string {
  const table = [
    ['metric', 'value', 'target', 'vs baseline', 'note'],
    ...rows.map((row) => [row.metric, row.value === undefined ? '—' : formatValue(row.metric, row.value), targetCell(row), row.baseline, row.note]),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
  return table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function formatMarkdownTable(rows: readonly ReportRow[]): string {
  const lines = rows.map((row) => {
    const value = row.value === undefined ? row.note : formatValue(row.metric, row.value);
    return `| \`${row.metric}\` | ${value} | ${targetCell(row)} | ${row.baseline} |`;
  });
  return ['| metric | latest | target | vs baseline (same run) |', '|---|---|---|---|', ...lines].join('\n');
}
