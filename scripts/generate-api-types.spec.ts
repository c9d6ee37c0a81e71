import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { committedApiTypes, renderApiTypes } from './generate-api-types';

describe('the web client types generated from the OpenAPI document', () => {
  it('are committed as the API describes itself today (else run npm run generate:api-types)', async () => {
    const rendered = await renderApiTypes();
    const committed = committedApiTypes();
    for (const file of ['schema', 'labels'] as const)
      assert.equal(
        committed[file],
        rendered[file],
        `apps/web/src/api/${file === 'schema' ? 'schema.d.ts' : 'labels.generated.ts'} is stale: run npm run generate:api-types and commit it`,
      );
  });
});
