/** The gig market's answers: aliases onto the types generated from the OpenAPI document. */
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
