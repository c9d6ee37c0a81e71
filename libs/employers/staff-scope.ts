import { Principal } from '@jipin/accounts';

/** Admins and county-wide staff see every employer; township window staff only their township's. */
export function staffCovers(principal: Principal, townshipCode: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'staff') return false;
  return !principal.townshipCode || principal.townshipCode === townshipCode;
}
