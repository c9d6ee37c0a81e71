import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, PiiCipher } from '@jipin/core';
import { EMPLOYER_ROWS } from '@jipin/employers';
import { chinaToday } from './vacancy-input';
import { ContactMode, VacancyKind } from './vacancy-options';
import { PayUnit } from './review/pay-rules';

/** Who to call about a visible vacancy; the phone in full, for the caller to reveal under its rules. */
export interface VacancyContact {
  vacancyId: string;
  employerId: string;
  title: string;
  contactName: string;
  contactPhone: string;
  contactMode: ContactMode;
}

/** What a job alert compares with a seeker's saved search. */
export interface NewVacancyFacts {
  id: string;
  title: string;
  employerName: string;
  occupationCode: string;
  kind: VacancyKind;
  townshipCode: string;
  lat: number | null;
  lng: number | null;
  payMin: number;
  payMax: number;
  payUnit: PayUnit;
}

/** The vacancies module's answers to other modules: a vacancy's contact, the day's new ads. */
@Injectable()
export class VacancyContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  /** The contact of a vacancy the public may see (published, unexpired, employer not suspended). */
  async contactOf(vacancyId: string): Promise<VacancyContact> {
    const [row] = await this.dataSource.query(
      `select v.id as "vacancyId", v.employer_id as "employerId", v.title,
              v.contact_name as "contactName", v.contact_phone_cipher as cipher,
              v.contact_mode as "contactMode"
         from vacancies v join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        where v.id = $1 and v.status = 'published' and v.expires_at >= $2
          and e.status not in ('suspended', 'rejected')`,
      [vacancyId, chinaToday()],
    );
    if (!row) throw notFound('岗位');
    const { cipher, ...contact } = row as VacancyContact & { cipher: string };
    return { ...contact, contactPhone: this.cipher.decrypt(cipher) };
  }

  /** Vacancies first published in [from, to) that are still visible: the new ads of a digest. */
  async publishedBetween(from: Date, to: Date): Promise<NewVacancyFacts[]> {
    return this.dataSource.query(
      `select v.id, v.title, e.name as "employerName", v.occupation_code as "occupationCode",
              v.kind, v.township_code as "townshipCode", v.lat, v.lng,
              v.pay_min::float8 as "payMin", v.pay_max::float8 as "payMax", v.pay_unit as "payUnit"
         from vacancies v join ${EMPLOYER_ROWS} e on e.id = v.employer_id
        where v.first_published_at >= $1 and v.first_published_at < $2
          and v.status = 'published' and v.expires_at >= $3
          and e.status not in ('suspended', 'rejected')
        order by v.first_published_at, v.id`,
      [from, to, chinaToday()],
    );
  }
}
