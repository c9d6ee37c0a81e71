import { randomInt } from 'node:crypto';
import { AccountService, LogSmsSender, SMS_SENDER } from '@jipin/accounts';
import { TestApi } from './test-api';

export interface TestUser {
  userId: string;
  phone: string;
  password: string;
  token: string;
  refreshToken: string;
}

export const TEST_PASSWORD = 'Jipin2026ok';

let phoneCounter = randomInt(10_000_000, 90_000_000);

/** A phone number no other test has used. */
export function uniquePhone(): string {
  phoneCounter += 1;
  return `139${String(phoneCounter).padStart(8, '0')}`;
}

/** Reads the code the log SMS driver sent to this phone. */
export function lastSmsCode(api: TestApi, phone: string): string {
  const sms = api.app.get<LogSmsSender>(SMS_SENDER).lastTo(phone);
  const code = sms?.text.match(/(\d{6})/)?.[1];
  if (!code) throw new Error(`No SMS code was sent to ${phone}`);
  return code;
}

/** Signs up through HTTP the way a person does: SMS code, then register. */
export async function registerUser(
  api: TestApi,
  role: 'seeker' | 'employer',
  name = '测试用户',
): Promise<TestUser> {
  const phone = uniquePhone();
  const sent = await api.post('/api/auth/sms-codes', { phone, purpose: 'register' });
  if (sent.status !== 202) throw new Error(`sms-codes failed: ${JSON.stringify(sent.body)}`);
  const registered = await api.post('/api/auth/register', {
    phone,
    code: lastSmsCode(api, phone),
    password: TEST_PASSWORD,
    name,
    role,
  });
  if (registered.status !== 201)
    throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const me = await api.get('/api/auth/me', { token: registered.body.accessToken });
  return {
    userId: me.body.id,
    phone,
    password: TEST_PASSWORD,
    token: registered.body.accessToken,
    refreshToken: registered.body.refreshToken,
  };
}

/** Staff and admins are created by an admin; the first admin comes from the seed, here from the service. */
export async function createStaffUser(
  api: TestApi,
  options: { role?: 'staff' | 'admin'; townshipCode?: string | null; name?: string } = {},
): Promise<TestUser> {
  const phone = uniquePhone();
  const account = await api.app.get(AccountService).createStaff({
    phone,
    password: TEST_PASSWORD,
    name: options.name ?? '工作人员',
    townshipCode: options.townshipCode ?? null,
    role: options.role ?? 'staff',
  });
  const login = await api.post('/api/auth/login', { phone, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    userId: account.id,
    phone,
    password: TEST_PASSWORD,
    token: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}

/** Polls until the check passes or the time is up; for effects that go through the worker. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
