/** The gig market's answers: aliases onto the types generated from the OpenAPI document. */
import { api } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Gig = Schemas['GigResponseDto'];
export type Assignment = Schemas['AssignmentResponseDto'];
export type WorkerOnGig = Schemas['PosterAssignmentResponseDto'];

export const PHYSICAL: Record<Gig['physicalDemand'], string> = {
  light: '轻体力',
  moderate: '一般体力',
  heavy: '重体力',
};

/** 今天 / 明天 / 5月1日, for a gig's first day. */
export function dayLabel(date: string, now = new Date()): string {
  const china = (offset: number) =>
    new Date(now.getTime() + 8 * 3600000 + offset * 86400000).toISOString().slice(0, 10);
  if (date === china(0)) return '今天';
  if (date === china(1)) return '明天';
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

export function chinaDay(offset = 0): string {
  return new Date(Date.now() + 8 * 3600000 + offset * 86400000).toISOString().slice(0, 10);
}

/** The thread between a place's worker and the gig's poster, made on first use; its id. */
export async function openGigThread(assignmentId: string): Promise<string> {
  const thread = await api.post<Schemas['ThreadViewDto']>('/api/messages/threads', {
    subjectKind: 'gig',
    subjectId: assignmentId,
  });
  return thread.id;
}

export type WorkDay = Schemas['WorkDayResponseDto'];

/** A place's record of one working day (today by default), once the worker checked in. */
export function dayRecord(
  place: Pick<Assignment, 'days'>,
  date = chinaDay(0),
): WorkDay | undefined {
  return place.days.find((d) => d.date === date);
}

/** " · 已签到 · 已签退 · 已付160元" for one day of a place, as the station's list prints it. */
export function dayText(day: WorkDay | undefined): string {
  if (!day) return '';
  const pay = day.payStatus
    ? ` · ${day.payStatus === 'paid' ? '已付' : '未付'}${day.payAmount}元`
    : '';
  return ` · 已签到${day.checkedOutAt ? ' · 已签退' : ''}${pay}`;
}
