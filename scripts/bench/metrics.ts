/** One figure a benchmark measured. */
export interface BenchMetric {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** Which way is good: req/s higher, latency lower. */
  better: 'higher' | 'lower';
  note?: string;
}

export interface BenchRun {
  startedAt: string;
  machine: Record<string, string | number>;
  options: Record<string, unknown>;
  metrics: BenchMetric[];
  skipped: { section: string; reason: string }[];
}

export interface Regression {
  metric: BenchMetric;
  previous: number;
  /** Relative change, positive = worse. */
  worseBy: number;
}

const key = (m: Pick<BenchMetric, 'section' | 'name'>) => `${m.section} / ${m.name}`;

/** Metrics that got worse than `previous` by more than `tolerance` (0.1 = 10 %). */
export function regressions(current: BenchRun, previous: BenchRun, tolerance = 0.1): Regression[] {
  const before = new Map(previous.metrics.map((m) => [key(m), m.value]));
  const found: Regression[] = [];
  for (const metric of current.metrics) {
    const old = before.get(key(metric));
    if (old === undefined || old === 0) continue;
    const change = (metric.value - old) / old;
    const worseBy = metric.better === 'higher' ? -change : change;
    if (worseBy > tolerance) found.push({ metric, previous: old, worseBy });
  }
  return found;
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

/** A plain-text table, one line per metric, with the previous value when comparing. */
export function formatTable(run: BenchRun, previous?: BenchRun): string {
  const before = new Map(previous?.metrics.map((m) => [key(m), m.value]) ?? []);
  const rows = run.metrics.map((m) => {
    const old = before.get(key(m));
    const change =
      old === undefined || old === 0 ? '' : `${(((m.value - old) / old) * 100).toFixed(1)}%`;
    return [
      m.section,
      m.name,
      formatValue(m.value),
      m.unit,
      old === undefined ? '' : formatValue(old),
      change,
    ];
  });
  const header = [
    'section',
    'metric',
    'value',
    'unit',
    ...(previous ? ['previous', 'change'] : []),
  ];
  const table = [header, ...rows.map((r) => r.slice(0, header.length))];
  const widths = header.map((_, i) => Math.max(...table.map((r) => [...r[i]].length)));
  return table
    .map((r) => r.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  '))
    .join('\n');
}

/** The line a section script prints last so the runner can read its figures. */
export const BENCH_RESULT_PREFIX = 'BENCH_RESULT ';

/** Reads the last BENCH_RESULT line of a section script's output. */
export function parseBenchResult(output: string, section: string): BenchMetric[] | undefined {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(BENCH_RESULT_PREFIX));
  if (!line) return undefined;
  const parsed = JSON.parse(line.slice(BENCH_RESULT_PREFIX.length)) as {
    metrics: Omit<BenchMetric, 'section'>[];
  };
  return parsed.metrics.map((m) => ({ section, ...m }));
}
