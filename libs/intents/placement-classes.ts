/**
 * Which of the bureau's yearly indicators a confirmed hire feeds (docs/statistics.md).
 * Pure, so the definitions are tested apart from the database.
 */
export interface PlacementFacts {
  /** The person's key groups on the hire date (derived and staff-verified). */
  keyGroups: string[];
  /** The résumé's employment status before the hire; null for a walk-in without a résumé. */
  employmentStatusBefore: string | null;
  /** GB/T 6565 occupation code of the vacancy, e.g. 6-25-04-01. */
  occupationCode: string;
}

export interface PlacementClasses {
  ruralLabourTransfer: boolean;
  urbanNewEmployment: boolean;
  difficultyReemployment: boolean;
}

/** Major group 5 of the occupation classification is farming, forestry, animal husbandry and fishery. */
export function isFarmWork(occupationCode: string): boolean {
  return occupationCode.startsWith('5-');
}

export function classifyPlacement(facts: PlacementFacts): PlacementClasses {
  const offFarm = !isFarmWork(facts.occupationCode);
  const wasWithoutJob =
    facts.employmentStatusBefore === null ||
    facts.employmentStatusBefore === 'unemployed' ||
    facts.employmentStatusBefore === 'student';
  return {
    ruralLabourTransfer: offFarm && facts.keyGroups.includes('rural_labour'),
    urbanNewEmployment: offFarm && wasWithoutJob,
    difficultyReemployment: facts.keyGroups.includes('employment_difficulty'),
  };
}
