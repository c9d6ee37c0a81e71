import { EntityManager } from 'typeorm';
import { PiiCipher, withCreditCheckChar } from '@jipin/core';

/** Demo employers of Jishui county (吉水县), verified, each with an owner login and a few vacancies. */
export const DEMO_EMPLOYERS = [
  {
    owner: { phone: '13800000011', name: '恒达电子 王经理' },
    name: '吉水县恒达电子科技有限公司',
    creditCode: withCreditCheckChar('91360822MA35H1D0X'),
    industry: '电子元器件制造',
    size: '300_999',
    townshipCode: '360822100000',
    address: '吉水县城西工业园区恒达路8号',
    lat: 27.209,
    lng: 115.121,
    vacancies: [
      {
        title: '电子设备装配工',
        occupationCode: '6-25-04-01',
        kind: 'regular',
        headcount: 40,
        pay: [4200, 6500, 'month'],
        education: 'junior_high',
        ages: [18, 48],
        welfare: ['五险一金', '包吃', '包住', '全勤奖'],
        shift: 'two_shifts',
        description: '负责手机主板插件、焊接和整机装配，按作业指导书操作，新员工有师傅带教一周。',
        requirements: '身体健康，视力良好，能适应两班倒',
      },
      {
        title: '品检员',
        occupationCode: '6-31-03-01',
        kind: 'regular',
        headcount: 6,
        pay: [4000, 5200, 'month'],
        education: 'senior_high',
        ages: [20, 45],
        welfare: ['五险一金', '包吃', '周末双休'],
        shift: 'day',
        description: '对来料和成品进行外观、功能检验，填写检验记录，发现异常及时上报。',
        requirements: '高中及以上学历，细心负责，有电子厂检验经验者可放宽学历',
      },
    ],
  },
  {
    owner: { phone: '13800000012', name: '阜田农业 刘场长' },
    name: '吉水县阜田绿源农业发展有限公司',
    creditCode: withCreditCheckChar('91360822MA38F2T1Q'),
    industry: '蔬菜种植',
    size: '20_99',
    townshipCode: '360822101000',
    address: '吉水县阜田镇绿源蔬菜基地',
    lat: 27.327,
    lng: 115.206,
    vacancies: [
      {
        title: '蔬菜基地采摘工（日结）',
        occupationCode: '5-01-02-02',
        kind: 'gig',
        headcount: 30,
        pay: [120, 150, 'day'],
        education: 'any',
        ages: [18, 65],
        welfare: ['日结工资', '包吃'],
        shift: 'day',
        description: '蔬菜大棚采摘、分拣和装箱，早7点到下午5点，中午管饭，当天结算工资。',
        requirements: '能吃苦，附近村民优先安排就近大棚',
      },
    ],
  },
  {
    owner: { phone: '13800000013', name: '文峰物业 陈主任' },
    name: '吉水县文峰物业服务有限公司',
    creditCode: withCreditCheckChar('91360822MA39W3Y2K'),
    industry: '物业管理',
    size: '100_299',
    townshipCode: '360822100000',
    address: '吉水县文峰镇城南大道66号',
    lat: 27.205,
    lng: 115.139,
    vacancies: [
      {
        title: '乡村公益性岗位保洁员',
        occupationCode: '4-09-08-02',
        kind: 'public_welfare',
        headcount: 12,
        pay: [1600, 1800, 'month'],
        education: 'any',
        ages: [18, 60],
        welfare: ['缴纳社保'],
        shift: 'day',
        description: '负责所在村主干道和公共场所的日常清扫保洁，就近安排，每天工作6小时。',
        requirements: '身体健康，家住本村',
        eligibility: { keyGroups: ['poverty_alleviated', 'monitored'], ageMin: 18, ageMax: 60 },
        groups: ['poverty_alleviated', 'monitored'],
      },
      {
        title: '物业管理见习生',
        occupationCode: '3-01-02-01',
        kind: 'internship',
        headcount: 3,
        pay: [2200, 2500, 'month'],
        education: 'junior_college',
        ages: [18, 28],
        welfare: ['五险', '包吃', '免费培训'],
        shift: 'day',
        description: '在客服中心见习，学习物业收费、报修受理和业主沟通，见习期满表现良好可留用。',
        requirements: '大专及以上学历，会使用办公软件',
        eligibility: { keyGroups: [], graduatedWithinYears: 2 },
        groups: ['graduate', 'unemployed_youth'],
      },
      {
        title: '小区保安员',
        occupationCode: '3-02-03-01',
        kind: 'regular',
        headcount: 4,
        pay: [2600, 3200, 'month'],
        education: 'junior_high',
        ages: [22, 55],
        welfare: ['缴纳社保', '包住', '节日福利'],
        shift: 'two_shifts',
        description: '负责小区门岗值守、巡逻和车辆引导，做好来访登记，两班轮换。',
        requirements: '退役军人优先考虑，责任心强',
        groups: ['veteran'],
      },
    ],
  },
] as const;

