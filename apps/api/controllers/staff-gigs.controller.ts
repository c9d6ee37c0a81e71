import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal, staffCovers } from '@jipin/accounts';
import {
  GigAcceptanceService,
  GigBoardService,
  GigDayService,
  GigPostingService,
  GigStationService,
  GigView,
  GigWorkerService,
} from '@jipin/gigs';
import { GigStatisticsService } from '@jipin/statistics';
import { notFound } from '@jipin/core';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AssignWorkerDto,
  GigFiguresQueryDto,
  ReasonDto,
  StaffGigDto,
  StationQueryDto,
  WindowWorkerDto,
} from '../dto/gig.dto';
import {
  GigResponseDto,
  GigStatisticsResponseDto,
  PosterAssignmentResponseDto,
  ReportStatusResponseDto,
  StationResponseDto,
  UnpaidReportResponseDto,
  WindowWorkerResponseDto,
} from '../dto/gig-response.dto';
import { ErrorResponseDto } from '../dto/error-response.dto';

/** 零工驿站: township staff post and dispatch for people at the window, review, follow unpaid wages. */
@ApiTags('gigs')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: '输入有误（中文说明）' })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('staff')
export class StaffGigsController {
  constructor(
    private readonly posting: GigPostingService,
    private readonly workers: GigWorkerService,
    private readonly acceptance: GigAcceptanceService,
    private readonly board: GigBoardService,
    private readonly station: GigStationService,
    private readonly day: GigDayService,
    private readonly statistics: GigStatisticsService,
  ) {}

  @Post('gigs')
  @Access('staff', 'admin')
  @Idempotent()
  @ApiCreatedResponse({ type: GigResponseDto, description: '代发：雇主姓名打码显示' })
  post(@CurrentUser() user: Principal, @Body() body: StaffGigDto): Promise<GigView> {
    const { onBehalfOf, ...gig } = body;
    return this.posting.post(user, gig, onBehalfOf);
  }

  @Get('gigs/review-queue')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [GigResponseDto] })
  reviewQueue(@CurrentUser() user: Principal): Promise<GigView[]> {
    return this.posting.reviewQueue(user);
  }

  @Post('gigs/:id/approve')
  @Access('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: GigResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  approve(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<GigView> {
    return this.posting.approve(user, id);
  }

  @Post('gigs/:id/reject')
  @Access('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: GigResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  reject(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<GigView> {
    return this.posting.reject(user, id, body.reason);
  }

  /** Window sign-up of a person registered (代录) without a smartphone. */
  @Post('gig-workers')
  @Access('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: WindowWorkerResponseDto })
  signUp(@CurrentUser() user: Principal, @Body() body: WindowWorkerDto) {
    const { profileId, ...availability } = body;
    return this.workers.signUpAtWindow(user, profileId, availability);
  }

  /** The clerk takes a place on a gig for a worker at the window (or on the phone). */
  @Post('gigs/:id/assignments')
  @Access('staff', 'admin')
  @ApiCreatedResponse({ type: PosterAssignmentResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async assign(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: AssignWorkerDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const worker = await this.workers.find(body.workerUserId);
    if (!worker || !staffCovers(user, worker.townshipCode)) throw notFound('零工求职登记');
    await this.posting.managed(user, id);
    const { created, assignment } = await this.acceptance.accept(worker.userId, id, 'window');
    reply.status(created ? 201 : 200);
    const places = await this.board.workersOf(user, id);
    return places.find((p) => p.id === assignment.id);
  }

  @Get('gig-station')
  @Access('staff', 'admin')
  @ApiOkResponse({
    type: StationResponseDto,
    description: '本乡镇当天的零工和空闲工人；打印即当天名单',
  })
  screen(@CurrentUser() user: Principal, @Query() query: StationQueryDto) {
    return this.station.station(user, query);
  }

  @Get('gig-unpaid-reports')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [UnpaidReportResponseDto] })
  unpaid(@CurrentUser() user: Principal, @Query() query: StationQueryDto) {
    return this.station.unpaidReports(user, query.townshipCode);
  }

  @Post('gig-unpaid-reports/:id/handled')
  @Access('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportStatusResponseDto })
  handled(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.day.markReportHandled(user, id);
  }

  @Get('statistics/gigs')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: GigStatisticsResponseDto })
  figures(@CurrentUser() user: Principal, @Query() query: GigFiguresQueryDto) {
    const townshipCode =
      user.townshipCode && user.role === 'staff' ? user.townshipCode : query.townshipCode;
    return this.statistics.figures({ from: query.from, to: query.to, townshipCode });
  }
}
