import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** An instant `days` from now at a China-time hour, as ISO text. */
function chinaTime(days: number, hour: number): string {
  const date = new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000)
    .toISOString()
    .slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

const DEMO_FAIRS = [
  {
    title: '2026年“春风行动”吉水县专场招聘会',
    campaign: '春风行动',
    mode: 'offline',
    venue: '吉水县人力资源市场一楼大厅',
    townshipCode: '360822100000',
    days: -20,
    boothCount: 60,
    targetKeyGroups: ['rural_labour', 'poverty_alleviated', 'migrant_worker'],
    liveStreamUrl: null,
    status: 'ended',
  },
  {
    title: '民营企业招聘月·城西工业园区专场',
    campaign: '民营企业招聘月',
    mode: 'hybrid',
    venue: '吉水县城西工业园区管委会广场',
    townshipCode: '360822100000',
    days: 0,
    boothCount: 40,
    targetKeyGroups: ['rural_labour', 'age_4050', 'employment_difficulty'],
    liveStreamUrl: 'https://live.example.cn/jishui/private-enterprise-month',
    status: 'ongoing',
  },
  {
    title: '高校毕业生就业服务专场（直播带岗）',
    campaign: '高校毕业生专场',
    mode: 'online',
    venue: null,
    townshipCode: null,
    days: 7,
    boothCount: 0,
    targetKeyGroups: ['graduate_recent', 'unemployed_youth'],
    liveStreamUrl: 'https://live.example.cn/jishui/graduates-2026',
    status: 'registration_open',
  },
] as const;

/**
 * Demo fairs: one that ended with booths, check-ins and intents, one running
 * today, one online fair open for registration. Every demo employer takes part.
 */
export async function seedDemoFairs(manager: EntityManager, staffUserId: string): Promise<void> {
  const employers: { id: string; ownerId: string }[] = await manager.query(
    `select e.id, m.user_id as "ownerId" from employers e
       join employer_members m on m.employer_id = e.id and m.role = 'owner' order by e.created_at`,
  );
  const seekers: { id: string }[] = await manager.query(
    `select id from users where role = 'seeker' order by created_at`,
  );
  for (const fair of DEMO_FAIRS) {
    const [{ id: fairId }] = await manager.query(
      `insert into fairs (title, campaign, mode, venue, township_code, starts_at, ends_at, booth_count,
         target_key_groups, live_stream_url, status, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        fair.title,
        fair.campaign,
        fair.mode,
        fair.venue,
        fair.townshipCode,
        chinaTime(fair.days, 9),
        chinaTime(fair.days, 16),
        fair.boothCount,
        fair.targetKeyGroups,
        fair.liveStreamUrl,
        fair.status,
        staffUserId,
      ],
    );
    for (const [i, employer] of employers.entries()) {
      const [{ id: boothId }] = await manager.query(
        `insert into fair_booths (fair_id, employer_id, status, booth_number, applied_by, decided_by, decided_at)
         values ($1, $2, 'approved', $3, $4, $5, now()) returning id`,
        [fairId, employer.id, fair.mode === 'online' ? null : i + 1, employer.ownerId, staffUserId],
      );
      await manager.query(
        `insert into fair_booth_vacancies (booth_id, vacancy_id, fair_id)
         select $1, id, $2 from vacancies where employer_id = $3 and status = 'published'`,
        [boothId, fairId, employer.id],
      );
    }
    for (const seeker of seekers)
      await manager.query(
        `insert into fair_registrations (fair_id, seeker_user_id, ticket_code, source, checked_in_at, checked_in_by)
         values ($1, $2, $3, 'online', $4, $5)`,
        [
          fairId,
          seeker.id,
          randomBytes(16).toString('base64url'),
          fair.status === 'ended' ? chinaTime(fair.days, 10) : null,
          fair.status === 'ended' ? staffUserId : null,
        ],
      );
    if (fair.status !== 'ended') continue;
    // At the fair that ended, the first demo seekers reached intents at the first booths.
    const booths: { vacancyId: string; employerId: string; ownerId: string }[] =
      await manager.query(
        `select distinct on (b.employer_id) bv.vacancy_id as "vacancyId", b.employer_id as "employerId",
              b.applied_by as "ownerId"
         from fair_booths b join fair_booth_vacancies bv on bv.booth_id = b.id
        where b.fair_id = $1 order by b.employer_id, bv.vacancy_id`,
        [fairId],
      );
    for (const [i, seeker] of seekers.slice(0, booths.length).entries())
      await manager.query(
        `insert into placement_intents (seeker_user_id, seeker_profile_id, vacancy_id, employer_id,
           township_code, source, fair_id, recorded_by, recorded_by_role, recorded_at, follow_up_due_on)
         select $1, p.id, $2, $3, coalesce(p.township_code, '360822100000'), 'fair_booth', $4, $5,
                'employer', $6, ($6::timestamptz + interval '30 days')::date
           from (select 1) x left join seeker_profiles p on p.user_id = $1`,
        [
          seeker.id,
          booths[i].vacancyId,
          booths[i].employerId,
          fairId,
          booths[i].ownerId,
          chinaTime(fair.days, 11),
        ],
      );
  }
}
