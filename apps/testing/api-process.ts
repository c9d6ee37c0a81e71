import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { APP_NODE_FLAGS, compiledFile } from '@jipin/core';

/**
 * The real API as a separate OS process on its own port, so a test or a
 * benchmark can run several instances side by side, as behind a load balancer.
 */
export class ApiProcess {
  readonly output: string[] = [];
  private child: ChildProcess | undefined;

  constructor(
    private readonly env: Record<string, string | undefined>,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Starts the process and waits until /health/ready answers 200. `nodeOptions`
   * are flags for node itself, e.g. `--cpu-prof` to profile the API under load.
   */
  async start(timeoutMs = 30000, nodeOptions: string[] = []): Promise<this> {
    const main = compiledFile('apps', 'api', 'main.js');
    const child = spawn(process.execPath, [...APP_NODE_FLAGS, ...nodeOptions, main], {
      env: {
        PATH: process.env.PATH,
        LOG_LEVEL: 'info',
        ...this.env,
        HOST: '127.0.0.1',
        PORT: String(this.port),
      } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) =>
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`API exited with ${child.exitCode}:\n${this.output.join('\n')}`);
      try {
        const response = await fetch(`${this.baseUrl}/health/ready`);
        if (response.status === 200) return this;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`API did not become ready in ${timeoutMs} ms:\n${this.output.join('\n')}`);
  }

  /** Graceful stop: in-flight requests finish first. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Peak resident memory (VmHWM) of a live process, in bytes; undefined off Linux or once it ended. */
export function peakRssBytes(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) a live process has used so far, in ms (Linux /proc,
 * 100 ticks a second). Per-request CPU does not depend on what else the machine runs.
 */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
