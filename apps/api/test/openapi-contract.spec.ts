import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { loadConfig, REPO_ROOT } from '@jipin/core';
import { inTestRealm } from '@jipin/testing';
import { ApiDocument, HTTP_METHODS, openApiDocumentOffline } from '../openapi/openapi-document';
import { routeContractProblems } from '../openapi/route-contract';

describe('the OpenAPI contract', () => {
  let document: ApiDocument;
  beforeAll(async () => {
    document = await openApiDocumentOffline(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'jipin-openapi-')) }),
    );
  });

  it('documents every route: an answer with a schema, and the error answers', () => {
    const problems = routeContractProblems(document);
    assert.deepEqual(problems, [], `routes without a full contract:\n${problems.join('\n')}`);
  });

  it('covers the routes the API has (more than a hundred operations)', () => {
    const operations = Object.values(document.paths).flatMap((path) =>
      HTTP_METHODS.filter((method) => path[method]),
    );
    assert.ok(operations.length > 100, `only ${operations.length} operations`);
  });

  it('names a route that answers without a schema', () => {
    const broken: ApiDocument = structuredClone(document);
    broken.paths['/api/regions'].get!.responses = { '200': { description: '' } };
    assert.ok(
      routeContractProblems(broken).includes(
        'GET /api/regions: no 2xx answer with a schema (add @ApiOkResponse({ type: SomeResponseDto }))',
      ),
    );
  });

  it('names a route with input that documents no error answer', () => {
    const broken: ApiDocument = structuredClone(document);
    const operation = broken.paths['/api/vacancies/{id}'].get!;
    operation.responses = { '200': operation.responses['200'] };
    assert.ok(
      routeContractProblems(broken).includes(
        'GET /api/vacancies/{id}: takes input or a sign-in but documents no 4xx answer',
      ),
    );
  });

  it('gives every error answer the one error body { code, message, details }', () => {
    const schema = document.components?.schemas?.ErrorResponseDto;
    assert.ok(schema && 'required' in schema);
    assert.deepEqual([...(schema.required ?? [])].sort(), ['code', 'details', 'message']);
  });

  it('has one DTO class per name, since a schema of the same name would silently replace it', () => {
    const folder = join(REPO_ROOT, 'apps', 'api', 'dto');
    const names = readdirSync(folder)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(join(folder, file), 'utf8').matchAll(/^(?:export )?class (\w+)/gm)].map(
          (match) => `${match[1]} (${file})`,
        ),
      );
    const twice = names.filter((entry, index) =>
      names.some(
        (other, before) => before !== index && other.split(' ')[0] === entry.split(' ')[0],
      ),
    );
    assert.deepEqual(inTestRealm(twice), []);
  });
});
