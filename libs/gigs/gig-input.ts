import { invalid } from '@jipin/core';
import { Place, RegionsService } from '@jipin/regions';
import { GigPayUnit, PhysicalDemand } from './entities/gig.entity';

export interface GigInput {
  title: string;
  description?: string;
  payUnit: GigPayUnit;
  payAmount: number;
  paidSameDay?: boolean;
  startDate: string;
  endDate?: string;
  startTime: string;
  hoursPerDay: number;
  townshipCode: string;
  villageCode?: string;
  address?: string;
  headcount: number;
  skills?: string[];
  physicalDemand?: PhysicalDemand;
  meals?: boolean;
  transport?: boolean;
}

/** Staff posting at the window name the person the gig is for. */
export interface OnBehalfOf {
  name: string;
  phone?: string;
}

const MAX_DAYS = 31;

/** start date + time in China time. */
export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time.slice(0, 5)}:00+08:00`);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** Dates, place and map point of a gig; a clear 400 for a gig in the past or an unknown place. */
export function checkGigFacts(
  input: GigInput,
  regions: RegionsService,
  now = new Date(),
): { startsAt: Date; endDate: string; place: Place } {
  const endDate = input.endDate ?? input.startDate;
  const startsAt = chinaInstant(input.startDate, input.startTime);
  if (Number.isNaN(startsAt.getTime()))
    throw invalid('gig_invalid_date', '开工日期或时间格式不正确', [
      { field: 'startDate', message: '日期如 2026-05-01，时间如 07:30' },
    ]);
  if (startsAt.getTime() <= now.getTime())
    throw invalid('gig_in_past', '开工时间已经过去，请选择今天稍后或以后的时间', [
      { field: 'startDate', message: '开工时间已过' },
    ]);
  const span = daysBetween(input.startDate, endDate);
  if (span < 0)
    throw invalid('gig_dates_inverted', '结束日期不能早于开工日期', [
      { field: 'endDate', message: '结束日期不能早于开工日期' },
    ]);
  if (span >= MAX_DAYS)
    throw invalid('gig_too_long', `零工最长 ${MAX_DAYS} 天，更长的用工请发布招聘岗位`, [
      { field: 'endDate', message: `最长 ${MAX_DAYS} 天` },
    ]);
  const township = regions.assertTownship(input.townshipCode);
  const place = input.villageCode
    ? regions.assertVillage(input.villageCode, input.townshipCode)
    : township;
  return { startsAt, endDate, place };
}
