import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { NewVacancyFacts } from '@jipin/vacancies';
import { AlertCriteria, alertMatches, prepareVacancy } from './alert-matching';

const vacancy: NewVacancyFacts = {
  id: 'v1',
  title: '电子设备装配工',
  employerName: '吉水县测试电子有限公司',
  occupationCode: '6-25-04-01',
  kind: 'regular',
  townshipCode: '360822100000',
  lat: 27.21,
  lng: 115.13,
  payMin: 4000,
  payMax: 6500,
  payUnit: 'month',
};
const none: AlertCriteria = {
  keyword: null,
  townshipCode: null,
  radiusKm: null,
  kind: null,
  payMin: null,
};
const places: Record<string, { lat: number; lng: number }> = {
  '360822100000': { lat: 27.21, lng: 115.13 },
  '360822101000': { lat: 27.3, lng: 115.2 }, // about 12 km away
};
const locate = (code: string) => places[code];
const matches = (alert: Partial<AlertCriteria>, v = vacancy) =>
  alertMatches({ ...none, ...alert }, prepareVacancy(v), locate);

describe('job alert matching', () => {
  test('words match the title, employer or occupation, all of them', () => {
    assert.equal(matches({ keyword: '装配' }), true);
    assert.equal(matches({ keyword: '电子 装配' }), true);
    assert.equal(matches({ keyword: '电子 厨师' }), false);
  });

  test('a township alone means that township; with a radius, ads within that distance', () => {
    assert.equal(matches({ townshipCode: '360822100000' }), true);
    assert.equal(matches({ townshipCode: '360822101000' }), false);
    assert.equal(matches({ townshipCode: '360822101000', radiusKm: 20 }), true);
    assert.equal(matches({ townshipCode: '360822101000', radiusKm: 5 }), false);
  });

  test('kind and pay: a day rate is compared as 22 days of work', () => {
    assert.equal(matches({ kind: 'regular', payMin: 6000 }), true);
    assert.equal(matches({ kind: 'gig' }), false);
    assert.equal(matches({ payMin: 7000 }), false);
    const daily = { ...vacancy, payMin: 200, payMax: 250, payUnit: 'day' as const };
    assert.equal(matches({ payMin: 5000 }, daily), true);
    assert.equal(matches({ payMin: 6000 }, daily), false);
  });
});
