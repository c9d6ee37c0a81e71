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

/*
 * One way to write dates: 2026年12月6日 in text, 2026-12-06 in tables; always on the China
 * clock (Asia/Shanghai), whatever the zone of the phone or computer.
 */
const CHINA_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function chinaClock(value: string | null | undefined) {
  if (!value) return undefined;
  // A date without a time (2026-12-06) is that day in China, not UTC midnight.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  const part = (type: string) =>
    CHINA_CLOCK.formatToParts(date).find((p) => p.type === type)!.value;
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** 2026年12月6日 */
export function dateText(value: string | null | undefined): string {
  const c = chinaClock(value);
  return c ? `${c.year}年${Number(c.month)}月${Number(c.day)}日` : (value ?? '');
}

/** 2026年12月6日 14:30 */
export function dateTimeText(value: string | null | undefined): string {
  const c = chinaClock(value);
  return c ? `${dateText(value)} ${c.time}` : (value ?? '');
}

/** 2026-12-06 14:30, for tables where dates line up in columns. */
export function tableDateTime(value: string | null | undefined): string {
  const c = chinaClock(value);
  return c ? `${c.year}-${c.month}-${c.day} ${c.time}` : (value ?? '');
}

export const FAIR_MODES: Record<string, string> = {
  offline: '线下',
  online: '线上',
  hybrid: '线上线下同步',
};

/** 2026年12月6日 09:00 至 12:00 (or to another day's date and time). */
export function fairTimeText(fair: { startsAt: string; endsAt: string }): string {
  const sameDay = dateText(fair.startsAt) === dateText(fair.endsAt);
  const end = sameDay ? chinaClock(fair.endsAt)?.time : dateTimeText(fair.endsAt);
  return `${dateTimeText(fair.startsAt)} 至 ${end ?? ''}`;
}
