import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchMetric, parseBenchResult } from './metrics';

/** Section scripts other parts of the platform provide; the runner says so when one is missing. */
export const EXPECTED_SECTION_SCRIPTS: Record<string, string> = {
  'bench-search': 'search p50/p95/p99 by driver and size, API search req/s',
  'bench-checkin': 'fair check-ins/s',
  'bench-matching': 'match rate and publish-to-match latency',
  'bench-gigs': 'gig accepts/s and posting → first worker notified with 200,000 workers',
  'bench-messages': 'messages/s through the API and p97.5; the nightly job-alert digest',
};

/** What the runner hands every section script (see docs/benchmarks.md). */
export interface SectionEnvironment {
  BENCH_DATABASE_URL: string;
  BENCH_API_URL: string;
  /** The API's process id, to read its CPU time (/proc/<pid>/stat). */
  BENCH_API_PID?: string;
  BENCH_SIZE: string;
  BENCH_SEED: string;
  BENCH_PII_KEY: string;
  BENCH_PASSWORD: string;
  BENCH_SEEKER_PHONES: string;
  BENCH_DURATION_SECONDS: string;
  BENCH_CONNECTIONS: string;
  BENCH_REDIS_URL?: string;
  BENCH_MEILI_URL?: string;
}

/** dist/scripts/bench-*.js, the expected ones first. */
export function sectionScripts(scriptsDir: string): string[] {
  const present = existsSync(scriptsDir)
    ? readdirSync(scriptsDir)
        .filter((f) => /^bench-.+\.js$/.test(f))
        .map((f) => f.replace(/\.js$/, ''))
    : [];
  return [...new Set([...Object.keys(EXPECTED_SECTION_SCRIPTS), ...present])];
}

/** Runs one section script and returns its metrics, or why it was skipped. */
export async function runSectionScript(
  scriptsDir: string,
  name: string,
  env: SectionEnvironment,
  timeoutMs: number,
): Promise<{ metrics: BenchMetric[] } | { skipped: string }> {
  const file = join(scriptsDir, `${name}.js`);
  if (!existsSync(file))
    return {
      skipped: `${file} not built (${EXPECTED_SECTION_SCRIPTS[name] ?? name} not measured)`,
    };
  const section = name.replace(/^bench-/, '');
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk); // its progress stays visible
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) return { skipped: `${name} exited with ${code}` };
  const metrics = parseBenchResult(output, section);
  return metrics ? { metrics } : { skipped: `${name} printed no BENCH_RESULT line` };
}
