import { Principal } from './session.service';

/**
 * Whether a staff member may act on a township's people, employers and vacancies: admins
 * and county-wide staff cover every township; township window staff only their own.
 */
export function staffCovers(principal: Principal, townshipCode: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'staff') return false;
  return !principal.townshipCode || principal.townshipCode === townshipCode;
}
