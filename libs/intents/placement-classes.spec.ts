import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { classifyPlacement } from './placement-classes';

describe('placement classes', () => {
  test('a rural person hired into factory work is a rural labour transfer and, without a job before, urban new employment', () => {
    assert.deepEqual(
      classifyPlacement({
        keyGroups: ['rural_labour'],
        employmentStatusBefore: 'unemployed',
        occupationCode: '6-25-04-01',
      }),
      { ruralLabourTransfer: true, urbanNewEmployment: true, difficultyReemployment: false },
    );
  });

  test('farm work transfers nobody and is not urban employment', () => {
    const classes = classifyPlacement({
      keyGroups: ['rural_labour'],
      employmentStatusBefore: 'unemployed',
      occupationCode: '5-01-02-01',
    });
    assert.equal(classes.ruralLabourTransfer, false);
    assert.equal(classes.urbanNewEmployment, false);
  });

  test('someone changing jobs is not new employment; a verified person with difficulty counts as re-employed', () => {
    const classes = classifyPlacement({
      keyGroups: ['employment_difficulty'],
      employmentStatusBefore: 'employed',
      occupationCode: '4-07-05-01',
    });
    assert.equal(classes.urbanNewEmployment, false);
    assert.equal(classes.ruralLabourTransfer, false);
    assert.equal(classes.difficultyReemployment, true);
  });
});
