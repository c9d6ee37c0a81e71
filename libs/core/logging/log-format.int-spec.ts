import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from '@jest/globals';
import { compiledFile } from '@jipin/core';

// The compiled logger, as the API, the worker and start-platform load it.
const LOG_ONE_LINE = `require(${JSON.stringify(compiledFile('libs', 'core', 'logging', 'logger.js'))})
  .createLogger('info', 'watched').info({ port: 3000 }, 'listening')`;
const env = { PATH: process.env.PATH, TERM: 'dumb' };

test('a person watching a terminal reads a short line; a pipe gets JSON', () => {
  // script(1) gives the process a terminal, as scripts/start.sh run by a person has.
  const watched = execFileSync(
    'script',
    ['-qec', `${process.execPath} -e "${LOG_ONE_LINE.replace(/"/g, '\\"')}"`, '/dev/null'],
    { env, encoding: 'utf8' },
  );
  assert.match(watched.trim(), /^\d\d:\d\d:\d\d info watched listening port=3000$/);

  const piped = execFileSync(process.execPath, ['-e', LOG_ONE_LINE], { env, encoding: 'utf8' });
  const record = JSON.parse(piped);
  assert.deepEqual([record.name, record.msg, record.port], ['watched', 'listening', 3000]);
});
