import { readFileSync } from 'node:fs';
import { Pool, PoolClient } from 'pg';
import { createHash } from 'node:crypto';
import { hashPassword } from '@jipin/accounts';
import { PiiCipher } from '@jipin/core';
import { checkVacancy, chinaToday } from '@jipin/vacancies';
import { copyRows, CopyValue } from './copy-rows';
import { staffPhone, ResidentIdAllocator } from './identifiers';
import { Random } from './random';
import {
  buildEmployer,
  buildSeeker,
  buildVacancy,
  GeneratedEmployer,
  GeneratedSeeker,
  GeneratedVacancy,
  personName,
  TownshipData,
} from './build-rows';

export interface DataSize {
  employers: number;
  vacancies: number;
  seekers: number;
}

/** county: one county's year (the 2022 report: 5,738 positions, ~20k people registered). */
export const DATA_SIZES: Record<string, DataSize> = {
  tiny: { employers: 20, vacancies: 200, seekers: 300 },
  county: { employers: 800, vacancies: 5_000, seekers: 20_000 },
  city: { employers: 10_000, vacancies: 100_000, seekers: 500_000 },
  province: { employers: 80_000, vacancies: 1_000_000, seekers: 5_000_000 },
};

export interface GenerateOptions {
  databaseUrl: string;
  size: DataSize;
  seed: string;
  /** PII_KEY of the app that will read the data (base64, 32 bytes). */
  piiKey: Buffer;
  /** Every generated login gets this password (test and benchmark databases only). */
  password: string;
  regionsFile: string;
  /** The day the data is "as of": published vacancies run past it. Default: today in China. */
  asOf?: string;
  log?: (line: string) => void;
}

export interface GenerateReport {
  counts: Record<string, number>;
  seconds: Record<string, number>;
  /** Some generated accounts, for tests and benchmarks to log in with. */
  sample: { seekerPhones: string[]; employerPhones: string[]; staffPhones: string[] };
}

const BATCH = 20_000;

