import { withCreditCheckChar, withIdCheckDigit } from '@jipin/core';

/**
 * Identifiers that are unique by construction (derived from the row's index)
 * and valid by the national check rules, so millions of rows never collide
 * and no lookup is needed while generating.
 */

const SEEKER_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
];
const EMPLOYER_PREFIXES = ['180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];
const STAFF_PREFIX = '1980000';

/** Multiplying by a number coprime to 10^8 permutes 0..10^8-1: unique, but not sequential-looking. */
function scramble(n: number, modulus: number): number {
  return Number((BigInt(n) * 48271n + 12345n) % BigInt(modulus));
}

function phoneFrom(prefixes: readonly string[], index: number): string {
  const prefix = prefixes[index % prefixes.length];
  const rest = scramble(Math.floor(index / prefixes.length), 100_000_000);
  return prefix + String(rest).padStart(8, '0');
}

export const seekerPhone = (index: number) => phoneFrom(SEEKER_PREFIXES, index);
export const employerPhone = (index: number) => phoneFrom(EMPLOYER_PREFIXES, index);
export const staffPhone = (index: number) => STAFF_PREFIX + String(index).padStart(4, '0');

/** Counties of 吉安市 people in 吉水 were born in; 吉水 itself most often. */
export const BIRTH_COUNTIES: readonly (readonly [string, number])[] = [
  ['360822', 70],
  ['360821', 5],
  ['360802', 5],
  ['360803', 3],
  ['360823', 3],
  ['360824', 3],
  ['360825', 3],
  ['360826', 3],
  ['360827', 2],
  ['360828', 1],
  ['360829', 1],
  ['360830', 1],
];

/**
 * Hands out resident IDs (GB 11643-1999) without repeats: the three-digit
 * sequence counts up per county, birth date and gender (odd = male).
 */
export class ResidentIdAllocator {
  private readonly used = new Map<string, number>();

  next(county: string, birthDate: string, gender: 'male' | 'female'): string {
    const counties = [county, ...BIRTH_COUNTIES.map(([c]) => c).filter((c) => c !== county)];
    for (const candidate of counties) {
      const key = `${candidate}${birthDate}${gender}`;
      const count = this.used.get(key) ?? 0;
      if (count >= 500) continue;
      this.used.set(key, count + 1);
      const sequence = String(count * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
      return withIdCheckDigit(`${candidate}${birthDate.replace(/-/g, '')}${sequence}`);
    }
    throw new Error(`No resident ID left for ${birthDate} ${gender}`);
  }
}

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of the 8-character organisation code body. */
function orgCodeCheck(body: string): string {
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = ORG_WEIGHTS.reduce((total, weight, i) => total + weight * value(body[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A unified social credit code (GB 32100-2015) for the index-th employer:
 * 9 (market regulator) + 1 company / 2 sole trader, the county code, an
 * organisation code "MA3…" unique to the index, and both check characters.
 */
export function creditCode(index: number, soleTrader: boolean, county = '360822'): string {
  let n = scramble(index, 31 ** 5);
  let body = '';
  for (let i = 0; i < 5; i += 1) {
    body = ORG_CHARS[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const org = `MA3${body}`;
  return withCreditCheckChar(`9${soleTrader ? '2' : '1'}${county}${org}${orgCodeCheck(org)}`);
}
