/** The gig market's answers, as the API sends them (see apps/api/dto/gig-response.dto.ts). */

export interface Gig {
  id: string;
  title: string;
  description: string;
  payUnit: 'hour' | 'day' | 'piece';
  payAmount: number;
  payLabel: string;
  paidSameDay: boolean;
  startDate: string;
  endDate: string;
  startTime: string;
  hoursPerDay: number;
  townshipCode: string;
  townshipName: string;
  placeName: string;
  address: string | null;
  headcount: number;
  acceptedCount: number;
  skills: string[];
  physicalDemand: 'light' | 'moderate' | 'heavy';
  meals: boolean;
  transport: boolean;
  status: 'pending_review' | 'open' | 'filled' | 'cancelled' | 'rejected';
  statusName: string;
  posterLabel: string;
  distanceKm?: number;
  cancelReason: string | null;
}

export interface Assignment {
  id: string;
  gigId: string;
  status: string;
  statusName: string;
  waitPosition?: number;
  source: 'app' | 'window';
  cancelledLate: boolean;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  payAmount: number | null;
  payStatus: 'paid' | 'owed' | null;
}

export interface WorkerOnGig extends Assignment {
  workerName: string;
  workerPhone: string | null;
  noSmartphone: boolean;
}

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
