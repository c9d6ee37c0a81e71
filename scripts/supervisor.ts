import { ChildProcess } from 'node:child_process';
import { Logger } from 'pino';

export interface Backoff {
  /** The wait before the first restart. */
  firstMs: number;
  /** Waits double per restart in a row, up to this. */
  maxMs: number;
  /** A process that ran this long counts as healthy: its next restart waits firstMs again. */
  healthyAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1000, maxMs: 30000, healthyAfterMs: 60000 };

/** The wait before restart number `restartsInARow` (0 for the first). */
export function restartDelay(restartsInARow: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** restartsInARow);
}

/** Why a process ended, as an operator reads it in the log. */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL')
    return "was killed (SIGKILL: kill -9 or the kernel's out-of-memory killer)";
  if (signal === 'SIGABRT') return 'aborted (SIGABRT, e.g. JavaScript heap out of memory)';
  if (signal) return `was ended by ${signal}`;
  return `exited with code ${code}`;
}

export interface SupervisedProcess {
  name: string;
  /** Starts the process (again); resolves once it runs, rejects when it cannot start. */
  start(): Promise<ChildProcess>;
  /** Stops it in order; resolves once it has ended. */
  stop(child: ChildProcess): Promise<void>;
}

/**
 * Keeps one process running: any exit that stop() did not ask for (a crash,
 * kill -9, the out-of-memory killer, even exit code 0) is logged in one line
 * with its reason and followed by a restart after a backoff.
 */
export class Supervisor {
  private child: ChildProcess | undefined;
  private startedAt = 0;
  private restartsInARow = 0;
  private timer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly supervised: SupervisedProcess,
    private readonly logger: Logger,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {}

  /** Starts the process, or watches one that is already running. */
  async start(running?: ChildProcess): Promise<void> {
    if (running) this.watch(running);
    else await (this.starting = this.launch());
  }

  /** No more restarts; the process stops in order (a start under way is awaited first). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.starting;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null)
      await this.supervised.stop(child);
  }

  private async launch(): Promise<void> {
    this.startedAt = Date.now();
    try {
      this.watch(await this.supervised.start());
    } catch (error) {
      this.restartLater(
        `${this.supervised.name} could not start (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  private watch(child: ChildProcess): void {
    this.child = child;
    this.startedAt = Date.now();
    const ended = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.child !== child || this.stopping) return;
      this.child = undefined;
      this.restartLater(`${this.supervised.name} (pid ${child.pid}) ${exitReason(code, signal)}`);
    };
    if (child.exitCode !== null || child.signalCode !== null)
      ended(child.exitCode, child.signalCode);
    else child.once('exit', ended);
  }

  private restartLater(why: string): void {
    if (this.stopping) return;
    if (Date.now() - this.startedAt >= this.backoff.healthyAfterMs) this.restartsInARow = 0;
    const delayMs = restartDelay(this.restartsInARow, this.backoff);
    this.restartsInARow += 1;
    this.logger.error(
      { process: this.supervised.name, restartsInARow: this.restartsInARow, delayMs },
      `${why}; restarting it in ${delayMs / 1000} s`,
    );
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.starting = this.launch();
    }, delayMs);
  }
}
