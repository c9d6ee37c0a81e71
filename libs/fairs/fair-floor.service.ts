import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { ApplicationService, ApplicationView } from '@jipin/applications';
import {
  conflict,
  DomainError,
  notFound,
  PreparedStatement,
  queryPrepared,
  RateLimiter,
} from '@jipin/core';
import { IntentService, IntentView } from '@jipin/intents';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_MEMBER_ROWS, EMPLOYER_ROWS } from '@jipin/employers';
import { notEmployerMember, publicFair } from './fair-access';
import { assertOnePersonKey, normaliseTicketCode, scanTicket } from './registration.service';

interface BoothAtHand {
  employerId: string | null;
  fairId: string | null;
  status: string | null;
  fairStatus: string | null;
  brought: boolean;
}

/**
 * Everything a booth intent checks before it looks for the person, in one statement: the
 * recruiter's employer ($1 the user), that employer's booth ($2), its fair, and whether the
 * booth brought the vacancy ($3). No row's fields: not a recruiter; no booth: not theirs.
 */
const BOOTH_AT_HAND: PreparedStatement = {
  name: 'fair_booth_at_hand',
  text: `select m.employer_id as "employerId", b.fair_id as "fairId", b.status,
                f.status as "fairStatus",
                exists (select 1 from fair_booth_vacancies bv
                         where bv.booth_id = b.id and bv.vacancy_id = $3) as brought
           from (select 1) one
           left join ${EMPLOYER_MEMBER_ROWS} m on m.user_id = $1
           left join fair_booths b on b.id = $2 and b.employer_id = m.employer_id
           left join fairs f on f.id = b.fair_id`,
};

/** What happens on the fair floor: browsing the fair's vacancies, applying, and intents at a booth. */
@Injectable()
export class FairFloorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationService,
    private readonly intents: IntentService,
    private readonly accounts: AccountService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** The vacancies employers brought to approved booths, still published. */
  async vacancies(fairId: string) {
    await publicFair(this.dataSource.manager, fairId);
    return this.dataSource.query(
      `with at_booths as (
         select bv.vacancy_id, min(b.booth_number) as booth_number
           from fair_booth_vacancies bv
           join fair_booths b on b.id = bv.booth_id and b.status = 'approved'
          where bv.fair_id = $1
          group by bv.vacancy_id)
       select v.id, v.title, v.occupation_code as "occupationCode", v.headcount,
              v.pay_min::float as "payMin", v.pay_max::float as "payMax", v.pay_unit as "payUnit",
              v.township_code as "townshipCode", v.kind, e.id as "employerId", e.name as "employerName",
              x.booth_number as "boothNumber"
         from at_booths x
         join ${VACANCY_ROWS} v on v.id = x.vacancy_id and v.status = 'published'
         join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        order by x.booth_number nulls last, v.title`,
      [fairId],
    ) as Promise<Record<string, unknown>[]>;
  }

  /** Applying to a vacancy at the fair: the ordinary application, remembering the fair. */
  async apply(
    principal: Principal,
    fairId: string,
    vacancyId: string,
    coverNote?: string,
  ): Promise<{ created: boolean; application: ApplicationView }> {
    const fair = await publicFair(this.dataSource.manager, fairId);
    if (!['registration_open', 'ongoing'].includes(fair.status))
      throw conflict('fair_not_open', '该招聘会已结束或已取消');
    const [atFair] = await this.dataSource.query(
      `select 1 from fair_booth_vacancies bv join fair_booths b on b.id = bv.booth_id
        where bv.fair_id = $1 and bv.vacancy_id = $2 and b.status = 'approved' limit 1`,
      [fairId, vacancyId],
    );
    if (!atFair) throw notFound('本场招聘会的该岗位');
    return this.applications.apply(principal, vacancyId, coverNote, fairId);
  }

  /**
   * A recruiter at their booth records an intent for a person (by ticket or phone)
   * and one of the vacancies the booth brought. The person must be checked in at
   * this fair (walk-ins are checked in when registered at the door).
   */
  async boothIntent(
    principal: Principal,
    boothId: string,
    input: { vacancyId: string; ticketCode?: string; phone?: string },
  ): Promise<{ created: boolean; intent: IntentView }> {
    assertOnePersonKey(input);
    const [booth] = await queryPrepared<BoothAtHand>(this.dataSource, BOOTH_AT_HAND, [
      principal.userId,
      boothId,
      input.vacancyId,
    ]);
    if (!booth?.employerId) throw notEmployerMember();
    if (!booth.fairId) throw notFound('展位');
    if (booth.status !== 'approved') throw conflict('booth_not_approved', '展位未通过审核或已取消');
    if (booth.fairStatus !== 'ongoing')
      throw conflict('fair_not_ongoing', '招聘会进行中才能登记就业意向');
    if (!booth.brought) throw notFound('本展位的该岗位');
    const fairId = booth.fairId;
    const seekerUserId = input.ticketCode
      ? await scanTicket(this.rateLimiter, { userId: principal.userId, fairId }, () =>
          this.checkedInSeeker(fairId, input),
        )
      : await this.checkedInSeeker(fairId, input);
    const { created, intent } = await this.dataSource.transaction((manager) =>
      this.intents.record(manager, {
        seekerUserId,
        vacancyId: input.vacancyId,
        source: 'fair_booth',
        fairId,
        actor: principal,
      }),
    );
    return { created, intent: await this.intents.view(intent.id) };
  }

  /**
   * Only people checked in at this fair: anyone else (unknown phone, registered but
   * not come, in at another fair) gets one answer that names nobody, so a phone
   * typed at a booth tells neither a name nor whether it is registered at all.
   */
  private async checkedInSeeker(
    fairId: string,
    input: { ticketCode?: string; phone?: string },
  ): Promise<string> {
    let rows: { userId: string }[] = [];
    const checkedIn = `select seeker_user_id as "userId" from fair_registrations
                        where fair_id = $1 and checked_in_at is not null`;
    if (input.ticketCode)
      rows = await this.dataSource.query(`${checkedIn} and ticket_code = $2`, [
        fairId,
        normaliseTicketCode(input.ticketCode),
      ]);
    else if (input.phone) {
      const user = await this.accounts.findByPhone(input.phone);
      if (user)
        rows = await this.dataSource.query(`${checkedIn} and seeker_user_id = $2`, [
          fairId,
          user.id,
        ]);
    }
    if (!rows[0]) throw notCheckedIn();
    return rows[0].userId;
  }
}

const notCheckedIn = () =>
  new DomainError(
    'not_found',
    'not_checked_in',
    '本场招聘会已签到的人中没有找到此人，请核对门票或手机号；未签到的求职者请先到入口签到',
  );
