import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { AccountService, SmsCodeService } from '@jipin/accounts';
import { HttpResponse, lastSmsCode, TEST_PASSWORD, TestApi, uniquePhone } from '@jipin/testing';

/**
 * Limits that cannot be sidestepped or turned against users (issue 16, parts
 * 4 and 6). Callers come from many addresses (X-Forwarded-For, trusted here as
 * behind the county's proxy), so each limit is seen per address and per phone.
 */
let api: TestApi;
const LOGIN_LIMIT = 3;
const SMS_LIMIT = 2;
const SEARCH_LIMIT = 5;
// Wide enough that a burst of SEARCH_LIMIT searches fits before a window boundary on a busy machine.
const SEARCH_WINDOW = 4;
let addressCounter = 0;

/** An address no other test in this file uses. */
function newAddress(): string {
  addressCounter += 1;
  return `10.${Math.floor(addressCounter / 250)}.${addressCounter % 250}.7`;
}

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

beforeAll(async () => {
  process.env.TRUST_PROXY = 'true';
  api = await TestApi.start('abuse-limits', {
    RATE_LIMIT_LOGIN: String(LOGIN_LIMIT),
    RATE_LIMIT_SMS: String(SMS_LIMIT),
    RATE_LIMIT_SEARCH: String(SEARCH_LIMIT),
    RATE_LIMIT_SEARCH_WINDOW: String(SEARCH_WINDOW),
  });
});
afterAll(async () => api.close());

/** A person with a password, made without going through the limits under test. */
async function person(): Promise<{ phone: string }> {
  const phone = uniquePhone();
  await api.app.get(AccountService).createStaff({
    phone,
    password: TEST_PASSWORD,
    name: '某人',
    townshipCode: null,
    role: 'staff',
  });
  return { phone };
}

/** A 429 whose message says the same number of seconds as Retry-After. */
function assertLimited(response: HttpResponse, label: string): number {
  assert.equal(
    response.status,
    429,
    `${label}: ${response.status} ${JSON.stringify(response.body)}`,
  );
  const seconds = Number(response.headers.get('retry-after'));
  assert.ok(seconds >= 1, `${label}: Retry-After ${seconds}`);
  assert.match(response.body.message, new RegExp(`请在${seconds}秒后重试`), label);
  return seconds;
}

const login = (phone: string, password: string, address: string) =>
  api.post('/api/auth/login', { phone, password }, from(address));

async function attemptsOfLatest(purpose: string): Promise<number> {
  const rows: { attempts: number }[] = await api.dataSource.query(
    `select attempts from sms_codes where purpose = $1 order by created_at desc limit 1`,
    [purpose],
  );
  return rows[0].attempts;
}

describe('no account enumeration', () => {
  test('register, reset-password and claim are limited per address, alike for known and unknown phones', async () => {
    const known = await person();
    const address = newAddress();
    const routes = ['/api/auth/register', '/api/auth/reset-password', '/api/auth/claim'];
    const statuses: number[] = [];
    for (let i = 0; i < SMS_LIMIT * 4; i += 1) {
      const phone = i % 2 ? known.phone : uniquePhone();
      const body = { phone, code: '000000', password: TEST_PASSWORD, name: '某人', role: 'seeker' };
      const route = routes[i % 3];
      if (route !== '/api/auth/register') Object.assign(body, { name: undefined, role: undefined });
      const response = await api.post(route, body, from(address));
      statuses.push(response.status);
      assert.equal(
        response.body.code,
        'sms_code_invalid',
        `${route} ${JSON.stringify(response.body)}`,
      );
    }
    assert.deepEqual(new Set(statuses), new Set([400]));
    for (const phone of [known.phone, uniquePhone()])
      assertLimited(
        await api.post(
          '/api/auth/reset-password',
          { phone, code: '000000', password: TEST_PASSWORD },
          from(address),
        ),
        'past the per-address limit',
      );
  });

  test('the same routes are limited per phone, whichever addresses the tries come from', async () => {
    const known = await person();
    for (let i = 0; i < SMS_LIMIT * 5; i += 1) {
      const response = await api.post(
        '/api/auth/claim',
        { phone: known.phone, code: '000000', password: TEST_PASSWORD },
        from(newAddress()),
      );
      assert.equal(response.status, 400);
    }
    assertLimited(
      await api.post(
        '/api/auth/claim',
        { phone: known.phone, code: '000000', password: TEST_PASSWORD },
        from(newAddress()),
      ),
      'past the per-phone limit',
    );
  });

  test('concurrent guesses of an SMS code are counted exactly: five, then the code is dead', async () => {
    const phone = uniquePhone();
    await api.post('/api/auth/sms-codes', { phone, purpose: 'register' }, from(newAddress()));
    const code = lastSmsCode(api, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 26 }, () =>
        api.post(
          '/api/auth/register',
          { phone, code: wrong, password: TEST_PASSWORD, name: '某人', role: 'seeker' },
          from(newAddress()),
        ),
      ),
    );
    assert.ok(guesses.every((g) => g.status === 400 || g.status === 429));
    assert.equal(await attemptsOfLatest('register'), 5);

    // The same without HTTP in between, so that the guesses overlap as much as they can.
    const smsCodes = api.app.get(SmsCodeService);
    const other = uniquePhone();
    await smsCodes.send(other, 'claim', newAddress());
    const otherWrong = lastSmsCode(api, other) === '000000' ? '111111' : '000000';
    await Promise.allSettled(
      Array.from({ length: 26 }, () => smsCodes.consume(other, 'claim', otherWrong, newAddress())),
    );
    assert.equal(await attemptsOfLatest('claim'), 5);
  });
});

