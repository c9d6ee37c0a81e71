import { EntityManager } from 'typeorm';
import { intentBetween } from '@jipin/intents';
import { recommendedToEmployer } from '@jipin/matching';
import { SeekerProfileEntity } from '@jipin/seekers';
import { FairMeetings } from './fair-meetings';

/** Why a recruiter may open a person's résumé; there is no other way in. */
export type ResumeAccessReason = 'applied' | 'recommended' | 'fair' | 'intent';

export const RESUME_ACCESS_REASON_NAMES: Record<ResumeAccessReason, string> = {
  applied: '该求职者投递过贵单位的岗位',
  recommended: '平台向贵单位推荐了该求职者',
  fair: '该求职者在贵单位参展的招聘会上签到入场',
  intent: '该求职者与贵单位登记过就业意向',
};

export interface ResumeAccess {
  reason: ResumeAccessReason;
  reasonName: string;
}

const access = (reason: ResumeAccessReason): ResumeAccess => ({
  reason,
  reasonName: RESUME_ACCESS_REASON_NAMES[reason],
});

/**
 * The first relation that lets the employer see the résumé, or undefined
 * (the caller answers 404, so that nobody learns the person exists).
 * Meeting at a fair means checking in at a fair where the employer had an
 * approved booth: a registration alone is not a meeting (the fairs lib answers).
 */
export async function resumeAccess(
  manager: EntityManager,
  employer: { employerId: string; status: string },
  profile: SeekerProfileEntity,
  fairs: FairMeetings,
): Promise<ResumeAccess | undefined> {
  const [applied] = await manager.query(
    `select 1 from applications where seeker_profile_id = $1 and employer_id = $2 limit 1`,
    [profile.id, employer.employerId],
  );
  if (applied) return access('applied');
  if (
    employer.status === 'verified' &&
    (await recommendedToEmployer(manager, profile.id, employer.employerId))
  )
    return access('recommended');
  if (await fairs.metAtFair(manager, profile.userId, employer.employerId)) return access('fair');
  const intent = await intentBetween(manager, profile.userId, employer.employerId);
  if (intent) return access(intent.fairId ? 'fair' : 'intent');
  return undefined;
}
