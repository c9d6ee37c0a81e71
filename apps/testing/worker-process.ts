import { ChildProcess, spawn } from 'node:child_process';
import { APP_NODE_FLAGS, compiledFile } from '@jipin/core';

/** The real worker (or API) as a separate OS process, so a test can SIGKILL or SIGTERM it mid-batch. */
export class WorkerProcess {
  readonly output: string[] = [];
  private child: ChildProcess | undefined;

  constructor(
    private readonly env: Record<string, string | undefined>,
    private readonly app: 'worker' | 'api' = 'worker',
  ) {}

  /** The exit code once the process has ended, else null. */
  get exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): this {
    const main = compiledFile('apps', this.app, 'main.js');
    this.child = spawn(process.execPath, [...APP_NODE_FLAGS, main], {
      env: { PATH: process.env.PATH, ...this.env, LOG_LEVEL: 'info' } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) =>
      this.output.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    this.child.stderr?.on('data', (chunk: Buffer) =>
      this.output.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    return this;
  }

  /** Ends the process without letting it clean up, like a crash or an OOM kill. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Graceful stop: running jobs finish first. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}
