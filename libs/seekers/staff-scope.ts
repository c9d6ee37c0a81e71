import { Principal } from '@jipin/accounts';
import { forbidden } from '@jipin/core';

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
