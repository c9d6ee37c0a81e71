import { EntityManager } from 'typeorm';
import { maskPhone, PiiCipher } from '@jipin/core';
import { USER_ROWS } from '@jipin/accounts';
import { SEEKER_PROFILE_ROWS } from '@jipin/seekers';
import { VACANCY_ROWS } from '@jipin/vacancies';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { IntentOutcome, IntentSource } from './entities/placement-intent.entity';

export const INTENT_SOURCE_NAMES: Record<IntentSource, string> = {
  application: '网上申请',
  fair_booth: '招聘会展位',
  staff: '工作人员登记',
};

export const INTENT_OUTCOME_NAMES: Record<IntentOutcome, string> = {
  hired: '已入职',
  fell_through: '未入职',
};

export interface IntentView {
  id: string;
  seekerUserId: string;
  seekerProfileId: string | null;
  seekerName: string;
  seekerPhone: string;
  vacancyId: string;
  vacancyTitle: string;
  employerId: string;
  employerName: string;
  townshipCode: string;
  source: IntentSource;
  sourceName: string;
  fairId: string | null;
  applicationId: string | null;
  recordedBy: string;
  recordedByRole: string;
  recordedAt: Date;
  followUpDueOn: string;
  outcome: IntentOutcome | null;
  outcomeName: string | null;
  outcomeAt: Date | null;
  placementId: string | null;
}

const SELECT = `
  select i.id, i.seeker_user_id as "seekerUserId", i.seeker_profile_id as "seekerProfileId",
         coalesce(p.name, u.name) as "seekerName", u.phone_cipher as "phoneCipher",
         i.vacancy_id as "vacancyId", v.title as "vacancyTitle", i.employer_id as "employerId",
         e.name as "employerName", i.township_code as "townshipCode", i.source,
         i.fair_id as "fairId", i.application_id as "applicationId", i.recorded_by as "recordedBy",
         i.recorded_by_role as "recordedByRole", i.recorded_at as "recordedAt",
         i.follow_up_due_on::text as "followUpDueOn", i.outcome, i.outcome_at as "outcomeAt",
         pl.id as "placementId"
    from placement_intents i
    join ${USER_ROWS} u on u.id = i.seeker_user_id
    left join ${SEEKER_PROFILE_ROWS} p on p.id = i.seeker_profile_id
    join ${VACANCY_ROWS} v on v.id = i.vacancy_id
    join ${EMPLOYER_ROWS} e on e.id = i.employer_id
    left join placements pl on pl.intent_id = i.id`;

/** Intents as the API shows them: the phone masked, names and titles joined in. */
export async function intentViews(
  manager: EntityManager,
  cipher: PiiCipher,
  where: string,
  params: unknown[],
  limit = 500,
): Promise<IntentView[]> {
  const rows: (Omit<IntentView, 'seekerPhone' | 'sourceName' | 'outcomeName'> & {
    phoneCipher: string | null;
  })[] = await manager.query(
    `${SELECT} where ${where} order by i.follow_up_due_on, i.recorded_at limit ${limit}`,
    params,
  );
  return rows.map(({ phoneCipher, ...row }) => ({
    ...row,
    seekerPhone: phoneCipher ? maskPhone(cipher.decrypt(phoneCipher)) : '',
    sourceName: INTENT_SOURCE_NAMES[row.source],
    outcomeName: row.outcome ? INTENT_OUTCOME_NAMES[row.outcome] : null,
  }));
}
