import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { addYears, ageOn, deriveKeyGroups, KeyGroupFacts } from './key-groups';

const person = (facts: Partial<KeyGroupFacts>): KeyGroupFacts => ({
  gender: 'male',
  birthDate: '1990-06-15',
  household: 'urban',
  employmentStatus: 'employed',
  education: [],
  ...facts,
});

describe('age', () => {
  test('a birthday counts from its own day, not the day before', () => {
    assert.equal(ageOn('1986-03-10', '2026-03-09'), 39);
    assert.equal(ageOn('1986-03-10', '2026-03-10'), 40);
  });

  test('someone born on 29 February turns a year older on 1 March in a common year', () => {
    assert.equal(ageOn('2004-02-29', '2025-02-28'), 20);
    assert.equal(ageOn('2004-02-29', '2025-03-01'), 21);
    assert.equal(addYears('2024-02-29', 1), '2025-03-01');
  });
});

describe('derived key groups', () => {
  test('a woman becomes 4050 on her 40th birthday, not the day before', () => {
    const woman = person({ gender: 'female', birthDate: '1986-03-10' });
    assert.ok(!deriveKeyGroups(woman, '2026-03-09').includes('age_4050'));
    assert.ok(deriveKeyGroups(woman, '2026-03-10').includes('age_4050'));
  });

  test('a man of 40 is not 4050; he becomes one on his 50th birthday', () => {
    const man = person({ gender: 'male', birthDate: '1976-03-10' });
    assert.ok(
      !deriveKeyGroups({ ...man, birthDate: '1986-03-10' }, '2026-03-10').includes('age_4050'),
    );
    assert.ok(!deriveKeyGroups(man, '2026-03-09').includes('age_4050'));
    assert.ok(deriveKeyGroups(man, '2026-03-10').includes('age_4050'));
  });

  test('unemployed youth from the 16th birthday to the day before the 25th', () => {
    const youth = person({ birthDate: '2010-05-01', employmentStatus: 'unemployed' });
    assert.ok(!deriveKeyGroups(youth, '2026-04-30').includes('unemployed_youth'));
    assert.ok(deriveKeyGroups(youth, '2026-05-01').includes('unemployed_youth'));
    assert.ok(deriveKeyGroups(youth, '2035-04-30').includes('unemployed_youth'));
    assert.ok(!deriveKeyGroups(youth, '2035-05-01').includes('unemployed_youth'));
  });

  test('an employed or studying young person is not unemployed youth', () => {
    const young = person({ birthDate: '2004-01-01' });
    assert.ok(!deriveKeyGroups(young, '2026-01-01').includes('unemployed_youth'));
    assert.ok(
      !deriveKeyGroups({ ...young, employmentStatus: 'student' }, '2026-01-01').includes(
        'unemployed_youth',
      ),
    );
  });

  test('a graduate counts as within two years until the day two years after graduating', () => {
    const graduate = person({
      education: [{ level: 'bachelor', graduationDate: '2024-06-30' }],
    });
    assert.deepEqual(deriveKeyGroups(graduate, '2024-06-29'), []);
    assert.deepEqual(deriveKeyGroups(graduate, '2024-06-30'), ['graduate', 'graduate_recent']);
    assert.deepEqual(deriveKeyGroups(graduate, '2026-06-29'), ['graduate', 'graduate_recent']);
    assert.deepEqual(deriveKeyGroups(graduate, '2026-06-30'), ['graduate']);
  });

  test('a senior-high diploma is not a college degree', () => {
    const pupil = person({ education: [{ level: 'senior_high', graduationDate: '2020-06-30' }] });
    assert.deepEqual(deriveKeyGroups(pupil, '2021-01-01'), []);
  });

  test('a rural household registration makes rural labour', () => {
    assert.deepEqual(deriveKeyGroups(person({ household: 'rural' }), '2026-01-01'), [
      'rural_labour',
    ]);
  });
});
