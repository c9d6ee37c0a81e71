import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxEventType, OutboxService } from '@jipin/core';
import { DEMO_KINDS, DemoKind } from './demo-records';

export interface DemoDataSummary {
  /** How many records of each kind are demo data. */
  counts: Record<DemoKind, number>;
  employers: { id: string; name: string }[];
  fairs: { id: string; title: string }[];
  /** Demo staff and admin logins: kept on removal, shown so they can be disabled. */
  staffAccounts: { id: string; name: string; role: string }[];
}

const ids = (kind: DemoKind) => `(select record_id from demo_records where kind = '${kind}')`;

/**
 * Demo data marked in the database (demo_records): staff see what it is and
 * remove it, with everything that hangs on it, in one transaction. Staff and
 * admin logins are not removed: the person removing may be using one.
 */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async summary(): Promise<DemoDataSummary> {
    const rows: { kind: DemoKind; n: number }[] = await this.dataSource.query(
      `select kind, count(*)::int as n from demo_records group by kind`,
    );
    const counts = Object.fromEntries(
      DEMO_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0]),
    ) as Record<DemoKind, number>;
    return {
      counts,
      employers: await this.dataSource.query(
        `select id, name from employers where id in ${ids('employers')} order by name`,
      ),
      fairs: await this.dataSource.query(
        `select id, title from fairs where id in ${ids('fairs')} order by starts_at`,
      ),
      staffAccounts: await this.dataSource.query(
        `select id, name, role from users where id in ${ids('users')}
           and role in ('staff', 'admin') order by name`,
      ),
    };
  }

  /** Removes the demo data; returns what was there. Running it again removes nothing. */
  async remove(): Promise<DemoDataSummary> {
    const before = await this.summary();
    await this.dataSource.transaction(async (manager) => {
      const vacancies: { id: string }[] = await manager.query(
        `select id from vacancies where id in ${ids('vacancies')} or employer_id in ${ids('employers')}`,
      );
      await this.removeRows(manager);
      for (const { id } of vacancies)
        await this.outbox.record(manager, {
          type: OutboxEventType.VacancyChanged,
          aggregateId: id,
          payload: { vacancyId: id },
        });
    });
    return before;
  }

  /** Children before parents: most references to these tables do not cascade. */
  private async removeRows(manager: EntityManager): Promise<void> {
    const vacancies = `(select id from vacancies where id in ${ids('vacancies')}
      or employer_id in ${ids('employers')})`;
    const people = `(select id from users where id in ${ids('users')} and role not in ('staff', 'admin'))`;
    const intents = `(select id from placement_intents where vacancy_id in ${vacancies}
      or employer_id in ${ids('employers')} or fair_id in ${ids('fairs')}
      or seeker_user_id in ${people} or seeker_profile_id in ${ids('seeker_profiles')})`;
    const placements = `(select id from placements where intent_id in ${intents})`;
    const applications = `(select id from applications where vacancy_id in ${vacancies}
      or employer_id in ${ids('employers')} or seeker_user_id in ${people}
      or seeker_profile_id in ${ids('seeker_profiles')} or fair_id in ${ids('fairs')})`;
    const steps = [
      `delete from seeker_employment_history where placement_id in ${placements}`,
      `delete from placements where id in ${placements}`,
      `delete from placement_intents where id in ${intents}`,
      `delete from applications where id in ${applications}`,
      `delete from fair_booth_vacancies where vacancy_id in ${vacancies}`,
      `delete from fair_booths where employer_id in ${ids('employers')}`,
      `delete from fair_registrations where seeker_user_id in ${people}`,
      `delete from fairs where id in ${ids('fairs')}`,
      `delete from vacancies where id in ${vacancies}`,
      `delete from employers where id in ${ids('employers')}`,
      `delete from seeker_profiles where id in ${ids('seeker_profiles')} or user_id in ${people}`,
      `delete from users where id in ${people}`,
      `delete from demo_records where kind <> 'users'
         or record_id not in (select id from users)`,
    ];
    for (const sql of steps) await manager.query(sql);
  }
}
