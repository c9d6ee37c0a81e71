import { EducationEntry, Seeker, WorkEntry } from './api/types';
import { splitTags } from './form';

export interface ProfileForm {
  name: string;
  idNumber: string;
  household: string;
  townshipCode: string;
  villageCode: string;
  employmentStatus: string;
  education: EducationEntry[];
  workHistory: WorkEntry[];
  skillsText: string;
  certificatesText: string;
  desiredOccupations: string[];
  desiredPayMin: string;
  desiredPayMax: string;
  availableFrom: string;
}

export function emptyProfileForm(): ProfileForm {
  return {
    name: '',
    idNumber: '',
    household: '',
    townshipCode: '',
    villageCode: '',
    employmentStatus: 'unemployed',
    education: [],
    workHistory: [],
    skillsText: '',
    certificatesText: '',
    desiredOccupations: [],
    desiredPayMin: '',
    desiredPayMax: '',
    availableFrom: '',
  };
}

export function profileFormOf(seeker: Seeker): ProfileForm {
  return {
    name: seeker.name,
    idNumber: seeker.idNumber,
    household: seeker.household,
    townshipCode: seeker.townshipCode,
    villageCode: seeker.villageCode ?? '',
    employmentStatus: seeker.employmentStatus,
    education: seeker.education.map((e) => ({ ...e, major: e.major ?? '' })),
    workHistory: seeker.workHistory.map((w) => ({ ...w, endDate: w.endDate ?? '' })),
    skillsText: seeker.skills.join('，'),
    certificatesText: seeker.certificates.join('，'),
    desiredOccupations: [...seeker.desiredOccupations],
    desiredPayMin: seeker.desiredPayMin?.toString() ?? '',
    desiredPayMax: seeker.desiredPayMax?.toString() ?? '',
    availableFrom: seeker.availableFrom ?? '',
  };
}

const blank = (value: string | undefined) => (value ? value : undefined);
const amount = (value: string) => (value.trim() === '' ? null : Number(value));

/** The request body; the masked ID number is left out unless a new one was typed. */
export function profileBody(form: ProfileForm, includeId: boolean): Record<string, unknown> {
  return {
    name: form.name,
    ...(includeId ? { idNumber: form.idNumber.trim().toUpperCase() } : {}),
    household: form.household || undefined,
    townshipCode: form.townshipCode || undefined,
    villageCode: form.villageCode || null,
    employmentStatus: form.employmentStatus || undefined,
    education: form.education.map((e) => ({
      level: e.level,
      school: e.school,
      major: blank(e.major),
      graduationDate: e.graduationDate,
    })),
    workHistory: form.workHistory.map((w) => ({
      employer: w.employer,
      position: w.position,
      startDate: w.startDate,
      endDate: blank(w.endDate),
    })),
    skills: splitTags(form.skillsText),
    certificates: splitTags(form.certificatesText),
    desiredOccupations: form.desiredOccupations,
    desiredPayMin: amount(form.desiredPayMin),
    desiredPayMax: amount(form.desiredPayMax),
    availableFrom: form.availableFrom || null,
  };
}
