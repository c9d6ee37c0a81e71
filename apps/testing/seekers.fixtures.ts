import { withIdCheckDigit } from '@jipin/core';
import { addYears, chinaToday } from '@jipin/seekers';
import { TestApi } from './test-api';
import { registerUser, TestUser } from './accounts.fixtures';

export const FUTIAN = '360822101000'; // 阜田镇
export const FUTIAN_VILLAGE = '360822101201';
export const WENFENG = '360822100000'; // 文峰镇

let idCounter = 100;

/** A valid resident ID for the birth date and gender; each call gives a new number. */
export function residentId(birthDate: string, gender: 'male' | 'female'): string {
  idCounter = (idCounter + 1) % 500;
  const sequence = String(idCounter * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  return withIdCheckDigit(`360822${birthDate.replace(/-/g, '')}${sequence}`);
}

/** The date `days` after a YYYY-MM-DD date (negative for before). */
export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The birth date of someone who turns `age` on `onDate` (today in China by default). */
export function bornYearsBefore(age: number, onDate = chinaToday()): string {
  return addYears(onDate, -age);
}

/** A complete, valid profile body; override what the test is about. */
export function profileBody(
  overrides: Record<string, unknown> & { birthDate?: string; gender?: 'male' | 'female' } = {},
): Record<string, unknown> {
  const birthDate = overrides.birthDate ?? '1990-05-20';
  const gender = overrides.gender ?? 'male';
  return {
    name: '测试求职者',
    idNumber: residentId(birthDate, gender),
    household: 'rural',
    townshipCode: FUTIAN,
    villageCode: FUTIAN_VILLAGE,
    employmentStatus: 'unemployed',
    skills: ['电焊'],
    desiredOccupations: ['6-18-02-04'],
    desiredTownships: [FUTIAN],
    desiredPayMin: 3000,
    desiredPayMax: 5000,
    ...overrides,
  };
}

export interface TestSeeker extends TestUser {
  profileId: string;
  idNumber: string;
}

/** Signs a seeker up through HTTP and fills in their profile. */
export async function registerSeekerWithProfile(
  api: TestApi,
  overrides: Parameters<typeof profileBody>[0] = {},
): Promise<TestSeeker> {
  const user = await registerUser(api, 'seeker');
  const body = profileBody(overrides);
  const created = await api.post('/api/seekers/me', body, { token: user.token });
  if (created.status !== 201)
    throw new Error(`profile failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { ...user, profileId: created.body.id, idNumber: body.idNumber as string };
}
