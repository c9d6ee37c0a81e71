import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { calibratedCpuMultiplier } from './lighthouse-calibration';

describe('the CPU slowdown calibrated from the benchmark index', () => {
  test("Lighthouse's reference host gets the ×4 of the profile", () => {
    assert.equal(calibratedCpuMultiplier(1533), 4);
    assert.equal(calibratedCpuMultiplier(2000), 6);
  });

  test('a host slowed by load gets less slowdown, so the emulated phone stays the same', () => {
    assert.equal(calibratedCpuMultiplier(1300), 3);
    assert.equal(calibratedCpuMultiplier(800), 2);
    assert.equal(calibratedCpuMultiplier(475), 1.5);
  });

  test('a host slower than the phone is measured unslowed; no index is an error', () => {
    assert.equal(calibratedCpuMultiplier(100), 1);
    assert.throws(() => calibratedCpuMultiplier(Number.NaN), /benchmark index/);
  });
});
