import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from '@jest/globals';
import { compiledFile } from '@jipin/core';

/**
 * What the API loads at start stays in its memory for good (V8 keeps the pages), so libraries
 * only a few requests need are loaded by those requests (issue 23). Runs the compiled API's
 * module graph in a fresh Node and lists what it loaded.
 */
function modulesLoadedAtStart(): string[] {
  const script = `require(${JSON.stringify(compiledFile('apps', 'api', 'create-api-app.js'))});
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('the API at start', () => {
  const loaded = modulesLoadedAtStart();

  it('does not load exceljs: workbooks are written on first download', () => {
    assert.deepEqual(
      loaded.filter((file) => file.includes('/node_modules/exceljs/')),
      [],
    );
  });

  it("does not load opencc's full build, only the traditional-to-simplified one", () => {
    assert.deepEqual(
      loaded.filter((file) => /opencc-js\/dist\/umd\/full\.js$/.test(file)),
      [],
    );
    assert.ok(loaded.some((file) => file.endsWith('opencc-js/dist/umd/t2cn.js')));
  });
});
