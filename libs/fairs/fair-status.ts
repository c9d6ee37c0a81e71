import { conflict } from '@jipin/core';
import { FairMode, FairStatus } from './entities/fair.entity';

export const FAIR_STATUS_NAMES: Record<FairStatus, string> = {
  draft: '草稿',
  registration_open: '报名中',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

const NEXT: Record<FairStatus, FairStatus[]> = {
  draft: ['registration_open', 'cancelled'],
  registration_open: ['ongoing', 'cancelled'],
  ongoing: ['ended', 'cancelled'],
  ended: [],
  cancelled: [],
};

export interface FairFacts {
  status: FairStatus;
  mode: FairMode;
  startsAt: Date;
  liveStreamUrl: string | null;
}

/**
 * Why a fair may not move to `to` now, or undefined when it may. Forward only;
 * a fair starts no earlier than its first day (China time), and an online or
 * hybrid fair needs its live-stream link before it starts.
 */
export function fairMoveRefusal(fair: FairFacts, to: FairStatus, now: Date): string | undefined {
  if (!NEXT[fair.status].includes(to))
    return `招聘会当前为“${FAIR_STATUS_NAMES[fair.status]}”，不能改为“${FAIR_STATUS_NAMES[to]}”`;
  if (to === 'ongoing') {
    if (chinaDate(now) < chinaDate(fair.startsAt)) return '招聘会开始当天才能开始进行';
    if (fair.mode !== 'offline' && !fair.liveStreamUrl) return '线上招聘会开始前须填写直播链接';
  }
  return undefined;
}

export function assertFairMove(fair: FairFacts, to: FairStatus, now = new Date()): void {
  const refusal = fairMoveRefusal(fair, to, now);
  if (refusal)
    throw conflict('invalid_transition', refusal, [{ field: 'status', message: refusal }]);
}

/** The date in China (UTC+8) of an instant, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
