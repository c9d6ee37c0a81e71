import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledFile, embeddedDatabaseUrl } from '@jipin/core';

/** The settings of one platform under a fresh data folder, on its own ports. */
export function platformEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jipin-start-'));
  chmodSync(dataDir, 0o755);
  // Below the ephemeral range (32768-60999): a port an outgoing connection holds cannot be bound
  // (seen once in CI: the embedded server exited at start-up).
  const port = 24000 + Math.floor(Math.random() * 4000);
  return {
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(port + 1),
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    WEB_DIST: join(dataDir, 'no-web'),
    ...overrides,
  };
}

/**
 * What scripts/start.sh runs (dist/scripts/start-platform.js), with no database
 * configured: the embedded mode a new user gets, and its supervisor.
 */
export class PlatformProcess {
  readonly output: string[] = [];
  readonly child: ChildProcess;

  constructor(readonly env: Record<string, string>) {
    const { DATABASE_URL: _d, QUEUE_BACKEND: _q, REDIS_URL: _r, ...rest } = process.env;
    const main = compiledFile('scripts', 'start-platform.js');
    this.child = spawn(process.execPath, [main], {
      env: { ...rest, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  get databaseUrl(): string {
    return embeddedDatabaseUrl(Number(this.env.EMBEDDED_PG_PORT));
  }

  /** Waits until /health/ready answers 200 and returns its body. */
  async ready(timeoutMs = 60000): Promise<{ checks: { name: string; ok: boolean }[] }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.url}/health/ready`);
        // Parsed here, not by response.json(): the body is then built in the test's realm.
        if (response.status === 200) return JSON.parse(await response.text());
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`never ready:\n${this.output.join('').slice(-3000)}`);
  }

  /** The pid of the platform's child process whose command line matches, e.g. `apps/api/main.js`. */
  childPid(pattern: string): number | undefined {
    try {
      const pids = execFileSync('pgrep', ['-P', String(this.child.pid), '-f', pattern], {
        encoding: 'utf8',
      });
      return Number(pids.trim().split('\n')[0]) || undefined;
    } catch {
      return undefined; // pgrep exits 1 when nothing matches
    }
  }

  /** SIGTERM, as Ctrl-C through scripts/start.sh; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) =>
      this.child.once('exit', (code) => resolve(code)),
    );
    this.child.kill('SIGTERM');
    return exited;
  }
}
