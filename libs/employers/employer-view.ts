import { maskPhone, PiiCipher } from '@jipin/core';
import {
  EmployerEntity,
  EmployerLicence,
  EmployerSize,
  EmployerStatus,
} from './entities/employer.entity';

export interface EmployerView {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  size: EmployerSize;
  address: string;
  townshipCode: string;
  lat: number | null;
  lng: number | null;
  contactName: string;
  /** Masked (138****5678); the full number is not returned by default (PIPL). */
  contactPhone: string;
  licence: EmployerLicence;
  status: EmployerStatus;
  statusReason: string | null;
  statusChangedBy: string | null;
  statusChangedAt: Date | null;
  createdAt: Date;
}

export function employerView(employer: EmployerEntity, cipher: PiiCipher): EmployerView {
  return {
    id: employer.id,
    name: employer.name,
    creditCode: employer.creditCode,
    industry: employer.industry,
    size: employer.size,
    address: employer.address,
    townshipCode: employer.townshipCode,
    lat: employer.lat,
    lng: employer.lng,
    contactName: employer.contactName,
    contactPhone: maskPhone(cipher.decrypt(employer.contactPhoneCipher)),
    licence: employer.licence,
    status: employer.status,
    statusReason: employer.statusReason,
    statusChangedBy: employer.statusChangedBy,
    statusChangedAt: employer.statusChangedAt,
    createdAt: employer.createdAt,
  };
}
