import { availableParallelism } from 'node:os';
import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane) instead of the
 * library's default (64 MiB, 3 passes, 4 lanes): a login cost 166 ms of CPU and
 * 64 MiB of memory per hash, which made login the dearest request of a busy
 * morning and, with four hashes at once on libuv's threads, set the API's peak
 * RSS (docs/benchmarks.md, issue 23).
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes wait for a core rather than run all at once: more at a time would not
 * finish sooner, and each holds its 19 MiB while it runs.
 */
const HASHES_AT_ONCE = availableParallelism();
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATimePerCore<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHES_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string, salt?: Buffer): Promise<string> {
  return oneAtATimePerCore(() =>
    argon2.hash(password, { ...PASSWORD_HASH_OPTIONS, ...(salt ? { salt } : {}) }),
  );
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return oneAtATimePerCore(() => argon2.verify(hash, password));
}

/** A hash made with other settings (older or stronger) is replaced at the next good login. */
export function passwordHashOutdated(hash: string): boolean {
  const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_OPTIONS;
  return argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
}