function day(offset: number): string {
  return new Date(Date.now() + 8 * 3600 * 1000 + offset * 86400 * 1000).toISOString().slice(0, 10);
}

/** Inserts the demo employers, owners and vacancies in the caller's transaction; returns the printed lines. */
export async function seedDemoEmployers(
  manager: EntityManager,
  cipher: PiiCipher,
  passwordHash: string,
  verifiedBy: string,
): Promise<string[]> {
  const lines: string[] = [];
  for (const employer of DEMO_EMPLOYERS) {
    const [owner] = await manager.query(
      `insert into users (phone_index, phone_cipher, password_hash, role, name) values ($1, $2, $3, 'employer', $4) returning id`,
      [
        cipher.blindIndex(employer.owner.phone),
        cipher.encrypt(employer.owner.phone),
        passwordHash,
        employer.owner.name,
      ],
    );
    const [row] = await manager.query(
      `insert into employers (name, credit_code, industry, size, address, township_code, lat, lng,
         contact_name, contact_phone_cipher, licence, status, status_changed_by, status_changed_at, owner_user_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'verified', $12, now(), $13) returning id`,
      [
        employer.name,
        employer.creditCode,
        employer.industry,
        employer.size,
        employer.address,
        employer.townshipCode,
        employer.lat,
        employer.lng,
        employer.owner.name.split(' ')[1],
        cipher.encrypt(employer.owner.phone),
        JSON.stringify({ legalRepresentative: employer.owner.name.split(' ')[1] }),
        verifiedBy,
        owner.id,
      ],
    );
    await manager.query(
      `insert into employer_members (user_id, employer_id, role) values ($1, $2, 'owner')`,
      [owner.id, row.id],
    );
    await manager.query(
      `insert into employer_history (employer_id, action, to_status, actor_user_id) values ($1, 'verify', 'verified', $2)`,
      [row.id, verifiedBy],
    );
    for (const v of employer.vacancies) {
      const [vacancy] = await manager.query(
        `insert into vacancies (employer_id, title, occupation_code, description, requirements, kind, headcount,
           pay_min, pay_max, pay_unit, education, age_min, age_max, welfare_tags, shift_pattern, township_code,
           address, lat, lng, contact_name, contact_phone_cipher, start_date, expires_at, target_key_groups,
           eligibility, status, created_by, published_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
           $22, $23, $24, $25, 'published', $26, now()) returning id`,
        [
          row.id,
          v.title,
          v.occupationCode,
          v.description,
          v.requirements,
          v.kind,
          v.headcount,
          v.pay[0],
          v.pay[1],
          v.pay[2],
          v.education,
          v.ages[0],
          v.ages[1],
          v.welfare,
          v.shift,
          employer.townshipCode,
          employer.address,
          employer.lat,
          employer.lng,
          employer.owner.name.split(' ')[1],
          cipher.encrypt(employer.owner.phone),
          day(0),
          day(60),
          'groups' in v ? v.groups : [],
          'eligibility' in v ? JSON.stringify(v.eligibility) : null,
          owner.id,
        ],
      );
      await manager.query(
        `insert into vacancy_history (vacancy_id, action, to_status, version, actor_user_id) values ($1, 'created', 'published', 1, $2)`,
        [vacancy.id, owner.id],
      );
      // Search and matching pick the demo vacancies up like any other.
      await manager.query(
        `insert into outbox_events (type, aggregate_id, payload) values ('vacancy.changed', $1, $2::jsonb)`,
        [vacancy.id, JSON.stringify({ vacancyId: vacancy.id })],
      );
    }
    lines.push(`  ${employer.owner.phone}  employer ${employer.owner.name}（${employer.name}）`);
  }
  return lines;
}
