import { APPLICATION_STATUS_NAMES } from '@jipin/applications';
import { KEY_GROUP_NAMES } from '@jipin/core';
import { BOOTH_STATUS_NAMES, FAIR_STATUS_NAMES } from '@jipin/fairs';
import { INTENT_OUTCOME_NAMES, INTENT_SOURCE_NAMES } from '@jipin/intents';
import { REPORT_REASON_NAMES } from '@jipin/messages';
import {
  EDUCATION_LEVELS,
  PAY_UNIT_NAMES,
  SHIFT_PATTERNS,
  VACANCY_KINDS,
  VACANCY_STATUS_NAMES,
} from '@jipin/vacancies';

/**
 * The Chinese names of the codes the server itself names (in its views, notices and exports),
 * published in the OpenAPI document as `x-labels`: the web client's labels are generated from
 * them, so a name changes in one place.
 */
export const API_LABELS = {
  vacancyKinds: VACANCY_KINDS,
  vacancyStatuses: VACANCY_STATUS_NAMES,
  vacancyEducation: EDUCATION_LEVELS,
  payUnits: PAY_UNIT_NAMES,
  shiftPatterns: SHIFT_PATTERNS,
  keyGroups: KEY_GROUP_NAMES,
  applicationStatuses: APPLICATION_STATUS_NAMES,
  fairStatuses: FAIR_STATUS_NAMES,
  boothStatuses: BOOTH_STATUS_NAMES,
  intentSources: INTENT_SOURCE_NAMES,
  intentOutcomes: INTENT_OUTCOME_NAMES,
  reportReasons: REPORT_REASON_NAMES,
} satisfies Record<string, Record<string, string>>;
