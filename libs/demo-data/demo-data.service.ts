import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxEventType, OutboxService } from '@jipin/core';
import { deleteUsers, USER_ROWS } from '@jipin/accounts';
import { APPLICATION_ROWS, deleteApplications } from '@jipin/applications';
import { deleteEmployers, EMPLOYER_ROWS } from '@jipin/employers';
import { deleteFairRows, FAIR_ROWS } from '@jipin/fairs';
import { deleteIntents, PLACEMENT_INTENT_ROWS, PLACEMENT_ROWS } from '@jipin/intents';
import { deleteEmploymentHistoryOfPlacements, deleteSeekerProfiles } from '@jipin/seekers';
import { deleteVacancies, VACANCY_ROWS } from '@jipin/vacancies';
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
        `select id, name from ${EMPLOYER_ROWS} e where id in ${ids('employers')} order by name`,
      ),
      fairs: await this.dataSource.query(
        `select id, title from ${FAIR_ROWS} f where id in ${ids('fairs')} order by starts_at`,
      ),
      staffAccounts: await this.dataSource.query(
        `select id, name, role from ${USER_ROWS} u where id in ${ids('users')}
           and role in ('staff', 'admin') order by name`,
      ),
    };
  }

  /** Removes the demo data; returns what was there. Running it again removes nothing. */
  async remove(): Promise<DemoDataSummary> {
    const before = await this.summary();
    await this.dataSource.transaction(async (manager) => {
      const vacancies: { id: string }[] = await manager.query(
        `select id from ${VACANCY_ROWS} v where id in ${ids('vacancies')} or employer_id in ${ids('employers')}`,
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
    const vacancies = `(select id from ${VACANCY_ROWS} v where id in ${ids('vacancies')}
      or employer_id in ${ids('employers')})`;
    const people = `(select id from ${USER_ROWS} u where id in ${ids('users')} and role not in ('staff', 'admin'))`;
    const intents = `(select id from ${PLACEMENT_INTENT_ROWS} i where vacancy_id in ${vacancies}
      or employer_id in ${ids('employers')} or fair_id in ${ids('fairs')}
      or seeker_user_id in ${people} or seeker_profile_id in ${ids('seeker_profiles')})`;
    const placements = `(select id from ${PLACEMENT_ROWS} pl where intent_id in ${intents})`;
    const applications = `(select id from ${APPLICATION_ROWS} a where vacancy_id in ${vacancies}
      or employer_id in ${ids('employers')} or seeker_user_id in ${people}
      or seeker_profile_id in ${ids('seeker_profiles')} or fair_id in ${ids('fairs')})`;
    await deleteEmploymentHistoryOfPlacements(manager, placements);
    await deleteIntents(manager, intents);
    await deleteApplications(manager, applications);
    await deleteFairRows(manager, {
      vacancyIdsSql: vacancies,
      employerIdsSql: ids('employers'),
      userIdsSql: people,
      fairIdsSql: ids('fairs'),
    });
    await deleteVacancies(manager, vacancies);
    await deleteEmployers(manager, ids('employers'));
    await deleteSeekerProfiles(manager, { idsSql: ids('seeker_profiles'), userIdsSql: people });
    await deleteUsers(manager, people);
    await manager.query(
      `delete from demo_records where kind <> 'users' or record_id not in (select id from ${USER_ROWS} u)`,
    );
  }
}
