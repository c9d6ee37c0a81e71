import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTACT_MODES,
  type ContactMode,
  type Education,
  EDUCATION_LEVELS,
  Eligibility,
  type ImportMode,
  ImportReport,
  ImportRowError,
  Occupation,
  OccupationCatalog,
  OccupationGroup,
  Pay,
  PAY_UNIT_NAMES,
  type PayUnit,
  type RuleAction,
  RuleFinding,
  type RuleTopic,
  SHIFT_PATTERNS,
  ShiftPattern,
  VACANCY_KINDS,
  VACANCY_STATUS_NAMES,
  type VacancyKind,
  VacancyManageView,
  type VacancyStatus,
  VacancyView,
} from '@jipin/vacancies';
import { EMPLOYER_STATUSES } from './employer-response.dto';
import { DateField, DateTimeField, EnumField, Nullable, StringList } from './response-fields';

export class PayViewDto implements Pay {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @EnumField(PAY_UNIT_NAMES, 'PayUnit') unit: PayUnit;
}

export class EligibilityDto implements Eligibility {
  @StringList('重点群体代码；空则不限') keyGroups: string[];
  @ApiPropertyOptional() ageMin?: number;
  @ApiPropertyOptional() ageMax?: number;
  @ApiPropertyOptional() graduatedWithinYears?: number;
}

export class RuleFindingDto implements RuleFinding {
  @ApiProperty() code: string;
  @EnumField(['gender', 'ethnicity', 'hepatitis_b', 'marital', 'fee', 'pay'], 'RuleTopic')
  topic: RuleTopic;
  @EnumField(['refuse', 'hold'], 'RuleAction') action: RuleAction;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() match?: string;
}

/** A published vacancy as anyone reads it (contact phone masked). */
export class VacancyViewDto implements VacancyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiPropertyOptional() employerName?: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiPropertyOptional({ type: String }) occupationName: string | undefined;
  @ApiProperty() description: string;
  @ApiProperty() requirements: string;
  @EnumField(VACANCY_KINDS, 'VacancyKind') kind: VacancyKind;
  @ApiProperty() headcount: number;
  @ApiProperty({ type: PayViewDto }) pay: PayViewDto;
  @EnumField(EDUCATION_LEVELS, 'VacancyEducation') education: Education;
  @Nullable(Number) ageMin: number | null;
  @Nullable(Number) ageMax: number | null;
  @ApiProperty() experienceYears: number;
  @StringList() welfareTags: string[];
  @EnumField(SHIFT_PATTERNS, 'ShiftPattern', { nullable: true }) shiftPattern: ShiftPattern | null;
  @ApiProperty() townshipCode: string;
  @ApiProperty() address: string;
  @Nullable(Number) lat: number | null;
  @Nullable(Number) lng: number | null;
  @ApiProperty() contactName: string;
  @ApiProperty({ description: '脱敏（138****5678），本单位人员可见完整号码' }) contactPhone: string;
  @EnumField(CONTACT_MODES, 'ContactMode') contactMode: ContactMode;
  @DateField() startDate: string;
  @DateField() expiresAt: string;
  @StringList() targetKeyGroups: string[];
  @ApiProperty({ type: EligibilityDto, nullable: true }) eligibility: EligibilityDto | null;
  @EnumField(VACANCY_STATUS_NAMES, 'VacancyStatus') status: VacancyStatus;
  @ApiProperty() version: number;
  @DateTimeField({ nullable: true }) publishedAt: Date | null;
  @DateTimeField() updatedAt: Date;
}

/** What the employer's own people and staff see: the review findings too. */
export class VacancyManageViewDto extends VacancyViewDto implements VacancyManageView {
  @ApiProperty({ type: [RuleFindingDto] }) reviewFlags: RuleFindingDto[];
  @Nullable(String) reviewNote: string | null;
  @DateTimeField() createdAt: Date;
}

export class ReviewQueueItemDto extends VacancyManageViewDto {
  @EnumField(EMPLOYER_STATUSES, 'EmployerStatus')
  employerStatus: string;
}

export class VacancyPageDto {
  @ApiProperty({ type: [VacancyViewDto] }) items: VacancyViewDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: '命中太多，总数只数到上限' }) totalCapped: boolean;
}

export class VacancyManagePageDto {
  @ApiProperty({ type: [VacancyManageViewDto] }) items: VacancyManageViewDto[];
  @ApiProperty() total: number;
}

export class ReviewQueuePageDto {
  @ApiProperty({ type: [ReviewQueueItemDto] }) items: ReviewQueueItemDto[];
  @ApiProperty() total: number;
}

export class VacancyHistoryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty() action: string;
  @EnumField(VACANCY_STATUS_NAMES, 'VacancyStatus', { nullable: true }) fromStatus: string | null;
  @EnumField(VACANCY_STATUS_NAMES, 'VacancyStatus', { nullable: true }) toStatus: string | null;
  @ApiProperty() version: number;
  @Nullable(String) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @DateTimeField() createdAt: Date;
}

export class ReviewedVacancyDto extends VacancyManageViewDto {
  @ApiProperty({ type: [VacancyHistoryDto] }) history: VacancyHistoryDto[];
}

export class OccupationGroupDto implements OccupationGroup {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() major?: string;
}

export class OccupationDto implements Occupation {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() minor: string;
  @StringList() aliases: string[];
}

export class OccupationCatalogDto implements OccupationCatalog {
  @ApiProperty() source: string;
  @ApiProperty({ type: [OccupationGroupDto] }) majorGroups: OccupationGroupDto[];
  @ApiProperty({ type: [OccupationGroupDto] }) minorGroups: OccupationGroupDto[];
  @ApiProperty({ type: [OccupationDto] }) occupations: OccupationDto[];
}

const codeNames = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description });

/** The lists a vacancy form chooses from: code → Chinese name. */
export class VacancyOptionsDto {
  @ApiProperty({ type: OccupationCatalogDto }) occupations: OccupationCatalogDto;
  @codeNames('岗位类型') kinds: Record<string, string>;
  @codeNames('计薪单位') payUnits: Record<string, string>;
  @codeNames('学历要求') education: Record<string, string>;
  @codeNames('班次') shiftPatterns: Record<string, string>;
  @StringList('福利标签') welfareTags: readonly string[];
  @codeNames('重点群体') keyGroups: Record<string, string>;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty() line: number;
  @StringList() reasons: string[];
}

export class ImportReportDto implements ImportReport {
  @EnumField(['all_or_nothing', 'row_by_row'], 'ImportMode') mode: ImportMode;
  @ApiProperty() totalRows: number;
  @ApiProperty() imported: number;
  @ApiProperty() published: number;
  @ApiProperty() pendingReview: number;
  @ApiProperty() duplicates: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors: ImportRowErrorDto[];
  @StringList() vacancyIds: string[];
}
