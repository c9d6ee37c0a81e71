import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService, Principal } from '@jipin/accounts';
import { ApplicationService, ApplicationView } from '@jipin/applications';
import { conflict, DomainError, notFound, RateLimiter } from '@jipin/core';
import { IntentService, IntentView } from '@jipin/intents';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { FairBoothEntity } from './entities/fair-booth.entity';
import { publicFair, recruiterOf } from './fair-access';
import { assertOnePersonKey, normaliseTicketCode, scanTicket } from './registration.service';

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
    const { employerId } = await recruiterOf(this.dataSource.manager, principal.userId);
    const booth = await this.dataSource.manager.findOneBy(FairBoothEntity, { id: boothId });
    if (!booth || booth.employerId !== employerId) throw notFound('展位');
    if (booth.status !== 'approved') throw conflict('booth_not_approved', '展位未通过审核或已取消');
    const [fair] = await this.dataSource.query(`select status from fairs where id = $1`, [
      booth.fairId,
    ]);
    if (fair.status !== 'ongoing')
      throw conflict('fair_not_ongoing', '招聘会进行中才能登记就业意向');
    const [brought] = await this.dataSource.query(
      `select 1 from fair_booth_vacancies where booth_id = $1 and vacancy_id = $2`,
      [boothId, input.vacancyId],
    );
    if (!brought) throw notFound('本展位的该岗位');
    const seekerUserId = input.ticketCode
      ? await scanTicket(this.rateLimiter, { userId: principal.userId, fairId: booth.fairId }, () =>
          this.checkedInSeeker(booth.fairId, input),
        )
      : await this.checkedInSeeker(booth.fairId, input);
    const { created, intent } = await this.dataSource.transaction((manager) =>
      this.intents.record(manager, {
        seekerUserId,
        vacancyId: input.vacancyId,
        source: 'fair_booth',
        fairId: booth.fairId,
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
