import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';

/**
 * A Redis server of the test's own, with AOF persistence as production runs
 * it, so a test can restart it without disturbing anyone else.
 */
export class OwnRedis {
  private process: ChildProcess | undefined;
  // Below the kernel's ephemeral range (32768-60999): no outgoing connection can hold it.
  readonly port = 16000 + Math.floor(Math.random() * 2000);
  readonly dir = mkdtempSync(join(tmpdir(), 'jipin-redis-'));

  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    chmodSync(this.dir, 0o755);
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i += 1) {
      const client = new IORedis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error('own Redis did not start');
  }

  /** Stops it hard, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(downForMs = 1000): Promise<void> {
    await this.kill();
    await new Promise((resolve) => setTimeout(resolve, downForMs));
    await this.start();
  }
}
