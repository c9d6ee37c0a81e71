/** Chinese names of the codes the API uses; the API's own lists (vacancy-options) win where given. */

export const EMPLOYER_STATUS: Record<string, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  suspended: '已暂停',
};

export const EMPLOYER_SIZES: Record<string, string> = {
  lt20: '20人以下',
  '20_99': '20-99人',
  '100_299': '100-299人',
  '300_999': '300-999人',
  gte1000: '1000人以上',
};

export const VACANCY_STATUS: Record<string, string> = {
  draft: '草稿',
  pending_review: '待审核',
  published: '已发布',
  paused: '已暂停',
  closed: '已关闭',
  filled: '已招满',
  expired: '已过期',
};

export const VACANCY_KINDS: Record<string, string> = {
  regular: '全职',
  public_welfare: '公益性岗位',
  internship: '见习岗位',
  gig: '零工',
};

export const PAY_UNITS: Record<string, string> = {
  month: '元/月',
  day: '元/天',
  hour: '元/小时',
  piece: '元/件',
};

export const GENDERS: Record<string, string> = { male: '男', female: '女' };
export const HOUSEHOLDS: Record<string, string> = { urban: '城镇户籍', rural: '农村户籍' };
export const EMPLOYMENT_STATUSES: Record<string, string> = {
  unemployed: '未就业，正在找工作',
  employed: '已就业',
  flexible: '灵活就业',
  student: '在校学生',
};
export const SEEKER_EDUCATION: Record<string, string> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  secondary_vocational: '中专/技校',
  junior_college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctorate: '博士',
};

export const APPLICATION_STATUS: Record<string, string> = {
  applied: '已投递',
  viewed: '已查看',
  interviewing: '面试中',
  intent: '达成就业意向',
  hired: '已录用',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** The forward moves a recruiter may make from each status (libs/applications/application-status.ts). */
export const NEXT_EMPLOYER_STATUSES: Record<string, string[]> = {
  applied: ['interviewing', 'intent', 'rejected'],
  viewed: ['interviewing', 'intent', 'rejected'],
  interviewing: ['intent', 'rejected'],
  intent: ['hired', 'rejected'],
};

export const ROLE_HOME: Record<string, string> = {
  seeker: '/',
  employer: '/employer',
  staff: '/staff',
  admin: '/staff',
};

export function payText(pay: { min: number; max: number; unit: string }): string {
  const unit = PAY_UNITS[pay.unit] ?? '';
  return pay.min === pay.max ? `${pay.min}${unit}` : `${pay.min}-${pay.max}${unit}`;
}

export function dateText(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}

export function dateTimeText(value: string | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export const FAIR_MODES: Record<string, string> = {
  offline: '线下',
  online: '线上',
  hybrid: '线上线下同步',
};

export function fairTimeText(fair: { startsAt: string; endsAt: string }): string {
  const start = dateTimeText(fair.startsAt).slice(0, -3);
  const end = dateTimeText(fair.endsAt);
  const sameDay = start.split(' ')[0] === end.split(' ')[0];
  return `${start} 至 ${sameDay ? end.split(' ')[1].slice(0, 5) : end.slice(0, -3)}`;
}
