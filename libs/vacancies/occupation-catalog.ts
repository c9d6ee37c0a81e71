import catalogData from './data/occupations.json';

export interface OccupationGroup {
  code: string;
  name: string;
  major?: string;
}

export interface Occupation {
  code: string;
  name: string;
  minor: string;
  aliases: string[];
}

export interface OccupationCatalog {
  source: string;
  majorGroups: OccupationGroup[];
  minorGroups: OccupationGroup[];
  occupations: Occupation[];
}

/** The occupation list is data (data/occupations.json); code only reads it. */
export const OCCUPATIONS: OccupationCatalog = catalogData;

const byCode = new Map(OCCUPATIONS.occupations.map((o) => [o.code, o]));
const byName = new Map<string, Occupation>();
for (const occupation of OCCUPATIONS.occupations) {
  for (const name of [occupation.name, ...occupation.aliases]) byName.set(name, occupation);
}

export function occupationByCode(code: string): Occupation | undefined {
  return byCode.get(code);
}

/** For import files, where people write a code, the official name or a common one (普工, 司机). */
export function findOccupation(codeOrName: string): Occupation | undefined {
  const value = codeOrName.trim();
  return byCode.get(value) ?? byName.get(value);
}
