import { api, ApiError } from './client';
import { SearchHit, Suggestion, Vacancy, VacancyPage, VacancySearchResult } from './types';
import { distanceKm } from '../reference';

export interface VacancyQuery {
  keyword?: string;
  townshipCode?: string;
  kind?: string;
  page?: number;
  pageSize?: number;
}

export interface Point {
  lat: number;
  lng: number;
}

/** A vacancy as a list shows it: from the search index, or from the public list. */
export type VacancyListItem = Pick<
  Vacancy,
  'id' | 'title' | 'employerName' | 'kind' | 'townshipCode' | 'pay' | 'welfareTags' | 'lat' | 'lng'
> & { headcount?: number; distanceKm?: number; titleHtml?: string };

function fromHit(hit: SearchHit): VacancyListItem {
  return {
    id: hit.id,
    title: hit.title,
    titleHtml: hit.highlights?.title,
    employerName: hit.employerName,
    kind: hit.kind,
    townshipCode: hit.townshipCode,
    pay: { min: hit.payMin, max: hit.payMax, unit: hit.payUnit },
    welfareTags: hit.welfareTags,
    lat: hit.lat,
    lng: hit.lng,
    distanceKm: hit.distanceKm,
  };
}

/** What the search made of the words typed: partial matches and, when nothing matched, a way on. */
export interface SearchAnswer {
  /** Not every word could match together; matched and unmatched say which. */
  partial?: boolean;
  matchedTerms?: string[];
  unmatchedTerms?: string[];
  /** The words ask for the nearest jobs (附近), which needs the seeker's place. */
  wantsNearby?: boolean;
  /** Nothing matched: searches that do find jobs, and the newest jobs. */
  rescue?: { related: string[]; newest: VacancyListItem[] };
}

function answerOf(result: VacancySearchResult): SearchAnswer {
  return {
    partial: result.partial,
    matchedTerms: result.matchedTerms,
    unmatchedTerms: result.unmatchedTerms,
    wantsNearby:
      result.understood?.intents.includes('nearby') && result.understood.sort !== 'distance',
    rescue: result.rescue && {
      related: result.rescue.related,
      newest: result.rescue.newest.map(fromHit),
    },
  };
}

/** A list of vacancies with its count; capped when more matched than were counted (1000+). */
export type ListAnswer = {
  items: VacancyListItem[];
  total: number;
  capped?: boolean;
} & SearchAnswer;

function listAnswer(page: VacancyPage): ListAnswer {
  return { items: page.items, total: page.total, capped: page.totalCapped };
}

/** Whether this API has the search module; learnt from the first search. */
let searchAvailable: boolean | undefined;

async function search(params: Record<string, string | number | undefined>) {
  if (searchAvailable === false) return undefined;
  try {
    const result = await api.get<VacancySearchResult>('/api/search/vacancies', params);
    searchAvailable = true;
    return {
      items: result.items.map(fromHit),
      total: result.total,
      capped: result.totalCapped === true,
      ...answerOf(result),
    };
  } catch (error) {
    if (searchAvailable === undefined && error instanceof ApiError && error.status === 404) {
      searchAvailable = false;
      return undefined;
    }
    throw error;
  }
}

/** Published vacancies for the filters: full-text search when the API has it, else the public list. */
export async function findVacancies(query: VacancyQuery): Promise<ListAnswer> {
  const { keyword, ...filters } = query;
  return (
    (await search({ q: keyword, ...filters })) ??
    listAnswer(await api.get<VacancyPage>('/api/vacancies', { keyword, ...filters }))
  );
}

/** Vacancies within `radiusKm` of a point, nearest first. */
export async function findNearby(
  query: VacancyQuery,
  point: Point,
  radiusKm: number,
  townshipCentre: (code: string) => Point | undefined,
): Promise<ListAnswer> {
  const { keyword, ...filters } = query;
  const found = await search({
    q: keyword,
    ...filters,
    sort: 'distance',
    lat: point.lat,
    lng: point.lng,
    radiusKm,
    pageSize: 100,
  });
  if (found) return found;
  // Without the search module: the newest 100, measured and sorted here.
  const list = await api.get<VacancyPage>('/api/vacancies', {
    keyword,
    ...filters,
    pageSize: 100,
  });
  const items = list.items
    .map((v) => {
      const place =
        v.lat !== null && v.lng !== null
          ? { lat: v.lat, lng: v.lng }
          : townshipCentre(v.townshipCode);
      return { ...v, distanceKm: place ? distanceKm(point, place) : undefined };
    })
    .filter((v) => v.distanceKm !== undefined && v.distanceKm <= radiusKm)
    .sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
  return { items, total: items.length };
}

/** Completions for what is typed so far (empty without the search module). */
export async function suggest(prefix: string): Promise<string[]> {
  if (searchAvailable === false || !prefix.trim()) return [];
  try {
    const list = await api.get<Suggestion[]>('/api/search/suggest', { q: prefix.trim() });
    return list.map((s) => s.text);
  } catch {
    return [];
  }
}
