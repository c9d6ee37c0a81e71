import { maskName } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import type { RuleFinding } from '@jipin/vacancies';
import { GigEntity, GigPayUnit, GigStatus, PhysicalDemand } from './entities/gig.entity';

export const GIG_PAY_UNITS: Record<GigPayUnit, string> = {
  hour: '元/小时',
  day: '元/天',
  piece: '元/件',
};
export const PHYSICAL_DEMANDS: Record<PhysicalDemand, string> = {
  light: '轻体力',
  moderate: '一般体力',
  heavy: '重体力',
};
export const GIG_STATUS_NAMES: Record<GigStatus, string> = {
  pending_review: '待审核',
  open: '招人中',
  filled: '已招满',
  cancelled: '已取消',
  rejected: '未通过审核',
};

export interface GigView {
  id: string;
  title: string;
  description: string;
  payUnit: GigPayUnit;
  payAmount: number;
  payLabel: string;
  paidSameDay: boolean;
  startDate: string;
  endDate: string;
  startTime: string;
  hoursPerDay: number;
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  placeName: string;
  address: string | null;
  headcount: number;
  acceptedCount: number;
  skills: string[];
  physicalDemand: PhysicalDemand;
  meals: boolean;
  transport: boolean;
  status: GigStatus;
  statusName: string;
  posterKind: GigEntity['posterKind'];
  /** Who posts it as a worker sees it: a company's name, or a masked person's name. */
  posterLabel: string;
  distanceKm?: number;
  reviewFindings?: RuleFinding[];
  cancelReason: string | null;
}

export function gigView(
  gig: GigEntity,
  regions: RegionsService,
  options: {
    employerName?: string;
    posterName?: string;
    distanceKm?: number;
    forPoster?: boolean;
  } = {},
): GigView {
  const township = regions.township(gig.townshipCode);
  const village = township?.villages.find((v) => v.code === gig.villageCode);
  const posterLabel =
    gig.posterKind === 'employer'
      ? (options.employerName ?? '用人单位')
      : gig.posterKind === 'staff'
        ? `${maskName(gig.onBehalfName ?? '')}（${township?.name ?? ''}零工驿站代发）`
        : `${maskName(options.posterName ?? '')}（个人）`;
  return {
    id: gig.id,
    title: gig.title,
    description: gig.description,
    payUnit: gig.payUnit,
    payAmount: gig.payAmount,
    payLabel: `${gig.payAmount} ${GIG_PAY_UNITS[gig.payUnit]}${gig.paidSameDay ? '，日结' : ''}`,
    paidSameDay: gig.paidSameDay,
    startDate: gig.startDate,
    endDate: gig.endDate,
    startTime: gig.startTime.slice(0, 5),
    hoursPerDay: gig.hoursPerDay,
    townshipCode: gig.townshipCode,
    townshipName: township?.name ?? '',
    villageCode: gig.villageCode,
    placeName: [township?.name, village?.name].filter(Boolean).join(' '),
    address: gig.address,
    headcount: gig.headcount,
    acceptedCount: gig.acceptedCount,
    skills: gig.skills,
    physicalDemand: gig.physicalDemand,
    meals: gig.meals,
    transport: gig.transport,
    status: gig.status,
    statusName: GIG_STATUS_NAMES[gig.status],
    posterKind: gig.posterKind,
    posterLabel,
    ...(options.distanceKm !== undefined
      ? { distanceKm: Math.round(options.distanceKm * 10) / 10 }
      : {}),
    ...(options.forPoster ? { reviewFindings: gig.reviewFindings } : {}),
    cancelReason: gig.cancelReason,
  };
}
