import { api } from './client';
import { Page, Vacancy } from './types';

export interface VacancyQuery {
  keyword?: string;
  townshipCode?: string;
  kind?: string;
  payUnit?: string;
  page?: number;
  pageSize?: number;
}

/** Published vacancies matching the filters (the public list; keyword is title or employer). */
export function findVacancies(query: VacancyQuery): Promise<Page<Vacancy>> {
  return api.get<Page<Vacancy>>('/api/vacancies', { ...query });
}
