import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { canMove } from './application-status';

describe('application status moves', () => {
  test('an application moves forward and may skip steps', () => {
    assert.ok(canMove('applied', 'viewed'));
    assert.ok(canMove('applied', 'interviewing'));
    assert.ok(canMove('interviewing', 'intent'));
    assert.ok(canMove('intent', 'hired'));
  });

  test('nothing moves backwards, and finished applications stay finished', () => {
    assert.ok(!canMove('interviewing', 'viewed'));
    assert.ok(!canMove('applied', 'hired'), 'a hire follows an intent');
    for (const end of ['hired', 'rejected', 'withdrawn'] as const)
      assert.ok(!canMove(end, 'applied') && !canMove(end, 'interviewing'));
  });
});
