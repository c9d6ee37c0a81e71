import { readFileSync } from 'node:fs';

export interface Place {
  code: string;
  name: string;
  lat: number;
  lng: number;
}

export interface Township extends Place {
  villages: Place[];
}

export interface RegionTree {
  source?: string;
  county: Place;
  townships: Township[];
}

/** Reads and checks a region file (county → townships → villages). */
export function loadRegionTree(file: string): RegionTree {
  const tree = JSON.parse(readFileSync(file, 'utf8')) as RegionTree;
  const problems: string[] = [];
  if (!/^\d{6}$/.test(tree.county?.code ?? ''))
    problems.push('county.code must be 6 digits (GB/T 2260)');
  const seen = new Set<string>();
  for (const township of tree.townships ?? []) {
    checkPlace(township, 12, problems, seen);
    if (!township.code.startsWith(tree.county.code))
      problems.push(`township ${township.code} is not in county ${tree.county.code}`);
    for (const village of township.villages ?? []) {
      checkPlace(village, 12, problems, seen);
      if (!village.code.startsWith(township.code.slice(0, 9)))
        problems.push(`village ${village.code} is not in township ${township.code}`);
    }
  }
  if (!tree.townships?.length) problems.push('the file lists no townships');
  if (problems.length) throw new Error(`Region file ${file} is invalid: ${problems.join('; ')}`);
  return tree;
}

function checkPlace(place: Place, digits: number, problems: string[], seen: Set<string>) {
  if (!new RegExp(`^\\d{${digits}}$`).test(place.code))
    problems.push(`${place.name}: code must be ${digits} digits`);
  if (seen.has(place.code)) problems.push(`duplicate code ${place.code}`);
  seen.add(place.code);
  if (typeof place.lat !== 'number' || typeof place.lng !== 'number')
    problems.push(`${place.name}: lat/lng missing`);
}
