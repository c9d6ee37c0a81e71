import { availableParallelism } from 'node:os';

/**
 * libuv's thread pool, sized to the cores before its first use (it reads this once). Password
 * hashes run on it, at most one per core (libs/accounts/password-hash.ts), and glibc keeps each
 * thread's hash buffer (7 MiB) for its next malloc: with the default 4 threads on a 2-core machine
 * every thread ends up holding one, with one thread per core only those that can hash
 * at once do. An operator's own UV_THREADPOOL_SIZE wins.
 */
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(2, availableParallelism()));
