import { maskPhone } from '@jipin/core';
import { AssignmentStatus, GigAssignmentEntity, PayStatus } from './entities/gig-assignment.entity';

export const ASSIGNMENT_STATUS_NAMES: Record<AssignmentStatus, string> = {
  accepted: '已接单',
  waitlisted: '候补中',
  confirmed: '雇主已确认',
  cancelled: '已取消',
  no_show: '未到岗',
  gig_cancelled: '零工已取消',
};

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
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  payAmount: number | null;
  payStatus: PayStatus | null;
}

/** What the poster and staff see of a worker on their gig: the name to call, the phone masked. */
export interface PosterAssignmentView extends AssignmentView {
  workerName: string;
  workerPhone: string | null;
  noSmartphone: boolean;
}

export function assignmentView(a: GigAssignmentEntity, waitPosition?: number): AssignmentView {
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
    checkedInAt: a.checkedInAt,
    checkedOutAt: a.checkedOutAt,
    payAmount: a.payAmount,
    payStatus: a.payStatus,
  };
}

export function posterAssignmentView(
  a: GigAssignmentEntity,
  worker: { name: string; phone?: string; noSmartphone: boolean },
): PosterAssignmentView {
  return {
    ...assignmentView(a),
    workerName: worker.name,
    workerPhone: worker.phone ? maskPhone(worker.phone) : null,
    noSmartphone: worker.noSmartphone,
  };
}
