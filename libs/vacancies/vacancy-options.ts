/** The fixed lists a vacancy chooses from, with the Chinese names users see and import files use. */
import { KEY_GROUP_NAMES } from '@jipin/core';

export type VacancyKind = 'regular' | 'public_welfare' | 'internship' | 'gig';
export const VACANCY_KINDS: Record<VacancyKind, string> = {
  regular: '全职',
  public_welfare: '公益性岗位',
  internship: '见习岗位',
  gig: '零工',
};

export type Education =
  'any' | 'junior_high' | 'senior_high' | 'vocational' | 'junior_college' | 'bachelor' | 'master';
export const EDUCATION_LEVELS: Record<Education, string> = {
  any: '不限',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/技校',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士及以上',
};

export type ShiftPattern = 'day' | 'two_shifts' | 'three_shifts' | 'night' | 'flexible';
export const SHIFT_PATTERNS: Record<ShiftPattern, string> = {
  day: '长白班',
  two_shifts: '两班倒',
  three_shifts: '三班倒',
  night: '夜班',
  flexible: '弹性工作',
};

export const WELFARE_TAGS = [
  '五险一金',
  '五险',
  '缴纳社保',
  '包吃',
  '包住',
  '餐补',
  '住房补贴',
  '交通补贴',
  '班车接送',
  '带薪年假',
  '周末双休',
  '节日福利',
  '年终奖',
  '全勤奖',
  '加班补贴',
  '高温补贴',
  '免费培训',
  '技能补贴',
  '定期体检',
  '日结工资',
] as const;

/** 重点群体 (DOMAIN.md): the one list in core, code → name; eligibility and target groups use it. */
export const KEY_GROUPS: Record<string, string> = KEY_GROUP_NAMES;
export type KeyGroup = keyof typeof KEY_GROUPS;

export type VacancyStatus =
  'draft' | 'pending_review' | 'published' | 'paused' | 'closed' | 'filled' | 'expired';
export const VACANCY_STATUS_NAMES: Record<VacancyStatus, string> = {
  draft: '草稿',
  pending_review: '待审核',
  published: '已发布',
  paused: '已暂停',
  closed: '已关闭',
  filled: '已招满',
  expired: '已过期',
};

/**
 * How seekers may reach the employer about a vacancy: the phone shown to
 * signed-in seekers, shown after they applied, or messages only.
 */
export const CONTACT_MODES = {
  signed_in: '登录后可查看电话',
  after_applying: '投递后可查看电话',
  messages_only: '仅在线沟通',
} as const;
export type ContactMode = keyof typeof CONTACT_MODES;
