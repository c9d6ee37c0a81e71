import { FairEntity } from './entities/fair.entity';
import { FAIR_STATUS_NAMES } from './fair-status';

export function fairView(fair: FairEntity, townshipName?: string) {
  return {
    id: fair.id,
    title: fair.title,
    campaign: fair.campaign,
    mode: fair.mode,
    venue: fair.venue,
    townshipCode: fair.townshipCode,
    townshipName: townshipName ?? null,
    startsAt: fair.startsAt,
    endsAt: fair.endsAt,
    boothCount: fair.boothCount,
    targetKeyGroups: fair.targetKeyGroups,
    liveStreamUrl: fair.liveStreamUrl,
    description: fair.description,
    status: fair.status,
    statusName: FAIR_STATUS_NAMES[fair.status],
    statusReason: fair.statusReason,
  };
}
export type FairView = ReturnType<typeof fairView>;
