import { GigEntity } from './entities/gig.entity';

/** Workers go at most this far; it bounds the box the nearest-worker query scans. */
export const MAX_RADIUS_KM = 100;

/** Great-circle distance in SQL, the same formula as distanceKm of @jipin/regions. */
export function distanceSql(lat: string, lng: string, pointLat: string, pointLng: string): string {
  return `2 * 6371 * asin(sqrt(power(sin(radians(${lat} - ${pointLat}) / 2), 2)
    + cos(radians(${pointLat})) * cos(radians(${lat})) * power(sin(radians(${lng} - ${pointLng}) / 2), 2)))`;
}

/** Minutes of the day a gig's hours cover, as SQL on alias g. */
export const gigMinutes = (g: string) => ({
  start: `(extract(epoch from ${g}.start_time) / 60)`,
  end: `(extract(epoch from ${g}.start_time) / 60 + ${g}.hours_per_day * 60)`,
});

/**
 * The nearest active workers free on the gig's first day, within their own
 * radius, with one of its skills (when it asks for any), not yet offered it
 * and not already working that day. A lat/lng box on the index narrows the scan.
 */
export function nearestWorkersQuery(gig: GigEntity, limit: number) {
  const dLat = MAX_RADIUS_KM / 111;
  const dLng = MAX_RADIUS_KM / (111 * Math.cos((gig.lat * Math.PI) / 180));
  const sql = `
    select user_id as "userId", distance_km as "distanceKm" from (
      select w.user_id, w.radius_km, ${distanceSql('w.lat', 'w.lng', '$1', '$2')} as distance_km
      from gig_workers w
      where w.active
        and w.lat between $1 - $3 and $1 + $3
        and w.lng between $2 - $4 and $2 + $4
        and ($5::date = any(w.available_dates)
             or extract(isodow from $5::date)::smallint = any(w.weekdays))
        and (cardinality($6::text[]) = 0 or w.skills && $6::text[])
        and w.user_id <> $7
        and not exists (select 1 from gig_offers o where o.gig_id = $8 and o.worker_user_id = w.user_id)
        and not exists (
          select 1 from gig_assignments a join gigs g2 on g2.id = a.gig_id
          where a.worker_user_id = w.user_id and a.status in ('accepted', 'confirmed')
            and g2.start_date <= $9::date and g2.end_date >= $5::date)
    ) c
    where distance_km <= radius_km
    order by distance_km
    limit $10`;
  return {
    sql,
    params: [
      gig.lat,
      gig.lng,
      dLat,
      dLng,
      gig.startDate,
      gig.skills,
      gig.posterUserId,
      gig.id,
      gig.endDate,
      limit,
    ],
  };
}
