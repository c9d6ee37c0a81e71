import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { SqlInMemory } from 'typeorm/driver/SqlInMemory';
import { dataSourceOptions } from './data-source-options';

/** Runs the committed migrations; the only way the schema changes outside throwaway test databases. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Writes a migration with the SQL that would bring the database to the
 * entities' shape. Read it before committing: it is a draft, not a verdict.
 */
export async function generateMigration(
  databaseUrl: string,
  name: string,
  sourceDir: string,
): Promise<string | undefined> {
  const sql = await pendingSchemaChanges(databaseUrl);
  if (!sql.upQueries.length) return undefined;
  const timestamp = Date.now();
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
  const quote = (query: string) => '`' + query.replace(/`/g, '\\`') + '`';
  const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
${sql.upQueries.map((q) => `    await db.query(${quote(q.query)});`).join('\n')}
  }

  async down(db: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((q) => `    await db.query(${quote(q.query)});`)
  .join('\n')}
  }
}
`;
  const file = join(sourceDir, `${timestamp}-${name}.ts`);
  writeFileSync(file, body);
  return file;
}

/**
 * The SQL that would bring the database to the entities' shape (what migration:generate
 * writes); none on a migrated database when the entities and migrations agree.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<SqlInMemory> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    return await dataSource.driver.createSchemaBuilder().log();
  } finally {
    await dataSource.destroy();
  }
}
