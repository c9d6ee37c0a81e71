import { randomInt } from 'node:crypto';
import { withCreditCheckChar } from '@jipin/core';
import { createStaffUser, registerUser, TestUser, uniquePhone } from './accounts.fixtures';
import { TestApi } from './test-api';

export const TEST_TOWNSHIP = '360822100000'; // 文峰镇
export const OTHER_TOWNSHIP = '360822101000'; // 阜田镇

/** A credit code with a correct check character that no other test has used. */
export function uniqueCreditCode(): string {
  const body = String(randomInt(10 ** 9, 10 ** 10 - 1)) + String(randomInt(1000, 9999));
  return withCreditCheckChar(`91360822${body}`.slice(0, 17));
}

export function employerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `吉水县测试电子有限公司${randomInt(1000, 9999)}`,
    creditCode: uniqueCreditCode(),
    industry: '电子元器件制造',
    size: '100_299',
    address: '吉水县城西工业园区1号',
    townshipCode: TEST_TOWNSHIP,
    lat: 27.21,
    lng: 115.13,
    contactName: '王经理',
    contactPhone: uniquePhone(),
    licence: { legalRepresentative: '王建国', registeredCapital: '500万元' },
    ...overrides,
  };
}

export interface TestEmployer {
  id: string;
  owner: TestUser;
}

/** Registers an employer through HTTP; verified by a county-wide staff member unless told not to. */
export async function registerEmployer(
  api: TestApi,
  options: { verified?: boolean; overrides?: Record<string, unknown>; staff?: TestUser } = {},
): Promise<TestEmployer> {
  const owner = await registerUser(api, 'employer', '招聘负责人');
  const created = await api.post('/api/employers', employerBody(options.overrides), {
    token: owner.token,
  });
  if (created.status !== 201) throw new Error(`employer failed: ${JSON.stringify(created.body)}`);
  if (options.verified !== false) {
    const staff = options.staff ?? (await createStaffUser(api));
    const verified = await api.post(
      `/api/staff/employers/${created.body.id}/verify`,
      {},
      {
        token: staff.token,
      },
    );
    if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  }
  return { id: created.body.id, owner };
}
