import { maskPhone } from '@jipin/core';
import { AssignmentStatus, GigAssignmentEntity, PayStatus } from './entities/gig-assignment.entity';
import { GigWorkDayEntity } from './entities/gig-work-day.entity';

export const ASSIGNMENT_STATUS_NAMES: Record<AssignmentStatus, string> = {
  accepted: '已接单',
  waitlisted: '候补中',
  confirmed: '雇主已确认',
  cancelled: '已取消',
  no_show: '未到岗',
  gig_cancelled: '零工已取消',
};

/** One working day of a place: check-in, check-out, pay. */
export interface WorkDayView {
  date: string;
  checkedInAt: Date;
  checkedOutAt: Date | null;
  payAmount: number | null;
  payStatus: PayStatus | null;
}

export interface AssignmentView {
  id: string;
  gigId: string;
  status: AssignmentStatus;
  statusName: string;
  /** Place on the wait list (1 = next), for wait-listed workers. */
  waitPosition?: number;
  source: 'app' | 'window';
  acceptedAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  cancelledLate: boolean;
  /** The days worked so far, first day first. */
  days: WorkDayView[];
}

/** What the poster and staff see of a worker on their gig: the name to call, the phone masked. */
export interface PosterAssignmentView extends AssignmentView {
  workerName: string;
  workerPhone: string | null;
  noSmartphone: boolean;
}

export function workDayView(d: GigWorkDayEntity): WorkDayView {
  return {
    date: d.workDate,
    checkedInAt: d.checkedInAt,
    checkedOutAt: d.checkedOutAt,
    payAmount: d.payAmount,
    payStatus: d.payStatus,
  };
}

export function assignmentView(
  a: GigAssignmentEntity,
  days: GigWorkDayEntity[] = [],
  waitPosition?: number,
): AssignmentView {
  return {
    id: a.id,
    gigId: a.gigId,
    status: a.status,
    statusName: ASSIGNMENT_STATUS_NAMES[a.status],
    ...(waitPosition ? { waitPosition } : {}),
    source: a.source,
    acceptedAt: a.acceptedAt,
    confirmedAt: a.confirmedAt,
    cancelledAt: a.cancelledAt,
    cancelledLate: a.cancelledLate,
    days: days.map(workDayView),
  };
}

export function posterAssignmentView(
  a: GigAssignmentEntity,
  days: GigWorkDayEntity[],
  worker: { name: string; phone?: string; noSmartphone: boolean },
): PosterAssignmentView {
  return {
    ...assignmentView(a, days),
    workerName: worker.name,
    workerPhone: worker.phone ? maskPhone(worker.phone) : null,
    noSmartphone: worker.noSmartphone,
  };
}
