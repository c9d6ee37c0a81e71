import { Principal } from '@jipin/accounts';
import { forbidden } from '@jipin/core';

/** Admins and county-wide staff cover every township; window staff only their own. */
export function staffCovers(principal: Principal, townshipCode: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'staff') return false;
  return !principal.townshipCode || principal.townshipCode === townshipCode;
}

/** The township a list is limited to: the staff member's own, or the one asked for when county-wide. */
export function staffTownshipFilter(principal: Principal, asked?: string): string | undefined {
  if (principal.role === 'staff' && principal.townshipCode) {
    if (asked && asked !== principal.townshipCode) throw outsideTownship();
    return principal.townshipCode;
  }
  return asked;
}

export const outsideTownship = () =>
  forbidden('outside_township', '您只能登记和管理本乡镇（街道）的人员');
