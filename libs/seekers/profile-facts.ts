import { invalid, parseResidentId } from '@jipin/core';
import { RegionsService } from '@jipin/regions';
import { occupationByCode } from '@jipin/vacancies';
import { COLLEGE_LEVELS, Gender, ProfileInput } from './seeker-types';
import { normaliseTags } from './tags';

export interface CheckedFacts {
  idNumber: string;
  gender: Gender;
  birthDate: string;
  firstCollegeGraduationDate: string | null;
}

/**
 * Checks what the profile states against the resident ID and the county's
 * regions; birth date and gender may be left out and are then read from the ID.
 */
export function checkProfileFacts(input: ProfileInput, regions: RegionsService): CheckedFacts {
  const parsed = parseResidentId(input.idNumber);
  if (!parsed.ok)
    throw invalid('invalid_id_number', parsed.reason, [
      { field: 'idNumber', message: parsed.reason },
    ]);
  const { facts } = parsed;
  if (input.birthDate && input.birthDate !== facts.birthDate) {
    const message = `出生日期与身份证号不一致（身份证号中的出生日期为 ${facts.birthDate}）`;
    throw invalid('id_number_mismatch', message, [{ field: 'birthDate', message }]);
  }
  if (input.gender && input.gender !== facts.gender) {
    const message = `性别与身份证号不一致（身份证号显示为${facts.gender === 'male' ? '男' : '女'}）`;
    throw invalid('id_number_mismatch', message, [{ field: 'gender', message }]);
  }
  regions.assertTownship(input.townshipCode);
  if (input.villageCode) regions.assertVillage(input.villageCode, input.townshipCode);
  (input.desiredOccupations ?? []).forEach((code, i) => {
    if (!occupationByCode(code))
      throw invalid('unknown_occupation', `职业代码 ${code} 不在职业分类列表中`, [
        { field: `desiredOccupations.${i}`, message: '请从职业分类列表中选择期望职业' },
      ]);
  });
  (input.desiredTownships ?? []).forEach((code, i) =>
    regions.assertTownship(code, `desiredTownships.${i}`),
  );
  if (
    input.desiredPayMin != null &&
    input.desiredPayMax != null &&
    input.desiredPayMin > input.desiredPayMax
  ) {
    throw invalid('invalid_pay_range', '期望薪资的下限不能高于上限', [
      { field: 'desiredPayMin', message: '期望薪资的下限不能高于上限' },
    ]);
  }
  (input.education ?? []).forEach((entry, i) => {
    if (entry.graduationDate < facts.birthDate)
      throw invalid('invalid_education', '毕业日期不能早于出生日期', [
        { field: `education.${i}.graduationDate`, message: '毕业日期不能早于出生日期' },
      ]);
  });
  const colleges = (input.education ?? []).filter((e) => COLLEGE_LEVELS.includes(e.level));
  return {
    idNumber: input.idNumber.trim().toUpperCase(),
    gender: facts.gender,
    birthDate: facts.birthDate,
    firstCollegeGraduationDate: colleges.map((e) => e.graduationDate).sort()[0] ?? null,
  };
}

/** The columns a profile input sets, with tags normalised. */
export function profileColumns(input: ProfileInput, checked: CheckedFacts) {
  return {
    name: input.name.trim(),
    gender: checked.gender,
    birthDate: checked.birthDate,
    household: input.household,
    townshipCode: input.townshipCode,
    villageCode: input.villageCode ?? null,
    education: input.education ?? [],
    firstCollegeGraduationDate: checked.firstCollegeGraduationDate,
    workHistory: input.workHistory ?? [],
    skills: normaliseTags(input.skills),
    certificates: normaliseTags(input.certificates),
    desiredOccupations: [...new Set(input.desiredOccupations ?? [])],
    desiredTownships: [...new Set(input.desiredTownships ?? [])],
    desiredPayMin: input.desiredPayMin ?? null,
    desiredPayMax: input.desiredPayMax ?? null,
    availableFrom: input.availableFrom ?? null,
    employmentStatus: input.employmentStatus,
    visibility: input.visibility ?? 'open',
    recommendationOptOut: input.recommendationOptOut ?? false,
  };
}
