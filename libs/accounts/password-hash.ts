import { availableParallelism } from 'node:os';
import * as argon2 from 'argon2';
import { DomainError } from '@jipin/core';

/**
 * argon2id at the least memory of OWASP's equivalent settings (7 MiB, 5 passes, 1 lane; the
 * cheat sheet lists 19 MiB × 2 down to 7 MiB × 5 as "an equal level of defense"). The
 * library's default (64 MiB, 3 passes, 4 lanes) cost 166 ms of CPU and 64 MiB per hash; at
 * 19 MiB × 2, two hashes at once still set the API's peak RSS under load. 7 MiB × 5 costs the
 * same CPU (22–24 ms per verify here) and 12 MiB less per hash (docs/benchmarks.md, issue 23).
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 7168,
  timeCost: 5,
  parallelism: 1,
} as const;

/**
 * Hashes wait for a free core rather than run all at once: more at a time would not finish
 * sooner, and each holds its memory while it runs. A hash that would wait longer than
 * `longestWaitMs` is refused at once (503 with Retry-After): a memory-hard hash cannot be
 * made cheap, and with more logins than the cores can hash, a queue without a bound only
 * grows until every client times out with no answer at all (docs/benchmarks.md, issue 23).
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** How long one hash takes now (wall time, the machine's load included): a moving average. */
  private hashMs = 50;

  constructor(
    private readonly slots: number,
    private readonly longestWaitMs: number,
  ) {}

  /**
   * Refused at once when the hashes ahead would take longer than longestWaitMs, and refused
   * when it has waited that long all the same (the machine got slower than the estimate).
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      const waitMs = ((this.waiting.length + 1) * this.hashMs) / this.slots;
      if (waitMs > this.longestWaitMs) throw busy(waitMs);
      await this.turn();
    } else this.running += 1;
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.hashMs = 0.8 * this.hashMs + 0.2 * (performance.now() - started);
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Resolves when a slot is handed over; rejects (leaving the line) after longestWaitMs. */
  private turn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const handOver = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(handOver), 1);
        reject(busy(((this.waiting.length + 1) * this.hashMs) / this.slots));
      }, this.longestWaitMs);
      this.waiting.push(handOver);
    });
  }
}

function busy(waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new DomainError('unavailable', 'server_busy', `当前登录的人较多，请在${seconds}秒后重试`, [
    { message: `请在${seconds}秒后重试`, retryAfterSeconds: seconds },
  ]);
}

/** One hash per core; at most 3 s of waiting, well inside a phone's (and autocannon's) 10 s. */
const hashes = new HashQueue(availableParallelism(), 3000);

export function hashPassword(password: string, salt?: Buffer): Promise<string> {
  return hashes.run(() =>
    argon2.hash(password, { ...PASSWORD_HASH_OPTIONS, ...(salt ? { salt } : {}) }),
  );
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return hashes.run(() => argon2.verify(hash, password));
}

/** A hash made with other settings (older or stronger) is replaced at the next good login. */
export function passwordHashOutdated(hash: string): boolean {
  const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_OPTIONS;
  return argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
}