/** Generates employers, vacancies and seekers and streams them into an empty database with COPY. */
export async function generateData(options: GenerateOptions): Promise<GenerateReport> {
  const log = options.log ?? (() => undefined);
  const asOf = options.asOf ?? chinaToday();
  const townships = (
    JSON.parse(readFileSync(options.regionsFile, 'utf8')) as { townships: TownshipData[] }
  ).townships;
  const cipher = new PiiCipher(options.piiKey);
  const salt = createHash('sha256')
    .update(`jipin-datagen:${options.seed}`)
    .digest()
    .subarray(0, 16);
  const passwordHash = await hashPassword(options.password, salt);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  const client = await pool.connect();
  const report: GenerateReport = {
    counts: {},
    seconds: {},
    sample: { seekerPhones: [], employerPhones: [], staffPhones: [] },
  };
  const timed = async (label: string, work: () => Promise<number>) => {
    const started = process.hrtime.bigint();
    const count = await work();
    report.counts[label] = (report.counts[label] ?? 0) + count;
    report.seconds[label] =
      (report.seconds[label] ?? 0) + Number(process.hrtime.bigint() - started) / 1e9;
  };
  try {
    await assertEmpty(client);
    const stamp = `${asOf}T08:00:00+08:00`;

    // Staff: one county-wide, one window per township (they register and verify key groups).
    const staffRng = new Random(`${options.seed}:staff`);
    const staff = [null, ...townships].map((township, i) => ({
      id: staffRng.uuid(),
      phone: staffPhone(i),
      name: personName(staffRng, staffRng.chance(0.5) ? 'male' : 'female'),
      townshipCode: township?.code ?? null,
    }));
    report.sample.staffPhones = staff.map((s) => s.phone);
    await timed('staff users', () =>
      copyRows(
        client,
        'users',
        USER_COLUMNS,
        staff.map((s) =>
          userRow(cipher, s.id, s.phone, passwordHash, 'staff', s.name, s.townshipCode, stamp),
        ),
      ),
    );
    const windowOf = new Map(
      staff.filter((s) => s.townshipCode).map((s) => [s.townshipCode!, s.id]),
    );

    // Employers, their owners and membership.
    const employerRng = new Random(`${options.seed}:employers`);
    const employers: GeneratedEmployer[] = [];
    for (let i = 0; i < options.size.employers; i += 1)
      employers.push(buildEmployer(employerRng, i, townships, cipher, asOf));
    report.sample.employerPhones = employers
      .filter((e) => e.status === 'verified')
      .slice(0, 10)
      .map((e) => e.ownerPhone);
    await timed('employer users', () =>
      copyRows(
        client,
        'users',
        USER_COLUMNS,
        employers.map((e) =>
          userRow(
            cipher,
            e.ownerId,
            e.ownerPhone,
            passwordHash,
            'employer',
            e.contactName,
            null,
            e.createdAt,
          ),
        ),
      ),
    );
    await timed('employers', () =>
      copyRows(
        client,
        'employers',
        EMPLOYER_COLUMNS,
        employers.map((e) => employerRow(e, staff[0].id)),
      ),
    );
    await timed('employer_members', () =>
      copyRows(
        client,
        'employer_members',
        ['user_id', 'employer_id', 'role', 'created_at'],
        employers.map((e) => [e.ownerId, e.id, 'owner', e.createdAt]),
      ),
    );
    log(`employers: ${employers.length}`);

    // Vacancies, by employers that may post (verified, or suspended since).
    const ownerOf = new Map(employers.map((e) => [e.id, e.ownerId]));
    const posting = employers.filter((e) => e.status === 'verified' || e.status === 'suspended');
    const vacancyRng = new Random(`${options.seed}:vacancies`);
    for (let start = 0; start < options.size.vacancies; start += BATCH) {
      const batch: GeneratedVacancy[] = [];
      for (let i = start; i < Math.min(start + BATCH, options.size.vacancies); i += 1) {
        // Busy employers post more: a square skews the choice towards the first ones.
        const employer = posting[Math.floor(vacancyRng.next() ** 2 * posting.length)];
        batch.push(buildVacancy(vacancyRng, employer, townships, asOf));
      }
      await timed('vacancies', () =>
        copyRows(
          client,
          'vacancies',
          VACANCY_COLUMNS,
          batch.map((v) => vacancyRow(v, ownerOf)),
        ),
      );
      log(`vacancies: ${Math.min(start + BATCH, options.size.vacancies)}`);
    }

    // Seekers: login, résumé, and declared key groups.
    const seekerRng = new Random(`${options.seed}:seekers`);
    const ids = new ResidentIdAllocator();
    for (let start = 0; start < options.size.seekers; start += BATCH) {
      const batch: GeneratedSeeker[] = [];
      for (let i = start; i < Math.min(start + BATCH, options.size.seekers); i += 1)
        batch.push(buildSeeker(seekerRng, i, townships, ids, asOf));
      if (report.sample.seekerPhones.length < 50)
        report.sample.seekerPhones.push(
          ...batch
            .filter((s) => !s.assisted)
            .slice(0, 50)
            .map((s) => s.phone),
        );
      await timed('seeker users', () =>
        copyRows(
          client,
          'users',
          USER_COLUMNS,
          batch.map((s) =>
            userRow(
              cipher,
              s.userId,
              s.phone,
              s.assisted ? null : passwordHash,
              'seeker',
              s.name,
              null,
              s.createdAt,
            ),
          ),
        ),
      );
      await timed('seeker_profiles', () =>
        copyRows(
          client,
          'seeker_profiles',
          PROFILE_COLUMNS,
          batch.map((s) => profileRow(s, cipher, windowOf.get(s.township.code) ?? staff[0].id)),
        ),
      );
      await timed('seeker_key_groups', () =>
        copyRows(
          client,
          'seeker_key_groups',
          KEY_GROUP_COLUMNS,
          keyGroupRows(batch, seekerRng, windowOf, staff[0].id),
        ),
      );
      log(`seekers: ${Math.min(start + BATCH, options.size.seekers)}`);
    }
    await timed('analyze', async () => {
      // As autovacuum would soon: statistics, and pages marked all-visible for index-only scans.
      await client.query('vacuum (analyze)');
      return 0;
    });
    report.sample.seekerPhones = report.sample.seekerPhones.slice(0, 50);
    return report;
  } finally {
    client.release();
    await pool.end();
  }
}

async function assertEmpty(client: PoolClient): Promise<void> {
  const rows: { n: string }[] = (
    await client.query(
      `select (select count(*) from vacancies) + (select count(*) from seeker_profiles) as n`,
    )
  ).rows;
  if (Number(rows[0].n) > 0)
    throw new Error(
      'The database already has vacancies or seekers; generate into an empty, migrated database.',
    );
}

const USER_COLUMNS = [
  'id',
  'phone_index',
  'phone_cipher',
  'password_hash',
  'role',
  'name',
  'township_code',
  'created_at',
  'updated_at',
];

function userRow(
  cipher: PiiCipher,
  id: string,
  phone: string,
  passwordHash: string | null,
  role: string,
  name: string,
  townshipCode: string | null,
  createdAt: string,
): CopyValue[] {
  return [
    id,
    cipher.blindIndex(phone),
    cipher.encrypt(phone),
    passwordHash,
    role,
    name,
    townshipCode,
    createdAt,
    createdAt,
  ];
}

const EMPLOYER_COLUMNS = [
  'id',
  'name',
  'credit_code',
  'industry',
  'size',
  'address',
  'township_code',
  'lat',
  'lng',
  'contact_name',
  'contact_phone_cipher',
  'licence',
  'status',
  'status_reason',
  'status_changed_by',
  'status_changed_at',
  'owner_user_id',
  'created_at',
  'updated_at',
];

