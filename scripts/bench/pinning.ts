import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** CPU lists for taskset: the last core for the load generator, the others for the API. */
export function pinning(): { loadGenerator: string; api: string } | undefined {
  const count = availableParallelism();
  if (count < 2) return undefined;
  return {
    loadGenerator: String(count - 1),
    api: count === 2 ? '0' : `0-${count - 2}`,
  };
}

/** Every thread of the process onto these CPUs (Linux taskset). */
export function pinProcess(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}
