import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from '@jest/globals';
import {
  ownedSourceFiles,
  ownershipMap,
  ownershipViolations,
  tableReferences,
  tablesCreatedByMigrations,
  type Violation,
} from './table-references';

/**
 * Issue 22: each module owns its tables. A lib's SQL, query builders and entity classes name only
 * the tables it owns; another module's data is read through what that module's index.ts exports.
 * Apps own no table: they go through the libs.
 */

function repositoryRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'libs/core/database/migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository above ${process.cwd()}`);
  }
}

const root = repositoryRoot();
const files = ownedSourceFiles(root);
const map = ownershipMap(root, files);
const describeViolation = (v: Violation): string =>
  `${v.file}:${v.line} (${v.module}) names table "${v.table}" of module ${v.owner} (${v.how}); ` +
  `use what @jipin/${v.owner} exports instead`;

describe('each module owns its tables', () => {
  test('every table a migration creates has one owning module', () => {
    const orphans = [...tablesCreatedByMigrations(root)]
      .filter(([table]) => !map.owners.has(table))
      .map(([table, migration]) => `${table} (created in ${migration})`);
    assert.deepEqual(
      orphans,
      [],
      'give these tables an entity in their lib or an owner in libs/core/database/ownership/table-owners.ts',
    );
  });

  test('no lib or app names a table another module owns', () => {
    assert.deepEqual(ownershipViolations(root, files, map).map(describeViolation), []);
  });

  test('the check sees a table named in SQL, in a query builder and through an entity class', () => {
    // Spelled in two parts: the build's alias rewriter would turn a whole '@jipin/…' into a path.
    const employersLib = ['@jipin', 'employers'].join('/');
    const source = [
      `import { EmployerEntity } from '${employersLib}';`,
      'const rows = await manager.query(`select v.id from ${schema}.x join vacancies v on true`);',
      "const qb = dataSource.createQueryBuilder().from('fairs', 'f');",
      'const employer = await manager.findOne(EmployerEntity, { where: { id } });',
      'function f(e: EmployerEntity) { return e; }',
    ].join('\n');
    const refs = tableReferences('libs/applications/example.ts', source, map);
    assert.deepEqual(
      refs.map((r) => `${r.line} ${r.table} ${r.how}`),
      ['2 vacancies SQL', '3 fairs query builder', '4 employers entity'],
    );
  });
});
