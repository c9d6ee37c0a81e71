import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The answers of the gig routes, for the OpenAPI document.

export class GigResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['hour', 'day', 'piece'] }) payUnit: string;
  @ApiProperty() payAmount: number;
  @ApiProperty({ example: '150 元/天，日结' }) payLabel: string;
  @ApiProperty() paidSameDay: boolean;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ example: '07:30' }) startTime: string;
  @ApiProperty() hoursPerDay: number;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ nullable: true, type: String }) villageCode: string | null;
  @ApiProperty() placeName: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() headcount: number;
  @ApiProperty() acceptedCount: number;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ enum: ['light', 'moderate', 'heavy'] }) physicalDemand: string;
  @ApiProperty() meals: boolean;
  @ApiProperty() transport: boolean;
  @ApiProperty({ enum: ['pending_review', 'open', 'filled', 'cancelled', 'rejected'] })
  status: string;
  @ApiProperty() statusName: string;
  @ApiProperty({ enum: ['employer', 'individual', 'staff'] }) posterKind: string;
  @ApiProperty({ description: '单位名称，或打码的个人姓名' }) posterLabel: string;
  @ApiPropertyOptional() distanceKm?: number;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) reviewFindings?: object[];
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
}

export class WorkDayResponseDto {
  @ApiProperty({ example: '2026-05-01' }) date: string;
  @ApiProperty() checkedInAt: Date;
  @ApiProperty({ nullable: true, type: Date }) checkedOutAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) payAmount: number | null;
  @ApiProperty({ nullable: true, enum: ['paid', 'owed'] }) payStatus: string | null;
}

export class AssignmentResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() gigId: string;
  @ApiProperty({
    enum: ['accepted', 'waitlisted', 'confirmed', 'cancelled', 'no_show', 'gig_cancelled'],
  })
  status: string;
  @ApiProperty() statusName: string;
  @ApiPropertyOptional({ description: '候补第几位' }) waitPosition?: number;
  @ApiProperty({ enum: ['app', 'window'] }) source: string;
  @ApiProperty() acceptedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) confirmedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiProperty({ description: '开工前不久才取消' }) cancelledLate: boolean;
  @ApiProperty({ type: [WorkDayResponseDto], description: '每个工作日的签到、签退和工资' })
  days: WorkDayResponseDto[];
}

export class PosterAssignmentResponseDto extends AssignmentResponseDto {
  @ApiProperty() workerName: string;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' })
  workerPhone: string | null;
  @ApiProperty() noSmartphone: boolean;
}

export class MyPlaceResponseDto extends AssignmentResponseDto {
  @ApiProperty({ type: GigResponseDto }) gig: GigResponseDto;
}

export class NearbyGigsResponseDto {
  @ApiProperty({ description: 'false：尚未登记零工求职，显示的是全县的零工' })
  registered: boolean;
  @ApiProperty({ type: [GigResponseDto] }) gigs: GigResponseDto[];
}

export class GigWorkerResponseDto {
  @ApiProperty() townshipCode: string;
  @ApiProperty({ nullable: true, type: String }) villageCode: string | null;
  @ApiProperty() radiusKm: number;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ type: [String] }) availableDates: string[];
  @ApiProperty({ type: [Number] }) weekdays: number[];
  @ApiProperty() active: boolean;
  @ApiProperty() noSmartphone: boolean;
}

export class WindowWorkerResponseDto extends GigWorkerResponseDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
}

export class FreeWorkerResponseDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) phone: string | null;
  @ApiProperty() placeName: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() radiusKm: number;
  @ApiProperty() noSmartphone: boolean;
}

export class StationGigResponseDto extends GigResponseDto {
  @ApiProperty({ type: [PosterAssignmentResponseDto] }) workers: PosterAssignmentResponseDto[];
}

export class StationResponseDto {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: [StationGigResponseDto] }) gigs: StationGigResponseDto[];
  @ApiProperty({ type: [FreeWorkerResponseDto] }) freeWorkers: FreeWorkerResponseDto[];
  @ApiProperty() openUnpaidReports: number;
}

export class UnpaidReportResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['open', 'handled'] }) status: string;
  @ApiProperty() amountOwed: number;
  @ApiProperty() note: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: GigResponseDto }) gig: GigResponseDto;
  @ApiProperty({ type: PosterAssignmentResponseDto }) record: PosterAssignmentResponseDto;
}

export class ReportStatusResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['open', 'handled'] }) status: string;
}

export class RatingResponseDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty({ enum: ['poster', 'worker'] }) rater: string;
  @ApiProperty() score: number;
}

export class GigFiguresDto {
  @ApiProperty() gigsPosted: number;
  @ApiProperty() placesPosted: number;
  @ApiProperty() gigsFilled: number;
  @ApiProperty() placesFilled: number;
  @ApiProperty({ description: '服务人数：上工的工人和发布零工的个人' }) peopleServed: number;
  @ApiProperty({ description: '灵活就业人数（每人只计一次）' }) flexibleEmployed: number;
  @ApiProperty({ description: '务工人天' }) workDays: number;
  @ApiProperty() payPaid: number;
  @ApiProperty() payOwed: number;
  @ApiProperty() unpaidReports: number;
}

export class GigTownshipFiguresDto extends GigFiguresDto {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
}

export class GigKeyGroupFiguresDto {
  @ApiProperty() keyGroup: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '该群体中上工的人数（每人一次）' }) people: number;
}

export class GigStatisticsResponseDto {
  @ApiProperty({ type: GigFiguresDto }) total: GigFiguresDto;
  @ApiProperty({ type: [GigTownshipFiguresDto] }) byTownship: GigTownshipFiguresDto[];
  @ApiProperty({ type: [GigKeyGroupFiguresDto] }) byKeyGroup: GigKeyGroupFiguresDto[];
  @ApiProperty({ description: '报告段落' }) text: string;
}
