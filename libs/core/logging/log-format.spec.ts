import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { logFormat, prettyLine } from './log-format';

const time = new Date('2026-12-06T09:30:05').getTime();

describe('log format', () => {
  test('a terminal gets pretty lines, anything else JSON; LOG_FORMAT decides when set', () => {
    assert.equal(logFormat({}, true), 'pretty');
    assert.equal(logFormat({}, false), 'json');
    assert.equal(logFormat({ LOG_FORMAT: 'json' }, true), 'json');
    assert.equal(logFormat({ LOG_FORMAT: 'pretty' }, false), 'pretty');
  });

  test('a request is one short line: method, url, status and time', () => {
    const line = prettyLine({
      level: 30,
      time,
      name: 'api',
      pid: 1,
      msg: 'request completed',
      reqId: 'r1',
      req: { method: 'GET', url: '/api/vacancies', headers: { host: 'x' } },
      res: { statusCode: 200 },
      responseTime: 12.4,
    });
    assert.equal(line, '09:30:05 info api GET /api/vacancies 200 12ms');
  });

  test('other lines keep their message and fields, an error its stack', () => {
    assert.equal(
      prettyLine({
        level: 30,
        time,
        name: 'start',
        pid: 1,
        msg: 'migrations applied',
        applied: [],
      }),
      '09:30:05 info start migrations applied applied=[]',
    );
    const line = prettyLine({
      level: 50,
      time,
      name: 'api',
      msg: 'unhandled error',
      err: { message: 'boom', stack: 'Error: boom\n    at here' },
      errorId: 'e1',
    });
    assert.equal(
      line,
      '09:30:05 ERROR api unhandled error err=Error: boom\n    at here errorId=e1',
    );
  });

  test("Nest's start-up chatter is left out, its warnings are not", () => {
    const mapped = {
      level: 30,
      time,
      name: 'api',
      component: 'nest',
      msg: 'Mapped {/api, GET} route',
    };
    assert.equal(prettyLine(mapped), undefined);
    assert.equal(
      prettyLine({ ...mapped, level: 40, msg: 'deprecated' }),
      '09:30:05 WARN api deprecated',
    );
  });
});
