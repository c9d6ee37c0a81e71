import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/** Root of the compiled tree (dist/), where entities and migrations are found. */
const DIST_ROOT = join(__dirname, '..', '..', '..');

export function dataSourceOptions(
  url: string,
  options: { logQueries?: boolean; poolSize?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(DIST_ROOT, 'libs', '**', '*.entity.js')],
    migrations: [join(DIST_ROOT, 'libs', 'core', 'database', 'migrations', '*.js')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Errors surface as exceptions to the caller, which logs them once.
    logging: options.logQueries ? ['query', 'error'] : false,
    extra: { max: options.poolSize ?? 10, application_name: process.env.JIPIN_PROCESS ?? 'jipin' },
  };
}
