import { maskPhone, PiiCipher } from '@jipin/core';
import { VacancyEntity } from './entities/vacancy.entity';
import { Eligibility } from './eligibility/eligibility';
import { Pay } from './review/pay-rules';
import { RuleFinding } from './review/review-rules';
import {
  ContactMode,
  Education,
  ShiftPattern,
  VacancyKind,
  VacancyStatus,
} from './vacancy-options';
import { occupationByCode } from './occupation-catalog';

export interface VacancyView {
  id: string;
  employerId: string;
  employerName?: string;
  title: string;
  occupationCode: string;
  occupationName: string | undefined;
  description: string;
  requirements: string;
  kind: VacancyKind;
  headcount: number;
  pay: Pay;
  education: Education;
  ageMin: number | null;
  ageMax: number | null;
  experienceYears: number;
  welfareTags: string[];
  shiftPattern: ShiftPattern | null;
  townshipCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  contactName: string;
  contactPhone: string;
  contactMode: ContactMode;
  startDate: string;
  expiresAt: string;
  targetKeyGroups: string[];
  eligibility: Eligibility | null;
  status: VacancyStatus;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** What the employer's own people and staff also see: why it is held or was sent back. */
export interface VacancyManageView extends VacancyView {
  reviewFlags: RuleFinding[];
  reviewNote: string | null;
  createdAt: Date;
}

/** What a view shows: a VacancyEntity, or a row selected under the entity's property names. */
export type VacancyViewSource = Omit<
  VacancyEntity,
  'reviewFlags' | 'reviewNote' | 'importKey' | 'createdBy' | 'firstPublishedAt' | 'createdAt'
>;

/** Masked contact phones by ciphertext; the full phone is never kept. */
const maskedPhones = new Map<string, string>();
const MASKED_PHONES_KEPT = 10000;

/**
 * Decrypting each row's phone to mask it was a third of the public list's API
 * CPU (20 AES-GCM decryptions a page); the same vacancies are shown again and
 * again, so the masked phone is kept per ciphertext (about 1 MB at most).
 */
function maskedContactPhone(cipher: PiiCipher, contactPhoneCipher: string): string {
  let masked = maskedPhones.get(contactPhoneCipher);
  if (masked === undefined) {
    masked = maskPhone(cipher.decrypt(contactPhoneCipher));
    if (maskedPhones.size >= MASKED_PHONES_KEPT) maskedPhones.clear();
    maskedPhones.set(contactPhoneCipher, masked);
  }
  return masked;
}

/** The contact phone is masked unless the caller is the employer itself. */
export function vacancyView(
  v: VacancyViewSource,
  cipher: PiiCipher,
  options: { fullPhone?: boolean; employerName?: string } = {},
): VacancyView {
  return {
    id: v.id,
    employerId: v.employerId,
    employerName: options.employerName,
    title: v.title,
    occupationCode: v.occupationCode,
    occupationName: occupationByCode(v.occupationCode)?.name,
    description: v.description,
    requirements: v.requirements,
    kind: v.kind,
    headcount: v.headcount,
    pay: { min: v.payMin, max: v.payMax, unit: v.payUnit },
    education: v.education,
    ageMin: v.ageMin,
    ageMax: v.ageMax,
    experienceYears: v.experienceYears,
    welfareTags: v.welfareTags,
    shiftPattern: v.shiftPattern,
    townshipCode: v.townshipCode,
    address: v.address,
    lat: v.lat,
    lng: v.lng,
    contactName: v.contactName,
    contactPhone: options.fullPhone
      ? cipher.decrypt(v.contactPhoneCipher)
      : maskedContactPhone(cipher, v.contactPhoneCipher),
    contactMode: v.contactMode,
    startDate: v.startDate,
    expiresAt: v.expiresAt,
    targetKeyGroups: v.targetKeyGroups,
    eligibility: v.eligibility,
    status: v.status,
    version: v.version,
    publishedAt: v.publishedAt,
    updatedAt: v.updatedAt,
  };
}

export function vacancyManageView(
  v: VacancyEntity,
  cipher: PiiCipher,
  options: { fullPhone?: boolean; employerName?: string } = {},
): VacancyManageView {
  return {
    ...vacancyView(v, cipher, options),
    reviewFlags: v.reviewFlags,
    reviewNote: v.reviewNote,
    createdAt: v.createdAt,
  };
}
