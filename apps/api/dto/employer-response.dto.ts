import { ApiProperty } from '@nestjs/swagger';
import {
  EMPLOYER_SIZES,
  type EmployerMemberRole,
  EmployerMemberView,
  type EmployerSize,
  type EmployerStatus,
  EmployerView,
} from '@jipin/employers';
import { EmployerLicenceDto } from './employer.dto';
import { DateTimeField, EnumField, Nullable } from './response-fields';

export const EMPLOYER_STATUSES = [
  'pending',
  'verified',
  'rejected',
  'suspended',
] as const satisfies readonly EmployerStatus[];

export class EmployerViewDto implements EmployerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '统一社会信用代码' }) creditCode: string;
  @ApiProperty() industry: string;
  @EnumField(EMPLOYER_SIZES, 'EmployerSize') size: EmployerSize;
  @ApiProperty() address: string;
  @ApiProperty() townshipCode: string;
  @Nullable(Number) lat: number | null;
  @Nullable(Number) lng: number | null;
  @ApiProperty() contactName: string;
  @ApiProperty({ description: '脱敏（138****5678）' }) contactPhone: string;
  @ApiProperty({ type: EmployerLicenceDto }) licence: EmployerLicenceDto;
  @EnumField(EMPLOYER_STATUSES, 'EmployerStatus')
  status: EmployerStatus;
  @Nullable(String) statusReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) statusChangedBy: string | null;
  @DateTimeField({ nullable: true }) statusChangedAt: Date | null;
  @DateTimeField() createdAt: Date;
}

/** The owner's and recruiters' own view of their company: with their role in it. */
export class MyEmployerDto extends EmployerViewDto {
  @EnumField(['owner', 'recruiter'], 'EmployerMemberRole') myRole: EmployerMemberRole;
}

export class EmployerMemberDto implements EmployerMemberView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '脱敏' }) phone: string;
  @EnumField(['owner', 'recruiter'], 'EmployerMemberRole') role: EmployerMemberRole;
  @DateTimeField() since: Date;
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerViewDto] }) items: EmployerViewDto[];
  @ApiProperty() total: number;
}

export class EmployerHistoryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() action: string;
  @Nullable(String) fromStatus: string | null;
  @Nullable(String) toStatus: string | null;
  @Nullable(String) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @DateTimeField() createdAt: Date;
}

export class ReviewedEmployerDto extends EmployerViewDto {
  @ApiProperty({ type: [EmployerHistoryDto] }) history: EmployerHistoryDto[];
}
