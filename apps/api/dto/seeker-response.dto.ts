import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { KEY_GROUP_NAMES, type KeyGroup } from '@jipin/core';
import { ResumeAccess, type ResumeAccessReason } from '@jipin/applications';
import {
  DeclaredKeyGroupView,
  EMPLOYMENT_STATUSES,
  GENDERS,
  HOUSEHOLDS,
  type PiiField,
  SeekerView,
  VISIBILITIES,
} from '@jipin/seekers';
import { DateField, DateTimeField, EnumField, Nullable, StringList } from './response-fields';
import { EducationDto, WorkEntryDto } from './seeker.dto';

const KEY_GROUP_CODES = Object.keys(KEY_GROUP_NAMES);

export class FamilyContactDto {
  @ApiProperty({ description: '脱敏' }) phone: string;
  @ApiProperty() relation: string;
}

export class KeyGroupInForceDto {
  @EnumField(KEY_GROUP_CODES, 'KeyGroup') code: KeyGroup;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['derived', 'verified'] }) source: 'derived' | 'verified';
}

export class DeclaredKeyGroupDto implements DeclaredKeyGroupView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['pending', 'verified', 'rejected'] }) status: string;
  @Nullable(String) note: string | null;
  @ApiProperty({ format: 'uuid' }) declaredBy: string;
  @DateTimeField() declaredAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) verifiedBy: string | null;
  @DateTimeField({ nullable: true }) verifiedAt: Date | null;
}

export class AssistedRegistrationRecordDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) registeredBy: string | null;
  @Nullable(String) consentMethod: string | null;
  @Nullable(String) consentWitness: string | null;
  @Nullable(String) consentReference: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) consentRecordedBy: string | null;
  @DateTimeField({ nullable: true }) consentRecordedAt: Date | null;
}

/** A profile: ID number and phone always masked; the birth date only in the person's own view. */
export class SeekerViewDto implements SeekerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @EnumField(GENDERS, 'Gender') gender: string;
  @ApiPropertyOptional({ format: 'date', description: '只在本人视图中' }) birthDate?: string;
  @ApiProperty() age: number;
  @ApiProperty({ description: '脱敏（3608*************4）' }) idNumber: string;
  @ApiProperty({ description: '脱敏；没有本人手机号时为空' }) phone: string;
  @ApiProperty({ type: FamilyContactDto, nullable: true }) familyContact: FamilyContactDto | null;
  @EnumField(HOUSEHOLDS, 'Household') household: string;
  @ApiProperty() townshipCode: string;
  @Nullable(String) villageCode: string | null;
  @ApiProperty({ type: [EducationDto] }) education: EducationDto[];
  @ApiProperty({ type: [WorkEntryDto] }) workHistory: WorkEntryDto[];
  @StringList() skills: string[];
  @StringList() certificates: string[];
  @StringList() desiredOccupations: string[];
  @StringList() desiredTownships: string[];
  @Nullable(Number) desiredPayMin: number | null;
  @Nullable(Number) desiredPayMax: number | null;
  @DateField({ nullable: true }) availableFrom: string | null;
  @EnumField(EMPLOYMENT_STATUSES, 'EmploymentStatus') employmentStatus: string;
  @EnumField(VISIBILITIES, 'Visibility') visibility: string;
  @ApiProperty() recommendationOptOut: boolean;
  @ApiProperty({ type: [KeyGroupInForceDto] }) keyGroups: KeyGroupInForceDto[];
  @ApiProperty({ type: [DeclaredKeyGroupDto] }) declaredKeyGroups: DeclaredKeyGroupDto[];
  @DateField({ description: '重点群体按这一天计算' }) asOf: string;
  @ApiProperty({ description: '本人是否已启用账号' }) claimed: boolean;
  @ApiProperty({ type: AssistedRegistrationRecordDto, nullable: true })
  assistedRegistration: AssistedRegistrationRecordDto | null;
  @DateTimeField() createdAt: Date;
  @DateTimeField() updatedAt: Date;
}

/** A résumé as an employer reads it: no ID, birth date, village or key groups. */
export class EmployerSeekerViewDto extends OmitType(SeekerViewDto, [
  'birthDate',
  'idNumber',
  'declaredKeyGroups',
  'keyGroups',
  'assistedRegistration',
  'claimed',
  'recommendationOptOut',
  'villageCode',
] as const) {}

export class ResumeAccessDto implements ResumeAccess {
  @EnumField(['applied', 'recommended', 'fair', 'intent'], 'ResumeAccessReason')
  reason: ResumeAccessReason;
  @ApiProperty() reasonName: string;
}

/** An employer's view of a résumé, with the reason it may see it. */
export class EmployerResumeDto extends EmployerSeekerViewDto {
  @ApiProperty({ type: ResumeAccessDto }) access: ResumeAccessDto;
}

export class SeekerPageDto {
  @ApiProperty() total: number;
  @DateField() asOf: string;
  @ApiProperty({ type: [SeekerViewDto] }) items: SeekerViewDto[];
}

export class SeekerSummaryDto {
  @DateField() asOf: string;
  @Nullable(String) townshipCode: string | null;
  @ApiProperty() registered: number;
  @ApiProperty() active: number;
  @ApiProperty() deleted: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '重点群体代码 → 人数',
  })
  byKeyGroup: Record<string, number>;
}

const PII_FIELDS = ['id_number', 'phone', 'export', 'resume', 'messages'];

export class PiiAccessLogDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) actorUserId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ format: 'uuid' }) subjectProfileId: string;
  @ApiProperty({ format: 'uuid' }) subjectUserId: string;
  @EnumField(PII_FIELDS, 'PiiField') field: PiiField;
  @ApiProperty() purpose: string;
  @ApiProperty() route: string;
  @DateTimeField() createdAt: Date;
}

export class PiiAccessLogPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [PiiAccessLogDto] }) items: PiiAccessLogDto[];
}

/** A full ID number or phone, shown once and written to the access log. */
export class RevealedDto {
  @ApiProperty({ format: 'uuid' }) profileId: string;
  @EnumField(PII_FIELDS, 'PiiField') field: PiiField;
  @ApiProperty() value: string;
}
