import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import {
  checkCreditCode,
  isMobilePhone,
  parseResidentId,
  withCreditCheckChar,
  withIdCheckDigit,
} from './chinese-ids';
import { maskIdNumber, maskPhone, PiiCipher } from './pii-cipher';
import { randomBytes } from 'node:crypto';

describe('Chinese identifiers', () => {
  test('accepts a resident ID with a correct check digit and reads birth date and gender', () => {
    const id = withIdCheckDigit('36082219900101123');
    const parsed = parseResidentId(id);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.facts, {
      birthDate: '1990-01-01',
      gender: 'male',
      regionCode: '360822',
    });
  });

  test('refuses a resident ID whose check digit is wrong', () => {
    const id = withIdCheckDigit('36082219900101122');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const parsed = parseResidentId(wrong);
    assert.equal(parsed.ok, false);
    assert.match((parsed as { reason: string }).reason, /校验位/);
  });

  test('refuses an impossible birth date inside a resident ID', () => {
    const parsed = parseResidentId(withIdCheckDigit('36082219900231123'));
    assert.equal(parsed.ok, false);
  });

  test('the well-known sample credit code passes and a changed one fails', () => {
    assert.equal(checkCreditCode('91350100M000100Y43'), undefined);
    assert.match(checkCreditCode('91350100M000100Y44') ?? '', /校验位/);
    assert.match(checkCreditCode('91350100M000100Y4') ?? '', /18位/);
    assert.match(checkCreditCode('91350100M000100YI3') ?? '', /只能包含/);
    assert.equal(checkCreditCode(withCreditCheckChar('91360822MA35XXXX1')), undefined);
  });

  test('mobile numbers are 11 digits starting 13-19', () => {
    assert.ok(isMobilePhone('13812345678'));
    assert.ok(!isMobilePhone('12812345678'));
    assert.ok(!isMobilePhone('1381234567'));
  });

  test('masks keep only what a person needs to recognise their own data', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskIdNumber('360822199001011234'), '3608*************4');
  });

  test('a masked ID cannot be rebuilt by someone who knows the birth date, gender and county', () => {
    const id = withIdCheckDigit('36082219900101123');
    const masked = maskIdNumber(id);
    // The attacker's best case: everything but the sequence digits is known.
    const candidates: string[] = [];
    for (let sequence = 0; sequence < 1000; sequence++) {
      if (sequence % 2 !== 1) continue; // male: odd 17th digit
      const guess = withIdCheckDigit(`36082219900101${String(sequence).padStart(3, '0')}`);
      if (maskIdNumber(guess) === masked) candidates.push(guess);
    }
    assert.ok(candidates.includes(id));
    assert.ok(candidates.length >= 30, `only ${candidates.length} candidates`);
  });

  test('PII encryption round-trips and the blind index is stable', () => {
    const cipher = new PiiCipher(randomBytes(32));
    const stored = cipher.encrypt('13812345678');
    assert.notEqual(stored, cipher.encrypt('13812345678'));
    assert.equal(cipher.decrypt(stored), '13812345678');
    assert.equal(cipher.blindIndex('13812345678'), cipher.blindIndex(' 13812345678 '));
  });
});
