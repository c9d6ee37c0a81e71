import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { dateText, dateTimeText, fairTimeText, tableDateTime } from '../src/labels';

// A phone or computer set to another zone still reads China's dates: the clock is the
// instant plus eight hours, not the device's zone.
process.env.TZ = 'America/Los_Angeles';

describe('dates on the China clock', () => {
  test('an instant after 16:00 UTC is the next day in China', () => {
    assert.equal(dateText('2026-12-06T16:30:00Z'), '2026年12月7日');
    assert.equal(dateTimeText('2026-12-06T16:30:00Z'), '2026年12月7日 00:30');
    assert.equal(tableDateTime('2026-12-31T23:05:00+08:00'), '2026-12-31 23:05');
  });

  test('a date without a time is that day in China', () => {
    assert.equal(dateText('2027-02-04'), '2027年2月4日');
    assert.equal(tableDateTime('2027-02-04'), '2027-02-04 00:00');
  });

  test('a fair on one day gives the end time only; nothing readable stays as given', () => {
    assert.equal(
      fairTimeText({ startsAt: '2026-12-06T01:00:00Z', endsAt: '2026-12-06T04:00:00Z' }),
      '2026年12月6日 09:00 至 12:00',
    );
    assert.equal(dateText('not a date'), 'not a date');
    assert.equal(dateText(null), '');
  });
});
