import { Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  FailedJobView,
  invalid,
  QueueCounts,
  QueueDashboard,
  QueueName,
  QueueOperations,
} from '@jipin/core';
import { Access } from '../auth/access.decorator';
import { OffsetQuery } from '../dto/paging';

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
  counts(): Promise<QueueCounts[]> {
    return this.operations.counts();
  }

  /** The admin dashboard: per queue counts, last hour's throughput and failures, and lag. */
  @Get('dashboard')
  @Access('admin')
  dashboard(): Promise<QueueDashboard[]> {
    return this.operations.dashboard();
  }

  @Get(':queue/failed')
  @Access('staff', 'admin')
  failed(
    @Param('queue', queuePipe) queue: QueueName,
    @Query() page: OffsetQuery,
  ): Promise<{ total: number; items: FailedJobView[] }> {
    return this.operations.failed(queue, page.offset, page.limit);
  }

  @Post(':queue/failed/:jobId/retry')
  @HttpCode(202)
  @Access('staff', 'admin')
  async retry(
    @Param('queue', queuePipe) queue: QueueName,
    @Param('jobId') jobId: string,
  ): Promise<void> {
    await this.operations.retry(queue, jobId);
  }
}
