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

/** Kilometres between two points on the earth (the same formula as libs/regions/geo.ts). */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