function employerRow(e: GeneratedEmployer, staffId: string): CopyValue[] {
  const reviewed = e.status !== 'pending';
  const reason =
    e.status === 'rejected'
      ? '营业执照信息与登记信息不一致'
      : e.status === 'suspended'
        ? '被投诉未按约定支付工资，暂停招聘'
        : null;
  return [
    e.id,
    e.name,
    e.creditCode,
    e.industry.name,
    e.size,
    e.address,
    e.township.code,
    e.lat,
    e.lng,
    e.contactName,
    e.contactPhoneCipher,
    { json: e.licence },
    e.status,
    reason,
    reviewed ? staffId : null,
    reviewed ? e.createdAt : null,
    e.ownerId,
    e.createdAt,
    e.createdAt,
  ];
}

const VACANCY_COLUMNS = [
  'id',
  'employer_id',
  'title',
  'occupation_code',
  'description',
  'requirements',
  'kind',
  'headcount',
  'pay_min',
  'pay_max',
  'pay_unit',
  'education',
  'age_min',
  'age_max',
  'experience_years',
  'welfare_tags',
  'shift_pattern',
  'township_code',
  'address',
  'lat',
  'lng',
  'contact_name',
  'contact_phone_cipher',
  'start_date',
  'expires_at',
  'target_key_groups',
  'eligibility',
  'status',
  'created_by',
  'published_at',
  'created_at',
  'updated_at',
];

function vacancyRow(v: GeneratedVacancy, ownerOf: Map<string, string>): CopyValue[] {
  const i = v.input;
  return [
    v.id,
    v.employerId,
    i.title,
    i.occupationCode,
    i.description,
    i.requirements ?? '',
    i.kind,
    i.headcount,
    i.pay.min,
    i.pay.max,
    i.pay.unit,
    i.education ?? 'any',
    i.ageMin ?? null,
    i.ageMax ?? null,
    i.experienceYears ?? 0,
    i.welfareTags ?? [],
    i.shiftPattern ?? null,
    i.townshipCode,
    i.address,
    i.lat ?? null,
    i.lng ?? null,
    i.contactName,
    v.contactPhoneCipher,
    i.startDate,
    i.expiresAt,
    i.targetKeyGroups ?? [],
    i.eligibility ? { json: i.eligibility } : null,
    v.status,
    ownerOf.get(v.employerId) ?? null,
    v.publishedAt,
    v.createdAt,
    v.createdAt,
  ];
}

const PROFILE_COLUMNS = [
  'id',
  'user_id',
  'name',
  'gender',
  'birth_date',
  'id_number_cipher',
  'id_number_index',
  'household',
  'township_code',
  'village_code',
  'education',
  'first_college_graduation_date',
  'work_history',
  'skills',
  'certificates',
  'desired_occupations',
  'desired_townships',
  'desired_pay_min',
  'desired_pay_max',
  'employment_status',
  'visibility',
  'registered_by',
  'consent_method',
  'consent_reference',
  'consent_recorded_by',
  'consent_recorded_at',
  'created_at',
  'updated_at',
];

function profileRow(s: GeneratedSeeker, cipher: PiiCipher, windowStaffId: string): CopyValue[] {
  const assisted = s.assisted;
  return [
    s.profileId,
    s.userId,
    s.name,
    s.gender,
    s.birthDate,
    cipher.encrypt(s.idNumber),
    cipher.blindIndex(s.idNumber),
    s.household,
    s.township.code,
    s.villageCode,
    { json: s.education },
    s.firstCollegeGraduationDate,
    { json: s.workHistory },
    s.skills,
    s.certificates,
    s.desiredOccupations,
    s.desiredTownships,
    s.desiredPayMin,
    s.desiredPayMax,
    s.employmentStatus,
    s.visibility,
    assisted ? windowStaffId : null,
    assisted ? 'signed_paper' : null,
    assisted ? `${s.township.name}代录-${s.profileId.slice(0, 8)}` : null,
    assisted ? windowStaffId : null,
    assisted ? s.createdAt : null,
    s.createdAt,
    s.createdAt,
  ];
}

const KEY_GROUP_COLUMNS = [
  'id',
  'profile_id',
  'code',
  'status',
  'declared_by',
  'declared_at',
  'verified_by',
  'verified_at',
];

function* keyGroupRows(
  batch: GeneratedSeeker[],
  rng: Random,
  windowOf: Map<string, string>,
  countyStaff: string,
): Generator<CopyValue[]> {
  for (const s of batch)
    for (const group of s.declaredKeyGroups) {
      const staffId = windowOf.get(s.township.code) ?? countyStaff;
      yield [
        rng.uuid(),
        s.profileId,
        group.code,
        group.verified ? 'verified' : 'declared',
        s.assisted ? staffId : s.userId,
        s.createdAt,
        group.verified ? staffId : null,
        group.verified ? s.createdAt : null,
      ];
    }
}

/** The rules a vacancy form enforces, applied to generated vacancies (for tests). */
export function vacancyProblems(
  vacancy: GeneratedVacancy,
  townshipCodes: Set<string>,
  asOf: string,
) {
  return checkVacancy(vacancy.input, {
    payFloor: { month: 1550, day: 60, hour: 15, piece: 0 },
    today: asOf,
    isTownship: (code) => townshipCodes.has(code),
  });
}
