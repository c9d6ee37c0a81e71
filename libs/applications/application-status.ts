import { conflict } from '@jipin/core';

export const APPLICATION_STATUSES = [
  'applied',
  'viewed',
  'interviewing',
  'intent',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = {
  applied: '已投递',
  viewed: '已查看',
  interviewing: '面试中',
  intent: '达成就业意向',
  hired: '已录用',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Statuses the employer's recruiters may set. The seeker may only withdraw. */
export const EMPLOYER_STATUSES = ['viewed', 'interviewing', 'intent', 'hired', 'rejected'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

const NEXT: Record<ApplicationStatus, ApplicationStatus[]> = {
  applied: ['viewed', 'interviewing', 'intent', 'rejected', 'withdrawn'],
  viewed: ['interviewing', 'intent', 'rejected', 'withdrawn'],
  interviewing: ['intent', 'rejected', 'withdrawn'],
  intent: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/** Forward only: a later step may skip earlier ones, a finished application stays finished. */
export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!canMove(from, to))
    throw conflict(
      'invalid_transition',
      `申请当前为“${APPLICATION_STATUS_NAMES[from]}”，不能改为“${APPLICATION_STATUS_NAMES[to]}”`,
    );
}
