import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { checkCreditCode, isMobilePhone, parseResidentId } from '@jipin/core';
import {
  creditCode,
  employerPhone,
  ResidentIdAllocator,
  seekerPhone,
  staffPhone,
} from './identifiers';

test('credit codes are valid by GB 32100 and distinct across 100,000 employers', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 100_000; i += 1) {
    const code = creditCode(i, i % 9 === 0);
    assert.equal(checkCreditCode(code), undefined, code);
    seen.add(code);
  }
  assert.equal(seen.size, 100_000);
});

test('seeker, employer and staff phones are valid mobile numbers and never collide', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 1_000_000; i += 1) seen.add(seekerPhone(i));
  for (let i = 0; i < 100_000; i += 1) seen.add(employerPhone(i));
  for (let i = 0; i < 100; i += 1) seen.add(staffPhone(i));
  assert.equal(seen.size, 1_100_100);
  for (const phone of [seekerPhone(0), seekerPhone(999_999), employerPhone(7), staffPhone(3)])
    assert.ok(isMobilePhone(phone), phone);
});

test('resident IDs are valid, match birth date and gender, and stay distinct when many share a birthday', () => {
  const ids = new ResidentIdAllocator();
  const seen = new Set<string>();
  for (let i = 0; i < 3_000; i += 1) {
    const gender = i % 2 ? 'male' : 'female';
    const id = ids.next('360822', '1990-05-20', gender);
    const parsed = parseResidentId(id);
    assert.ok(parsed.ok, id);
    assert.equal(parsed.facts.birthDate, '1990-05-20');
    assert.equal(parsed.facts.gender, gender);
    seen.add(id);
  }
  assert.equal(seen.size, 3_000);
});
