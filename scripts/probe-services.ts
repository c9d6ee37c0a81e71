import { Client } from 'pg';
import IORedis from 'ioredis';

/** Exits 0 when the service at the URL answers: `node probe-services.js postgres|redis URL`. */
async function main(): Promise<void> {
  const [kind, url] = process.argv.slice(2);
  if (kind === 'postgres') {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.query('select 1');
    await client.end();
  } else if (kind === 'redis') {
    const client = new IORedis(url, {
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.ping();
    client.disconnect();
  } else {
    throw new Error('usage: probe-services postgres|redis URL');
  }
}

main().then(
  () => process.exit(0),
  () => process.exit(1),
);
