import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import {
  createStaffUser,
  FUTIAN,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
  WENFENG,
} from '@jipin/testing';
import { chinaToday, KEY_GROUPS } from '@jipin/seekers';
import { FairPlan, holdFair } from './fair-replay';

/**
 * A generated year of a small county's activity is replayed through the API
 * (vacancies, résumés, key-group checks, fairs with booths and intents, follow-ups
 * to hire), its dates spread over the year; then every indicator is checked
 * against counts this test works out from its own plan, not from SQL.
 */
const SHUISHAN = '360822102000';
const TOWNSHIPS = [WENFENG, FUTIAN, SHUISHAN];
const FACTORY = '6-25-04-01';
const FARM = '5-01-02-02';
const CLEANER = '4-09-08-02';
const ACCOUNTANT = '2-06-03-00';

/** mulberry32: the same seed gives the same year. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(2022);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

/** Last year, all of it in the past (hires cannot be dated in the future). */
const year = Number(chinaToday().slice(0, 4)) - 1;
const dayInYear = (month = between(1, 12)) =>
  `${year}-${String(month).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
const LAST_YEAR = `${year - 1}-12-15`;

interface PlannedVacancy {
  id: string;
  employer: TestEmployer;
  kind: 'regular' | 'public_welfare' | 'internship';
  occupationCode: string;
  headcount: number;
  townshipCode: string;
  firstPublished: string;
  rural: boolean;
  /** The key groups the post is meant for (eligibility and target groups). */
  groups: string[];
}

interface PlannedSeeker extends TestSeeker {
  townshipCode: string;
  household: 'rural' | 'urban';
  employmentStatus: 'unemployed' | 'employed' | 'flexible' | 'student';
  verified: string[];
  registered: string;
}

interface PlannedHire {
  seeker: PlannedSeeker;
  vacancy: PlannedVacancy;
  hiredOn: string;
}

let api: TestApi;
let staff: TestUser;
const vacancies: PlannedVacancy[] = [];
const seekers: PlannedSeeker[] = [];
const fairs: FairPlan<PlannedVacancy>[] = [];
const hires: PlannedHire[] = [];

async function planVacancies(): Promise<void> {
  const employers = [];
  for (let i = 0; i < 3; i++) employers.push(await registerEmployer(api, { staff }));
  const kinds: [PlannedVacancy['kind'], string, boolean][] = [
    ...Array.from({ length: 8 }, (): [PlannedVacancy['kind'], string, boolean] => [
      'regular',
      FACTORY,
      false,
    ]),
    ['regular', FARM, false],
    ['public_welfare', CLEANER, true],
    ['public_welfare', CLEANER, true],
    ['public_welfare', CLEANER, false],
    ['internship', ACCOUNTANT, false],
    ['internship', ACCOUNTANT, false],
  ];
  for (const [index, [kind, occupationCode, rural]] of kinds.entries()) {
    const employer = employers[index % employers.length];
    const headcount = between(1, 30);
    const townshipCode = pick(TOWNSHIPS);
    const special: Record<string, unknown> & {
      eligibility?: Record<string, unknown> & { keyGroups: string[] };
      targetKeyGroups?: string[];
    } =
      kind === 'public_welfare'
        ? {
            pay: { min: 1600, max: 1800, unit: 'month' },
            eligibility: {
              keyGroups: rural ? ['poverty_alleviated', 'monitored'] : ['employment_difficulty'],
              ageMin: 18,
              ageMax: 60,
            },
            targetKeyGroups: [],
          }
        : kind === 'internship'
          ? {
              pay: { min: 1800, max: 2200, unit: 'month' },
              ageMin: undefined,
              ageMax: undefined,
              eligibility: { keyGroups: ['graduate'], graduatedWithinYears: 2 },
              // The last internship is for 离校2年内高校毕业生 by name.
              targetKeyGroups: index === kinds.length - 1 ? ['graduate_recent'] : [],
            }
          : {};
    const id = await publishVacancy(api, employer, {
      kind,
      occupationCode,
      headcount,
      townshipCode,
      title: `岗位${index + 1}`,
      ...special,
    });
    // The first regular post was published last December: not this year's.
    const firstPublished = index === 0 ? LAST_YEAR : dayInYear();
    vacancies.push({
      id,
      employer,
      kind,
      occupationCode,
      headcount,
      townshipCode,
      firstPublished,
      rural,
      // Regular posts keep the fixture's target group, rural labour.
      groups: [
        ...(special.eligibility?.keyGroups ?? []),
        ...(special.targetKeyGroups ?? ['rural_labour']),
      ],
    });
  }
}

async function planSeekers(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const townshipCode = pick(TOWNSHIPS);
    const household = rand() < 0.6 ? 'rural' : 'urban';
    const employmentStatus = pick([
      'unemployed',
      'unemployed',
      'employed',
      'flexible',
      'student',
    ] as const);
    const seeker = await registerSeekerWithProfile(api, {
      townshipCode,
      villageCode: undefined,
      household,
      employmentStatus,
      desiredOccupations: [pick([FACTORY, CLEANER, FARM])],
      desiredTownships: [townshipCode],
    });
    const verified: string[] = [];
    for (const group of ['employment_difficulty', 'zero_employment_family', 'poverty_alleviated'])
      if (rand() < 0.25) {
        await api.post(
          `/api/staff/seekers/${seeker.profileId}/key-groups`,
          { code: group },
          { token: staff.token },
        );
        const decided = await api.post(
          `/api/staff/seekers/${seeker.profileId}/key-groups/verify`,
          { code: group, decision: 'verified' },
          { token: staff.token },
        );
        assert.ok([200, 201].includes(decided.status), JSON.stringify(decided.body));
        verified.push(group);
      }
    const registered = i < 2 ? LAST_YEAR : dayInYear();
    seekers.push({ ...seeker, townshipCode, household, employmentStatus, verified, registered });
  }
}

/** Three fairs held, one cancelled; one vacancy and one person appear at two fairs. */
async function planFairs(): Promise<void> {
  const regular = vacancies.filter((v) => v.kind === 'regular' && v.occupationCode === FACTORY);
  const shared = regular[1];
  const twice = seekers[2];
  const layouts = [
    { month: 2, status: 'ended', vacancies: [shared, regular[2], regular[3]] },
    {
      month: 5,
      status: 'ended',
      vacancies: [shared, regular[4], vacancies[9]],
      groups: ['poverty_alleviated', 'rural_labour'],
    },
    { month: 9, status: 'ended', vacancies: [regular[5], vacancies[13]] },
    { month: 6, status: 'cancelled', vacancies: [regular[6]] },
  ] as const;
  for (const [index, layout] of layouts.entries()) {
    const people =
      layout.status === 'cancelled'
        ? []
        : [twice, ...seekers.slice(5 + index * 6, 9 + index * 6)].filter(
            (s) => !(index === 2 && s === twice),
          );
    fairs.push(
      await holdFair(api, staff, {
        title: `${year}年第${index + 1}场招聘会`,
        townshipCode: pick(TOWNSHIPS),
        startsOn: dayInYear(layout.month),
        status: layout.status,
        booths: layout.vacancies,
        targetKeyGroups: 'groups' in layout ? [...layout.groups] : undefined,
        intents: people.map((seeker, n) => {
          const regularOnes = layout.vacancies.filter((v) => v.kind === 'regular');
          return { seeker, vacancy: regularOnes[(n + index) % regularOnes.length] };
        }),
      }),
    );
  }
}

/** Follow-ups: most fair intents become hires on a day of the year; some fall through. */
async function planHires(): Promise<void> {
  const intents = fairs.flatMap((f) => f.intents);
  for (const [index, intent] of intents.entries()) {
    const seeker = seekers.find((s) => s.userId === intent.seekerUserId)!;
    const vacancy = vacancies.find((v) => v.id === intent.vacancyId)!;
    const hired = index % 4 !== 3;
    const hiredOn = index === 0 ? LAST_YEAR : dayInYear();
    const response = await api.post(
      `/api/staff/intents/${intent.id}/outcome`,
      hired ? { outcome: 'hired', hiredOn } : { outcome: 'fell_through' },
      { token: staff.token },
    );
    assert.ok([200, 201].includes(response.status), JSON.stringify(response.body));
    if (hired) hires.push({ seeker, vacancy, hiredOn });
  }
  // Staff place two people in public-welfare posts outside any fair.
  const welfare = vacancies.filter((v) => v.kind === 'public_welfare');
  for (const vacancy of welfare) {
    const groups = vacancy.rural ? ['poverty_alleviated'] : ['employment_difficulty'];
    const seeker = seekers.find(
      (s) => s.verified.some((g) => groups.includes(g)) && !hires.some((h) => h.seeker === s),
    );
    if (!seeker) continue;
    const recorded = await api.post(
      '/api/staff/intents',
      { seekerProfileId: seeker.profileId, vacancyId: vacancy.id },
      { token: staff.token },
    );
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const hiredOn = dayInYear();
    const confirmed = await api.post(
      `/api/staff/intents/${recorded.body.id}/outcome`,
      { outcome: 'hired', hiredOn },
      { token: staff.token },
    );
    assert.ok([200, 201].includes(confirmed.status), JSON.stringify(confirmed.body));
    hires.push({ seeker, vacancy, hiredOn });
  }
}

/** The dates the API stamped as "now" are moved to the plan's days of the year. */
async function spreadDatesOverTheYear(): Promise<void> {
  const at = (day: string) => `${day} 10:00:00+08`;
  for (const v of vacancies)
    await api.dataSource.query(`update vacancies set first_published_at = $2 where id = $1`, [
      v.id,
      at(v.firstPublished),
    ]);
  for (const s of seekers) {
    await api.dataSource.query(`update seeker_profiles set created_at = $2 where id = $1`, [
      s.profileId,
      at(s.registered),
    ]);
    // The status they registered with holds from the day they registered.
    await api.dataSource.query(
      `update seeker_employment_history set since = $2 where profile_id = $1 and placement_id is null`,
      [s.profileId, s.registered],
    );
  }
}

beforeAll(async () => {
  api = await TestApi.start('statistics_replay');
  staff = await createStaffUser(api);
  await planVacancies();
  await planSeekers();
  await planFairs();
  await planHires();
  await spreadDatesOverTheYear();
});
afterAll(async () => api?.close());

const inYear = (day: string) => day.startsWith(`${year}-`);
const distinct = <T>(items: T[]) => new Set(items).size;
const sum = (items: number[]) => items.reduce((a, b) => a + b, 0);

interface Scope {
  from: string;
  to: string;
  townshipCode?: string;
  keyGroup?: string;
}

/** The plan's seekers are men born in 1990 without a degree: of the derived groups only rural labour applies. */
const isIn = (seeker: PlannedSeeker, group?: string) =>
  !group ||
  seeker.verified.includes(group) ||
  (group === 'rural_labour' && seeker.household === 'rural');

/**
 * The person's employment status on a day: of their registration and their
 * hires dated on or before it, the one recorded last (hires come after registering).
 */
function statusOn(seeker: PlannedSeeker, day: string): string | null {
  const events = [
    { on: seeker.registered, status: seeker.employmentStatus as string },
    ...hires.filter((h) => h.seeker === seeker).map((h) => ({ on: h.hiredOn, status: 'employed' })),
  ];
  return events.filter((e) => e.on <= day).pop()?.status ?? null;
}

/** Before a hire the person is employed if an earlier-recorded hire of theirs is dated on or before it. */
function withoutJobBefore(hire: PlannedHire): boolean {
  const earlier = hires.slice(0, hires.indexOf(hire));
  if (earlier.some((e) => e.seeker === hire.seeker && e.hiredOn <= hire.hiredOn)) return false;
  return ['unemployed', 'student'].includes(hire.seeker.employmentStatus);
}

/** Every figure for a period, township and key group, worked out from the plan alone. */
function expectedFigures(scope: Scope): Record<string, number | null> {
  const { from, to, townshipCode: township, keyGroup: group } = scope;
  const within = (day: string) => day >= from && day <= to;
  const here = (code: string) => !township || code === township;
  const hiresIn = hires.filter(
    (h) => within(h.hiredOn) && here(h.seeker.townshipCode) && isIn(h.seeker, group),
  );
  const people = (list: PlannedHire[]) => distinct(list.map((h) => h.seeker.userId));
  const offFarm = (h: PlannedHire) => !h.vacancy.occupationCode.startsWith('5-');
  const ruralTransfer = (h: PlannedHire) => offFarm(h) && h.seeker.household === 'rural';
  const heldFairs = fairs.filter(
    (f) => f.status !== 'cancelled' && within(f.startsOn) && here(f.townshipCode),
  );
  const groupFairs = heldFairs.filter((f) => !group || f.targetKeyGroups.includes(group));
  const postsIn = vacancies.filter(
    (v) => within(v.firstPublished) && here(v.townshipCode) && (!group || v.groups.includes(group)),
  );
  const posts = (kind: string, extra = (_: PlannedVacancy) => true) =>
    sum(postsIn.filter((v) => v.kind === kind && extra(v)).map((v) => v.headcount));
  const registeredIn = seekers.filter(
    (s) => within(s.registered) && here(s.townshipCode) && isIn(s, group),
  );
  const zeroFamilies = seekers.filter(
    (s) =>
      s.verified.includes('zero_employment_family') && s.registered <= to && here(s.townshipCode),
  );
  const seeking = registeredIn.filter((s) => s.employmentStatus !== 'employed').length;
  const positions = sum(postsIn.map((v) => v.headcount));
  const fairPeople = heldFairs.flatMap((f) =>
    f.intents
      .map((i) => seekers.find((s) => s.userId === i.seekerUserId)!)
      .filter((s) => isIn(s, group)),
  );
  return {
    urban_new_employment: people(hiresIn.filter((h) => offFarm(h) && withoutJobBefore(h))),
    rural_labour_transferred: people(
      hiresIn
        .filter(ruralTransfer)
        .filter(
          (h) => !hires.some((e) => e.seeker === h.seeker && ruralTransfer(e) && e.hiredOn < from),
        ),
    ),
    difficulty_reemployment: people(
      hiresIn.filter((h) => h.seeker.verified.includes('employment_difficulty')),
    ),
    zero_employment_family_placement_rate: zeroFamilies.length
      ? Math.round(
          (10000 *
            zeroFamilies.filter((s) => hires.some((h) => h.seeker === s && h.hiredOn <= to))
              .length) /
            zeroFamilies.length,
        ) / 100
      : null,
    registered_unemployed: seekers.filter(
      (s) =>
        s.registered <= to &&
        here(s.townshipCode) &&
        isIn(s, group) &&
        statusOn(s, to) === 'unemployed',
    ).length,
    fairs_held: groupFairs.length,
    fair_positions: sum([...new Set(groupFairs.flatMap((f) => f.booths))].map((v) => v.headcount)),
    fair_intent_people: distinct(fairPeople.map((s) => s.userId)),
    public_welfare_posts: posts('public_welfare'),
    rural_public_welfare_posts: posts('public_welfare', (v) => v.rural),
    public_welfare_placed: people(hiresIn.filter((h) => h.vacancy.kind === 'public_welfare')),
    internship_posts: posts('internship'),
    vacancies_registered: postsIn.length,
    positions_registered: positions,
    seekers_registered: registeredIn.length,
    supply_demand_ratio: seeking ? Math.round((100 * positions) / seeking) / 100 : null,
  };
}

const YEAR: Scope = { from: `${year}-01-01`, to: `${year}-12-31` };

async function indicatorsOf(scope: Scope): Promise<Record<string, number | null>> {
  const query = new URLSearchParams(
    Object.entries(scope).filter(([, v]) => v !== undefined) as [string, string][],
  );
  const response = await api.get(`/api/staff/statistics/indicators?${query}`, {
    token: staff.token,
  });
  assert.equal(response.status, 200, `${query}: ${JSON.stringify(response.body)}`);
  return Object.fromEntries(
    response.body
      .filter((i: { code: string }) => i.code !== 'registered_unemployment_rate')
      .map((i: { code: string; value: number | null }) => [i.code, i.value]),
  );
}

test('every indicator of a replayed year equals the count worked out from the plan', async () => {
  const expected = expectedFigures(YEAR);
  if (process.env.SHOW_FIGURES) console.log(expected);
  assert.deepEqual(await indicatorsOf(YEAR), expected);
});

test('登记失业 counts the status on the day asked for: a confirmed hire ends unemployment from its date', async () => {
  const unemployedOnce = seekers.filter((s) => s.employmentStatus === 'unemployed');
  const placedLater = unemployedOnce.filter((s) =>
    hires.some((h) => h.seeker === s && h.hiredOn > s.registered),
  );
  assert.ok(placedLater.length >= 3, 'the plan places several registered unemployed people');
  for (const day of ['03-31', '06-30', '09-30', '12-31']) {
    const scope = { from: `${year}-01-01`, to: `${year}-${day}` };
    const actual = await indicatorsOf(scope);
    assert.equal(actual.registered_unemployed, expectedFigures(scope).registered_unemployed, day);
  }
  const yearEnd = (await indicatorsOf(YEAR)).registered_unemployed;
  const everRegistered = unemployedOnce.filter((s) => s.registered <= YEAR.to).length;
  assert.ok(yearEnd! < everRegistered, 'people placed in the year are no longer counted');

  const labourForce = 1000;
  const set = await api.put(
    '/api/staff/statistics/figures',
    { year, indicator: 'labour_force', kind: 'reference', value: labourForce },
    { token: staff.token },
  );
  assert.ok([200, 201].includes(set.status), JSON.stringify(set.body));
  const rate = await api.get(`/api/staff/statistics/indicators?from=${YEAR.from}&to=${YEAR.to}`, {
    token: staff.token,
  });
  assert.equal(
    rate.body.find((i: { code: string }) => i.code === 'registered_unemployment_rate').value,
    Math.round((10000 * yearEnd!) / labourForce) / 100,
  );
  const placed = placedLater.find((s) => statusOn(s, chinaToday()) === 'employed')!;
  const resume = await api.get(`/api/seekers/me`, { token: placed.token });
  assert.equal(resume.body.employmentStatus, 'employed', 'the résumé says employed after a hire');
});

test('every indicator with every key group and township equals the plan (no filter fails)', async () => {
  for (const keyGroup of [undefined, ...KEY_GROUPS])
    for (const townshipCode of [undefined, ...TOWNSHIPS]) {
      const scope = { ...YEAR, keyGroup, townshipCode };
      assert.deepEqual(
        await indicatorsOf(scope),
        expectedFigures(scope),
        `${keyGroup ?? 'everyone'} in ${townshipCode ?? 'the county'}`,
      );
      const query = `from=${YEAR.from}&to=${YEAR.to}${keyGroup ? `&keyGroup=${keyGroup}` : ''}${
        townshipCode ? `&townshipCode=${townshipCode}` : ''
      }`;
      const text = await api.get(`/api/staff/statistics/report-text?${query}`, {
        token: staff.token,
      });
      assert.equal(text.status, 200, `report text ${query}: ${JSON.stringify(text.body)}`);
    }
  const poverty = expectedFigures({ ...YEAR, keyGroup: 'poverty_alleviated' });
  assert.ok(poverty.fair_intent_people! > 0 && poverty.public_welfare_placed! > 0);
  assert.equal(
    expectedFigures({ ...YEAR, keyGroup: 'graduate_recent' }).internship_posts! > 0,
    true,
  );
});

test('the report paragraph says whom the public-welfare posts are for and splits the people placed', async () => {
  const text = await api.get(`/api/staff/statistics/report-text?from=${YEAR.from}&to=${YEAR.to}`, {
    token: staff.token,
  });
  assert.equal(text.status, 200, JSON.stringify(text.body));
  const rural = hires.filter(
    (h) => inYear(h.hiredOn) && h.vacancy.kind === 'public_welfare' && h.vacancy.rural,
  );
  const poverty = distinct(
    rural.filter((h) => h.seeker.verified.includes('poverty_alleviated')).map((h) => h.seeker),
  );
  assert.ok(poverty > 0, 'the plan places poor people in rural posts');
  const figures = expectedFigures(YEAR);
  assert.ok(
    text.body.text.includes(
      `开发公益性岗位${figures.public_welfare_posts}个，用于吸纳脱贫劳动力、监测对象和就业困难人员就近就业；` +
        `其中开发农村公益性岗位${figures.rural_public_welfare_posts}个，安置${poverty}脱贫人员`,
    ),
    text.body.text,
  );
  assert.ok(
    text.body.text.includes(
      `组织招聘会${figures.fairs_held}场，汇集就业岗位${figures.fair_positions}个，达成就业意向${figures.fair_intent_people}人`,
    ),
  );
});

test('a person with intents at two fairs and a vacancy shown at two fairs are counted once in the year', async () => {
  const twice = fairs.filter((f) => f.status !== 'cancelled').slice(0, 2);
  const sharedPeople = twice[0].intents
    .map((i) => i.seekerUserId)
    .filter((id) => twice[1].intents.some((j) => j.seekerUserId === id));
  assert.equal(sharedPeople.length, 1, 'the plan has one person at both fairs');
  const sharedVacancies = twice[0].booths.filter((v) => twice[1].booths.includes(v));
  assert.equal(sharedVacancies.length, 1, 'the plan has one vacancy at both fairs');

  const perFair = [];
  for (const fair of twice) {
    const day = fair.startsOn;
    const response = await api.get(`/api/staff/statistics/indicators?from=${day}&to=${day}`, {
      token: staff.token,
    });
    perFair.push(
      Object.fromEntries(
        response.body.map((i: { code: string; value: number }) => [i.code, i.value]),
      ),
    );
  }
  const both = await api.get(
    `/api/staff/statistics/indicators?from=${twice[0].startsOn}&to=${twice[1].startsOn}`,
    { token: staff.token },
  );
  const together = Object.fromEntries(
    both.body.map((i: { code: string; value: number }) => [i.code, i.value]),
  );
  const totals = await api.get(
    `/api/staff/fair-totals?from=${twice[0].startsOn}&to=${twice[1].startsOn}`,
    { token: staff.token },
  );
  assert.deepEqual(
    [totals.body.fairs, totals.body.positions, totals.body.peopleWithIntents],
    [together.fairs_held, together.fair_positions, together.fair_intent_people],
    'the fairs page and the statistics agree',
  );
  assert.equal(
    together.fair_intent_people,
    perFair[0].fair_intent_people + perFair[1].fair_intent_people - 1,
  );
  assert.equal(
    together.fair_positions,
    perFair[0].fair_positions + perFair[1].fair_positions - sharedVacancies[0].headcount,
  );
});

test('the months add up to the year for every indicator that adds up over time', async () => {
  const yearly = await api.get(
    `/api/staff/statistics/indicators?from=${year}-01-01&to=${year}-12-31`,
    {
      token: staff.token,
    },
  );
  for (const code of [
    'fairs_held',
    'public_welfare_posts',
    'internship_posts',
    'positions_registered',
    'seekers_registered',
  ]) {
    const monthly = await api.get(
      `/api/staff/statistics/monthly?from=${year}-01-01&to=${year}-12-31&indicator=${code}`,
      { token: staff.token },
    );
    const total = sum(monthly.body.map((p: { value: number }) => p.value));
    assert.equal(total, yearly.body.find((i: { code: string }) => i.code === code).value, code);
  }
});

test('the township figures add up to the county for counts of posts and registrations', async () => {
  const period = `from=${year}-01-01&to=${year}-12-31`;
  const county = await api.get(`/api/staff/statistics/indicators?${period}`, {
    token: staff.token,
  });
  const townships = await api.get(`/api/staff/statistics/townships?${period}`, {
    token: staff.token,
  });
  for (const code of ['positions_registered', 'seekers_registered', 'urban_new_employment']) {
    const total = sum(
      townships.body.map(
        (t: { indicators: { code: string; value: number }[] }) =>
          t.indicators.find((i) => i.code === code)!.value,
      ),
    );
    assert.equal(total, county.body.find((i: { code: string }) => i.code === code).value, code);
  }
});
