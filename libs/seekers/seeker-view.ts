import { maskIdNumber, maskPhone } from '@jipin/core';
import { SeekerKeyGroupEntity } from './entities/seeker-key-group.entity';
import { SeekerProfileEntity } from './entities/seeker-profile.entity';
import { ageOn, deriveKeyGroups, KEY_GROUP_NAMES, KeyGroup } from './key-groups';

export interface DeclaredKeyGroupView {
  code: string;
  name: string;
  status: string;
  note: string | null;
  declaredBy: string;
  declaredAt: Date;
  verifiedBy: string | null;
  verifiedAt: Date | null;
}

/**
 * Who reads a profile. Only the person sees their own birth date: to anyone
 * else the age says enough, and the birth date is the part the ID mask hides.
 */
export type SeekerReader = 'self' | 'other';

/** A profile as the API returns it: ID number and phone always masked. */
export interface SeekerView {
  id: string;
  userId: string;
  name: string;
  gender: string;
  /** Only in the person's own view. */
  birthDate?: string;
  age: number;
  idNumber: string;
  /** Empty for a person registered without a phone of their own. */
  phone: string;
  /** A family member the window may call instead, masked. */
  familyContact: { phone: string; relation: string } | null;
  household: string;
  townshipCode: string;
  villageCode: string | null;
  education: SeekerProfileEntity['education'];
  workHistory: SeekerProfileEntity['workHistory'];
  skills: string[];
  certificates: string[];
  desiredOccupations: string[];
  desiredTownships: string[];
  desiredPayMin: number | null;
  desiredPayMax: number | null;
  availableFrom: string | null;
  employmentStatus: string;
  visibility: string;
  recommendationOptOut: boolean;
  /** Key groups in force on `asOf`: derived ones plus declared ones staff verified. */
  keyGroups: { code: KeyGroup; name: string; source: 'derived' | 'verified' }[];
  declaredKeyGroups: DeclaredKeyGroupView[];
  asOf: string;
  claimed: boolean;
  assistedRegistration: {
    registeredBy: string | null;
    consentMethod: string | null;
    consentWitness: string | null;
    consentReference: string | null;
    consentRecordedBy: string | null;
    consentRecordedAt: Date | null;
  } | null;
  createdAt: Date;
  updatedAt: Date;
}

export function seekerView(input: {
  profile: SeekerProfileEntity;
  declarations: SeekerKeyGroupEntity[];
  idNumber: string | null;
  phone: string | null;
  /** Decrypted family contact phone, for people registered without their own. */
  contactPhone?: string | null;
  claimed: boolean;
  asOf: string;
  reader: SeekerReader;
}): SeekerView {
  const { profile: p, declarations, asOf } = input;
  const derived = deriveKeyGroups(p, asOf).map((code) => ({
    code,
    name: KEY_GROUP_NAMES[code],
    source: 'derived' as const,
  }));
  const verified = declarations
    .filter((d) => d.status === 'verified')
    .map((d) => ({ code: d.code, name: KEY_GROUP_NAMES[d.code], source: 'verified' as const }));
  return {
    id: p.id,
    userId: p.userId,
    name: p.name,
    gender: p.gender,
    ...(input.reader === 'self' ? { birthDate: p.birthDate } : {}),
    age: ageOn(p.birthDate, asOf),
    idNumber: input.idNumber ? maskIdNumber(input.idNumber) : '',
    phone: input.phone ? maskPhone(input.phone) : '',
    familyContact: input.contactPhone
      ? { phone: maskPhone(input.contactPhone), relation: p.contactRelation ?? '' }
      : null,
    household: p.household,
    townshipCode: p.townshipCode,
    villageCode: p.villageCode,
    education: p.education,
    workHistory: p.workHistory,
    skills: p.skills,
    certificates: p.certificates,
    desiredOccupations: p.desiredOccupations,
    desiredTownships: p.desiredTownships,
    desiredPayMin: p.desiredPayMin,
    desiredPayMax: p.desiredPayMax,
    availableFrom: p.availableFrom,
    employmentStatus: p.employmentStatus,
    visibility: p.visibility,
    recommendationOptOut: p.recommendationOptOut,
    keyGroups: [...derived, ...verified],
    declaredKeyGroups: declarations.map((d) => ({
      code: d.code,
      name: KEY_GROUP_NAMES[d.code],
      status: d.status,
      note: d.note,
      declaredBy: d.declaredBy,
      declaredAt: d.declaredAt,
      verifiedBy: d.verifiedBy,
      verifiedAt: d.verifiedAt,
    })),
    asOf,
    claimed: input.claimed,
    assistedRegistration: p.registeredBy
      ? {
          registeredBy: p.registeredBy,
          consentMethod: p.consentMethod,
          consentWitness: p.consentWitness,
          consentReference: p.consentReference,
          consentRecordedBy: p.consentRecordedBy,
          consentRecordedAt: p.consentRecordedAt,
        }
      : null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
