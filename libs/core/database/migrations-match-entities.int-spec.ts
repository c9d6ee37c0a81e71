import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { pendingSchemaChanges } from '@jipin/core';
import { createTestDatabase, TestDatabase } from '@jipin/testing';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('migration_drift');
});
afterAll(async () => database?.drop());

test('on a migrated database, migration:generate finds nothing to do', async () => {
  const pending = await pendingSchemaChanges(database.url);
  assert.deepEqual(
    pending.upQueries.map((query) => query.query),
    [],
    'the entities and the migrations disagree: fix one, or write a migration',
  );
});
