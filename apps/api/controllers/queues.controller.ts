import { Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { invalid, QueueName, QueueOperations } from '@jipin/core';
import { Access } from '../auth/access.decorator';
import { OffsetQuery } from '../dto/paging';
import {
  FailedJobPageDto,
  QueueCountsDto,
  QueueDashboardDto,
} from '../dto/operations-response.dto';

/**
 * The queue names, stated: the parameter's type metadata is the enum under SWC (Jest) but
 * String under tsc, so the document would differ between the two.
 */
const queueParam = ApiParam({ name: 'queue', enum: QueueName });

const queuePipe = new ParseEnumPipe(QueueName, {
  exceptionFactory: () =>
    invalid('unknown_queue', `队列名称不正确，可选：${Object.values(QueueName).join('、')}`),
});

/** Queue metrics for admins; the failed-job (dead-letter) list and retry for staff too. */
@ApiTags('operations')
@Controller('operations/queues')
export class QueuesController {
  constructor(private readonly operations: QueueOperations) {}

  @Get()
  @Access('admin')
  @ApiOkResponse({ type: [QueueCountsDto] })
  counts(): Promise<QueueCountsDto[]> {
    return this.operations.counts();
  }

  /** The admin dashboard: per queue counts, last hour's throughput and failures, and lag. */
  @Get('dashboard')
  @Access('admin')
  @ApiOkResponse({ type: [QueueDashboardDto] })
  dashboard(): Promise<QueueDashboardDto[]> {
    return this.operations.dashboard();
  }

  @Get(':queue/failed')
  @queueParam
  @ApiOkResponse({ type: FailedJobPageDto })
  @Access('staff', 'admin')
  failed(
    @Param('queue', queuePipe) queue: QueueName,
    @Query() page: OffsetQuery,
  ): Promise<FailedJobPageDto> {
    return this.operations.failed(queue, page.offset, page.limit);
  }

  @Post(':queue/failed/:jobId/retry')
  @HttpCode(202)
  @queueParam
  @ApiAcceptedResponse({ description: '已重新排队' })
  @Access('staff', 'admin')
  async retry(
    @Param('queue', queuePipe) queue: QueueName,
    @Param('jobId') jobId: string,
  ): Promise<void> {
    await this.operations.retry(queue, jobId);
  }
}
