import { ApiProperty } from '@nestjs/swagger';
import {
  BOOTH_STATUSES,
  type BoothStatus,
  BoothView,
  CheckInView,
  EmployerNumbers,
  FAIR_MODES,
  FAIR_STATUSES,
  type FairMode,
  FairNumbers,
  type FairStatus,
  FairView,
  PaperTicket,
  TicketView,
} from '@jipin/fairs';
import { PAY_UNIT_NAMES, type PayUnit, VACANCY_KINDS, type VacancyKind } from '@jipin/vacancies';
import { DateField, DateTimeField, EnumField, Nullable, StringList } from './response-fields';

const fairMode = () => EnumField(FAIR_MODES, 'FairMode');
const fairStatus = () => EnumField(FAIR_STATUSES, 'FairStatus');

export class FairViewDto implements FairView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @Nullable(String) campaign: string | null;
  @fairMode() mode: FairMode;
  @Nullable(String) venue: string | null;
  @Nullable(String) townshipCode: string | null;
  @Nullable(String) townshipName: string | null;
  @DateTimeField() startsAt: Date;
  @DateTimeField() endsAt: Date;
  @ApiProperty() boothCount: number;
  @StringList() targetKeyGroups: string[];
  @Nullable(String) liveStreamUrl: string | null;
  @Nullable(String) description: string | null;
  @fairStatus() status: FairStatus;
  @ApiProperty() statusName: string;
  @Nullable(String) statusReason: string | null;
}

export class BoothVacancyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() headcount: number;
}

export class BoothViewDto implements BoothView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty() fairTitle: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() employerName: string;
  @EnumField(BOOTH_STATUSES, 'BoothStatus') status: BoothStatus;
  @ApiProperty() statusName: string;
  @Nullable(Number) boothNumber: number | null;
  @Nullable(String) decisionNote: string | null;
  @ApiProperty({ type: [BoothVacancyDto] }) vacancies: BoothVacancyDto[];
  @DateTimeField() appliedAt: Date;
}

/** A vacancy brought to the fair by an approved booth. */
export class FairVacancyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() headcount: number;
  @ApiProperty() payMin: number;
  @ApiProperty() payMax: number;
  @EnumField(PAY_UNIT_NAMES, 'PayUnit') payUnit: PayUnit;
  @ApiProperty() townshipCode: string;
  @EnumField(VACANCY_KINDS, 'VacancyKind') kind: VacancyKind;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() employerName: string;
  @Nullable(Number) boothNumber: number | null;
}

export class TicketViewDto implements TicketView {
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty() fairTitle: string;
  @fairMode() mode: FairMode;
  @DateTimeField() startsAt: Date;
  @DateTimeField() endsAt: Date;
  @Nullable(String) venue: string | null;
  @ApiProperty({ description: '脱敏（张**）' }) holderName: string;
  @ApiProperty({ type: String, nullable: true, description: '4821-3307；线上招聘会没有' })
  ticketCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: '二维码（SVG data URL）' })
  qrCode: string | null;
  @DateTimeField() registeredAt: Date;
  @DateTimeField({ nullable: true }) checkedInAt: Date | null;
}

/** One of the seeker's fair registrations. */
export class FairRegistrationDto {
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty() fairTitle: string;
  @DateTimeField() startsAt: Date;
  @Nullable(String) venue: string | null;
  @fairStatus() status: FairStatus;
  @DateTimeField() registeredAt: Date;
  @DateTimeField({ nullable: true }) checkedInAt: Date | null;
}

export class CheckInViewDto implements CheckInView {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) seekerUserId: string;
  @ApiProperty() seekerName: string;
  @ApiProperty() ticketCode: string;
  @DateTimeField() checkedInAt: Date;
  @ApiProperty({ description: '此前已入场：再次扫码不改变任何数据' }) alreadyCheckedIn: boolean;
  @ApiProperty() walkIn: boolean;
}

export class FairNumbersTotalsDto implements FairNumbers {
  @ApiProperty() employers: number;
  @ApiProperty() booths: number;
  @ApiProperty() vacancies: number;
  @ApiProperty() positions: number;
  @ApiProperty() registrations: number;
  @ApiProperty() checkIns: number;
  @ApiProperty() applications: number;
  @ApiProperty() intents: number;
  @ApiProperty() peopleWithIntents: number;
}

export class EmployerNumbersDto implements EmployerNumbers {
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ type: [Number] }) boothNumbers: number[];
  @ApiProperty() vacancies: number;
  @ApiProperty() positions: number;
  @ApiProperty() applications: number;
  @ApiProperty() intents: number;
  @ApiProperty() peopleWithIntents: number;
}

export class FairSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @fairStatus() status: FairStatus;
  @ApiProperty() statusName: string;
  @DateTimeField() startsAt: Date;
  @DateTimeField() endsAt: Date;
}

/** The live screen: the fair's numbers now, in total and per employer. */
export class FairLiveNumbersDto {
  @ApiProperty({ type: FairSummaryDto }) fair: FairSummaryDto;
  @DateTimeField() at: Date;
  @ApiProperty({ type: FairNumbersTotalsDto }) totals: FairNumbersTotalsDto;
  @ApiProperty({ type: [EmployerNumbersDto] }) byEmployer: EmployerNumbersDto[];
}

/** Fairs of a period: each vacancy and person counted once. */
export class FairTotalsDto {
  @DateField() from: string;
  @DateField() to: string;
  @Nullable(String) townshipCode: string | null;
  @ApiProperty() fairs: number;
  @ApiProperty() employers: number;
  @ApiProperty() vacancies: number;
  @ApiProperty() positions: number;
  @ApiProperty({ description: '各场招聘会岗位数之和（同一岗位在多场中重复计）' })
  positionsSummedPerFair: number;
  @ApiProperty() peopleCheckedIn: number;
  @ApiProperty() intents: number;
  @ApiProperty() peopleWithIntents: number;
}

/** A ticket the window prints for a person registered there. */
export class PaperTicketDto implements PaperTicket {
  @ApiProperty() fairTitle: string;
  @DateTimeField() startsAt: Date;
  @DateTimeField() endsAt: Date;
  @Nullable(String) venue: string | null;
  @ApiProperty() mode: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '两组数字（4821-3307），线上招聘会为 null',
  })
  ticketCode: string | null;
  @Nullable(String) qrCode: string | null;
  @ApiProperty({ description: '脱敏姓名（张**）' }) holderName: string;
}
