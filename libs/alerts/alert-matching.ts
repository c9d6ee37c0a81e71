import { distanceKm } from '@jipin/regions';
import { NewVacancyFacts, occupationByCode } from '@jipin/vacancies';

export interface AlertCriteria {
  keyword: string | null;
  townshipCode: string | null;
  radiusKm: number | null;
  kind: string | null;
  payMin: number | null;
}

type Locate = (townshipCode: string) => { lat: number; lng: number } | undefined;

/** Day and hour rates as a month of work (22 days of 8 hours), to compare with a monthly wish. */
const MONTHLY_FACTOR: Record<string, number> = { month: 1, day: 22, hour: 22 * 8 };

/** The day's new ads, prepared once for the many alerts compared with them. */
export interface PreparedVacancy extends NewVacancyFacts {
  text: string;
  monthlyPay: number | undefined;
}

export function prepareVacancy(vacancy: NewVacancyFacts): PreparedVacancy {
  const occupation = occupationByCode(vacancy.occupationCode)?.name ?? '';
  const factor = MONTHLY_FACTOR[vacancy.payUnit];
  return {
    ...vacancy,
    text: `${vacancy.title} ${vacancy.employerName} ${occupation}`.toLowerCase(),
    monthlyPay: factor ? vacancy.payMax * factor : undefined,
  };
}

/** Whether a new ad is what the saved search asks for; every stated criterion must hold. */
export function alertMatches(
  alert: AlertCriteria,
  vacancy: PreparedVacancy,
  locate: Locate,
): boolean {
  if (alert.kind && alert.kind !== vacancy.kind) return false;
  if (alert.payMin && vacancy.monthlyPay !== undefined && vacancy.monthlyPay < alert.payMin)
    return false;
  if (alert.townshipCode) {
    if (alert.radiusKm) {
      const centre = locate(alert.townshipCode);
      const at =
        vacancy.lat !== null && vacancy.lng !== null
          ? { lat: vacancy.lat, lng: vacancy.lng }
          : locate(vacancy.townshipCode);
      if (!centre || !at || distanceKm(centre, at) > alert.radiusKm) return false;
    } else if (alert.townshipCode !== vacancy.townshipCode) return false;
  }
  if (alert.keyword) {
    const words = alert.keyword.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.every((word) => vacancy.text.includes(word))) return false;
  }
  return true;
}
