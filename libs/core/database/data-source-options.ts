import { DataSourceOptions } from 'typeorm';
import { codeGlob } from '../paths';

export function dataSourceOptions(
  url: string,
  options: { logQueries?: boolean; poolSize?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [codeGlob('libs', '**', '*.entity')],
    migrations: [codeGlob('libs', 'core', 'database', 'migrations', '*')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Errors surface as exceptions to the caller, which logs them once.
    logging: options.logQueries ? ['query', 'error'] : false,
    extra: { max: options.poolSize ?? 10, application_name: process.env.JIPIN_PROCESS ?? 'jipin' },
  };
}
