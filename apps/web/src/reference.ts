// One distance formula for server and browser; @jipin/regions would bring the NestJS module along.
// eslint-disable-next-line no-restricted-imports
export { distanceKm } from '../../../libs/regions/geo';
import { api } from './api/client';
import { RegionTree, VacancyOptions } from './api/types';

/** Lists that change with a deployment, not a request: fetched once per page load. */
let regions: Promise<RegionTree> | undefined;
let options: Promise<VacancyOptions> | undefined;

export function loadRegions(): Promise<RegionTree> {
  regions ??= api.get<RegionTree>('/api/regions').catch((error: unknown) => {
    regions = undefined;
    throw error;
  });
  return regions;
}

export function loadVacancyOptions(): Promise<VacancyOptions> {
  options ??= api.get<VacancyOptions>('/api/vacancy-options').catch((error: unknown) => {
    options = undefined;
    throw error;
  });
  return options;
}

export function townshipName(
  tree: RegionTree | undefined,
  code: string | null | undefined,
): string {
  if (!code) return '';
  return tree?.townships.find((t) => t.code === code)?.name ?? code;
}
