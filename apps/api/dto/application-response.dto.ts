import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus, ApplicationView } from '@jipin/applications';
import { VACANCY_STATUS_NAMES, type VacancyStatus } from '@jipin/vacancies';
import { DateField, DateTimeField, EnumField, Nullable } from './response-fields';
import { EmployerSeekerViewDto } from './seeker-response.dto';

const applicationStatus = (options: { nullable?: boolean } = {}) =>
  EnumField(APPLICATION_STATUSES, 'ApplicationStatus', options);

export class ApplicationHistoryDto {
  @applicationStatus({ nullable: true }) fromStatus: ApplicationStatus | null;
  @applicationStatus() toStatus: ApplicationStatus;
  @ApiProperty() toStatusName: string;
  @ApiProperty() actorRole: string;
  @Nullable(String) note: string | null;
  @DateTimeField() at: Date;
}

/** An application as the seeker follows it. */
export class ApplicationViewDto implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() employerName: string;
  @applicationStatus() status: ApplicationStatus;
  @ApiProperty() statusName: string;
  @Nullable(String) coverNote: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '在招聘会上投递时' })
  fairId: string | null;
  @DateTimeField() appliedAt: Date;
  @DateTimeField() statusChangedAt: Date;
  @ApiProperty({ type: [ApplicationHistoryDto] }) history: ApplicationHistoryDto[];
}

/** An application as the recruiter reads it: the résumé without ID, birth date or key groups. */
export class ApplicantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @applicationStatus() status: ApplicationStatus;
  @ApiProperty() statusName: string;
  @Nullable(String) coverNote: string | null;
  @DateTimeField() appliedAt: Date;
  @DateTimeField() statusChangedAt: Date;
  @ApiProperty({ type: [ApplicationHistoryDto] }) history: ApplicationHistoryDto[];
  @ApiProperty({ type: EmployerSeekerViewDto }) seeker: EmployerSeekerViewDto;
}

export class ApplicantInboxDto {
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [ApplicantDto] }) items: ApplicantDto[];
}

export class FavouriteDto {
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @EnumField(VACANCY_STATUS_NAMES, 'VacancyStatus') status: VacancyStatus;
  @DateField() expiresAt: string;
  @DateTimeField() savedAt: Date;
}
