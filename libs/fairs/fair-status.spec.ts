import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { fairMoveRefusal } from './fair-status';

const fair = {
  status: 'draft' as const,
  mode: 'offline' as const,
  startsAt: new Date('2026-03-01T01:00:00Z'),
  liveStreamUrl: null,
};

describe('fair status moves', () => {
  test('a fair goes draft → registration open → ongoing → ended, and may be cancelled before it ends', () => {
    const day = new Date('2026-03-01T00:30:00Z');
    assert.equal(fairMoveRefusal(fair, 'registration_open', day), undefined);
    assert.equal(
      fairMoveRefusal({ ...fair, status: 'registration_open' }, 'ongoing', day),
      undefined,
    );
    assert.equal(fairMoveRefusal({ ...fair, status: 'ongoing' }, 'ended', day), undefined);
    assert.equal(fairMoveRefusal({ ...fair, status: 'ongoing' }, 'cancelled', day), undefined);
  });

  test('no skipping, no going back, nothing after the end', () => {
    const day = new Date('2026-03-01T02:00:00Z');
    assert.match(fairMoveRefusal(fair, 'ongoing', day)!, /不能改为/);
    assert.match(
      fairMoveRefusal({ ...fair, status: 'ongoing' }, 'registration_open', day)!,
      /不能/,
    );
    assert.match(fairMoveRefusal({ ...fair, status: 'ended' }, 'cancelled', day)!, /不能/);
    assert.match(fairMoveRefusal({ ...fair, status: 'cancelled' }, 'draft', day)!, /不能/);
  });

  test('a fair starts on its own day in China time, and an online one only with its live stream', () => {
    const open = { ...fair, status: 'registration_open' as const };
    assert.match(fairMoveRefusal(open, 'ongoing', new Date('2026-02-28T15:59:00Z'))!, /当天/);
    assert.equal(fairMoveRefusal(open, 'ongoing', new Date('2026-02-28T16:00:00Z')), undefined);
    const online = { ...open, mode: 'online' as const };
    assert.match(fairMoveRefusal(online, 'ongoing', new Date('2026-03-01T02:00:00Z'))!, /直播/);
    assert.equal(
      fairMoveRefusal(
        { ...online, liveStreamUrl: 'https://live.example.cn/1' },
        'ongoing',
        new Date('2026-03-01T02:00:00Z'),
      ),
      undefined,
    );
  });
});
