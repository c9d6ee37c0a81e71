import { ApiProperty } from '@nestjs/swagger';
import { FailedJobView, HealthCheck, QueueCounts, QueueDashboard, QueueName } from '@jipin/core';
import { DEMO_KINDS, DemoDataSummary, DemoKind } from '@jipin/demo-data';
import { Place, RegionTree, Township } from '@jipin/regions';
import { DateTimeField, EnumField, Nullable } from './response-fields';

const QUEUE_NAMES = Object.values(QueueName);

export class QueueCountsDto implements QueueCounts {
  @EnumField(QUEUE_NAMES, 'QueueName') queue: QueueName;
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
}

export class FailedJobDto implements FailedJobView {
  @ApiProperty() id: string;
  @EnumField(QUEUE_NAMES, 'QueueName') queue: QueueName;
  @ApiProperty() name: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '任务数据（只有编号，没有个人信息）',
  })
  data: unknown;
  @ApiProperty() failedReason: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt: string | null;
}

export class QueueDashboardDto extends QueueCountsDto implements QueueDashboard {
  @ApiProperty() completedLastHour: number;
  @ApiProperty() failedLastHour: number;
  @Nullable(Number) oldestWaitingSeconds: number | null;
  @ApiProperty({ type: [FailedJobDto] }) recentFailures: FailedJobDto[];
}

export class FailedJobPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [FailedJobDto] }) items: FailedJobDto[];
}

export class HealthCheckDto implements HealthCheck {
  @ApiProperty() name: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() status: string;
}

export class LiveDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty() message: string;
  @ApiProperty({ type: [HealthCheckDto] }) checks: HealthCheckDto[];
}

class DemoCountsDto implements Record<DemoKind, number> {
  @ApiProperty() users: number;
  @ApiProperty() employers: number;
  @ApiProperty() vacancies: number;
  @ApiProperty() fairs: number;
  @ApiProperty() seeker_profiles: number;
}

class NamedRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class DemoFairDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

class DemoAccountDto extends NamedRecordDto {
  @ApiProperty() role: string;
}

export class DemoDataSummaryDto implements DemoDataSummary {
  @ApiProperty({ type: DemoCountsDto, description: `各类演示数据的条数：${DEMO_KINDS.join('、')}` })
  counts: DemoCountsDto;
  @ApiProperty({ type: [NamedRecordDto] }) employers: NamedRecordDto[];
  @ApiProperty({ type: [DemoFairDto] }) fairs: DemoFairDto[];
  @ApiProperty({ type: [DemoAccountDto] }) staffAccounts: DemoAccountDto[];
}

export class PlaceDto implements Place {
  @ApiProperty({ description: '行政区划代码（GB/T 2260）' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
}

export class TownshipDto extends PlaceDto implements Township {
  @ApiProperty({ type: [PlaceDto] }) villages: PlaceDto[];
}

export class RegionTreeDto implements RegionTree {
  @ApiProperty({ required: false }) source?: string;
  @ApiProperty({ type: PlaceDto }) county: PlaceDto;
  @ApiProperty({ type: [TownshipDto] }) townships: TownshipDto[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @Nullable(String) link: string | null;
  @DateTimeField({ nullable: true }) readAt: Date | null;
  @DateTimeField() createdAt: Date;
}

export class NotificationListDto {
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
}
