/**
 * Validators for the identifiers Chinese users type: mobile numbers, the
 * 18-digit resident ID (GB 11643-1999) and the unified social credit code
 * (GB 32100-2015).
 */

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isMobilePhone(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface ResidentIdFacts {
  birthDate: string; // YYYY-MM-DD
  gender: 'male' | 'female';
  regionCode: string;
}

/** Returns the facts an 18-digit resident ID encodes, or a reason it is wrong. */
export function parseResidentId(
  raw: string,
): { ok: true; facts: ResidentIdFacts } | { ok: false; reason: string } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id))
    return { ok: false, reason: '身份证号应为18位，前17位是数字，最后一位是数字或X' };
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17])
    return { ok: false, reason: '身份证号校验位不正确，请核对是否输错' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getTime() > Date.now()
  ) {
    return { ok: false, reason: '身份证号中的出生日期不正确' };
  }
  return {
    ok: true,
    facts: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: id.slice(0, 6),
    },
  };
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Checks an 18-character unified social credit code; returns a reason when wrong. */
export function checkCreditCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (![...code].every((c) => CREDIT_CHARS.includes(c))) {
    return '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）';
  }
  const sum = CREDIT_WEIGHTS.reduce(
    (total, weight, i) => total + weight * CREDIT_CHARS.indexOf(code[i]),
    0,
  );
  const check = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  if (check !== code[17]) return '统一社会信用代码校验位不正确，请核对是否输错';
  return undefined;
}

/** Completes the first 17 characters of a credit code with its check character (for demo data). */
export function withCreditCheckChar(first17: string): string {
  const sum = CREDIT_WEIGHTS.reduce(
    (total, weight, i) => total + weight * CREDIT_CHARS.indexOf(first17[i]),
    0,
  );
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** Completes the first 17 digits of a resident ID with its check digit (for demo data). */
export function withIdCheckDigit(first17: string): string {
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + ID_CHECK[sum % 11];
}