describe('login limits', () => {
  test('a stranger guessing from one address locks out only that address', async () => {
    const owner = await person();
    const home = newAddress();
    assert.equal((await login(owner.phone, TEST_PASSWORD, home)).status, 200);
    const stranger = newAddress();
    for (let i = 0; i < LOGIN_LIMIT; i += 1)
      assert.equal((await login(owner.phone, 'Wrong1234', stranger)).status, 401);
    assertLimited(await login(owner.phone, 'Wrong1234', stranger), 'the stranger');
    assert.equal((await login(owner.phone, TEST_PASSWORD, home)).status, 200);
    assert.equal((await login(owner.phone, TEST_PASSWORD, newAddress())).status, 200);
  });

  test('guesses spread over many addresses hold back new addresses, not the owner', async () => {
    const owner = await person();
    const home = newAddress();
    assert.equal((await login(owner.phone, TEST_PASSWORD, home)).status, 200);
    for (let i = 0; i < LOGIN_LIMIT * 3; i += 1)
      assert.equal((await login(owner.phone, 'Wrong1234', newAddress())).status, 401);
    assertLimited(await login(owner.phone, 'Wrong1234', newAddress()), 'one more new address');
    const wait = assertLimited(
      await login(owner.phone, TEST_PASSWORD, newAddress()),
      'the owner from a new address',
    );
    assert.ok(
      wait <= 15 * 60 * 1.1,
      `held back ${wait} s: at most the window and one slot, not for good`,
    );
    assert.equal((await login(owner.phone, TEST_PASSWORD, home)).status, 200);
  });
});

describe('search limits', () => {
  test('the vacancy list with a keyword counts against the search limit', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i += 1)
      assert.equal((await api.get('/api/search/vacancies?q=普工', from(address))).status, 200);
    for (let i = 0; i < SEARCH_LIMIT - 3; i += 1)
      assert.equal((await api.get('/api/vacancies?keyword=普工', from(address))).status, 200);
    assertLimited(await api.get('/api/vacancies?keyword=普工', from(address)), 'the list');
    assertLimited(await api.get('/api/search/vacancies?q=普工', from(address)), 'the search');
  });

  test('the window slides: twice the limit does not fit across a window boundary', async () => {
    const address = newAddress();
    const untilFixedWindowSecond = async (fraction: number) => {
      const inWindow = (Date.now() / 1000) % SEARCH_WINDOW;
      const target = fraction * SEARCH_WINDOW;
      const wait = (target - inWindow + SEARCH_WINDOW) % SEARCH_WINDOW;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    };
    // The limit at the end of one fixed window, the limit again just after it.
    await untilFixedWindowSecond(0.7);
    const late: number[] = [];
    for (let i = 0; i < SEARCH_LIMIT; i += 1)
      late.push((await api.get('/api/search/vacancies?q=司机', from(address))).status);
    await untilFixedWindowSecond(0.05);
    const early: number[] = [];
    for (let i = 0; i < SEARCH_LIMIT; i += 1)
      early.push((await api.get('/api/search/vacancies?q=司机', from(address))).status);
    assert.deepEqual(late, Array(SEARCH_LIMIT).fill(200));
    assert.deepEqual(early, Array(SEARCH_LIMIT).fill(429), 'the second burst is refused');
  });
});
