import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger } from '../logging/logger';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from './resolve-database';
import { generateMigration, revertLastMigration, runMigrations } from './migrator';

/** npm run migration:run | migration:revert | migration:generate -- Name */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'migrate');
  const database = await resolveDatabase(config, logger);
  try {
    if (command === 'run') {
      const applied = await runMigrations(database.url);
      logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
    } else if (command === 'revert') {
      await revertLastMigration(database.url);
      logger.info('last migration reverted');
    } else if (command === 'generate') {
      if (!name) throw new Error('Usage: npm run migration:generate -- MigrationName');
      const file = await generateMigration(
        database.url,
        name,
        join(process.cwd(), 'libs', 'core', 'database', 'migrations'),
      );
      logger.info(
        { file },
        file
          ? 'migration written: read it before committing'
          : 'no changes: entities match the schema',
      );
    } else {
      throw new Error('Usage: migrate-cli run | revert | generate NAME');
    }
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
