import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff reading people's messages (a reported thread, the held list) is logged
 * in the personal-data access log like every other full view, so the person
 * sees it next to résumé and phone reveals; the separate message_staff_reads
 * log is folded into it. A report may also give "other" as its reason.
 */
export class MessageReadsInAccessLog1765200000800 implements MigrationInterface {
  name = 'MessageReadsInAccessLog1765200000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table pii_access_log drop constraint pii_access_log_field_check`);
    await db.query(
      `alter table pii_access_log add constraint pii_access_log_field_check
         check (field in ('id_number', 'phone', 'export', 'resume', 'messages'))`,
    );
    await db.query(
      `insert into pii_access_log (actor_user_id, actor_role, subject_profile_id, subject_user_id,
                                   field, purpose, route, created_at)
       select r.staff_user_id, coalesce(u.role, 'staff'), p.id, p.user_id, 'messages', r.purpose,
              case when r.report_id is null then 'POST /api/staff/held-messages/:id/decision'
                   else 'GET /api/staff/message-reports/:id/thread' end,
              r.created_at
         from message_staff_reads r
         join message_threads t on t.id = r.thread_id
         join seeker_profiles p on p.user_id = t.seeker_user_id
         left join users u on u.id = r.staff_user_id
        order by r.id`,
    );
    await db.query(`drop table message_staff_reads`);
    await db.query(`alter table message_reports drop constraint message_reports_reason_check`);
    await db.query(
      `alter table message_reports add constraint message_reports_reason_check
         check (reason in ('harassment', 'fraud', 'other'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`update message_reports set reason = 'harassment' where reason = 'other'`);
    await db.query(`alter table message_reports drop constraint message_reports_reason_check`);
    await db.query(
      `alter table message_reports add constraint message_reports_reason_check
         check (reason in ('harassment', 'fraud'))`,
    );
    await db.query(`create table message_staff_reads (
      id bigserial primary key,
      staff_user_id uuid not null,
      thread_id uuid not null,
      report_id uuid,
      purpose varchar(200) not null,
      created_at timestamptz not null default now())`);
    await db.query(`delete from pii_access_log where field = 'messages'`);
    await db.query(`alter table pii_access_log drop constraint pii_access_log_field_check`);
    await db.query(
      `alter table pii_access_log add constraint pii_access_log_field_check
         check (field in ('id_number', 'phone', 'export', 'resume'))`,
    );
  }
}
