import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  AssignmentView,
  GigAcceptanceService,
  GigBoardService,
  GigDayService,
  GigWorkerService,
  GigWorkerView,
  PosterAssignmentView,
} from '@jipin/gigs';
import { GigAssignmentEntity } from '@jipin/gigs';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AvailabilityDto,
  PayRecordDto,
  RatingDto,
  RecordedTimeDto,
  UnpaidReportDto,
} from '../dto/gig.dto';
import {
  AssignmentResponseDto,
  GigWorkerResponseDto,
  MyPlaceResponseDto,
  PosterAssignmentResponseDto,
  RatingResponseDto,
  ReportStatusResponseDto,
} from '../dto/gig-response.dto';
import { ErrorResponseDto } from '../dto/error-response.dto';

/** A worker's availability and places; the day's record by the poster or the worker. */
@ApiTags('gigs')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: '输入有误（中文说明）' })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@ApiConflictResponse({ type: ErrorResponseDto })
@Controller()
export class GigAssignmentsController {
  constructor(
    private readonly workers: GigWorkerService,
    private readonly board: GigBoardService,
    private readonly acceptance: GigAcceptanceService,
    private readonly day: GigDayService,
  ) {}

  @Get('gig-worker/me')
  @Access('seeker')
  @ApiOkResponse({ type: GigWorkerResponseDto })
  availability(@CurrentUser() user: Principal): Promise<GigWorkerView> {
    return this.workers.mine(user.userId);
  }

  @Put('gig-worker/me')
  @Access('seeker')
  @ApiOkResponse({
    type: GigWorkerResponseDto,
    description: '今天、明天或每周几有空，能去多远，会做什么',
  })
  setAvailability(
    @CurrentUser() user: Principal,
    @Body() body: AvailabilityDto,
  ): Promise<GigWorkerView> {
    return this.workers.setOwn(user, body);
  }

  @Get('gig-assignments')
  @Access('seeker')
  @ApiOkResponse({ type: [MyPlaceResponseDto] })
  mine(@CurrentUser() user: Principal) {
    return this.board.myPlaces(user.userId);
  }

  @Post('gig-assignments/:id/cancel')
  @Access('seeker')
  @HttpCode(200)
  @ApiOkResponse({
    type: AssignmentResponseDto,
    description: 'cancelledLate：开工前不久取消，已记录',
  })
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<AssignmentView> {
    return this.acceptance.withdraw(user, id);
  }

  @Post('gig-assignments/:id/confirm')
  @Access('employer', 'seeker', 'staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PosterAssignmentResponseDto })
  async confirm(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.answer(await this.acceptance.confirm(user, id));
  }

  @Post('gig-assignments/:id/no-show')
  @Access('employer', 'seeker', 'staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PosterAssignmentResponseDto, description: '候补的第一位补上' })
  async noShow(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.answer(await this.acceptance.markNoShow(user, id));
  }

  @Post('gig-assignments/:id/check-in')
  @Access('authenticated')
  @HttpCode(200)
  @ApiOkResponse({ type: PosterAssignmentResponseDto })
  async checkIn(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RecordedTimeDto,
  ) {
    return this.answer(await this.day.checkIn(user, id, body.at), user);
  }

  @Post('gig-assignments/:id/check-out')
  @Access('authenticated')
  @HttpCode(200)
  @ApiOkResponse({ type: PosterAssignmentResponseDto })
  async checkOut(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RecordedTimeDto,
  ) {
    return this.answer(await this.day.checkOut(user, id, body.at), user);
  }

  @Post('gig-assignments/:id/pay')
  @Access('employer', 'seeker', 'staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PosterAssignmentResponseDto })
  async pay(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: PayRecordDto,
  ) {
    return this.answer(await this.day.recordPay(user, id, body.amount, body.status, body.date));
  }

  @Post('gig-assignments/:id/rating')
  @Access('employer', 'seeker', 'staff', 'admin')
  @ApiCreatedResponse({ type: RatingResponseDto })
  rate(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string, @Body() body: RatingDto) {
    return this.day.rate(user, id, body.score, body.comment);
  }

  @Post('gig-assignments/:id/unpaid-report')
  @Access('seeker')
  @ApiCreatedResponse({ type: ReportStatusResponseDto, description: '欠薪线索转乡镇工作人员' })
  report(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UnpaidReportDto,
  ) {
    return this.day.reportUnpaid(user, id, body.amountOwed, body.note);
  }

  /** The worker sees their own record; the poster and staff see the worker's name, phone masked. */
  private async answer(
    place: GigAssignmentEntity,
    caller?: Principal,
  ): Promise<PosterAssignmentView | AssignmentView> {
    if (caller && place.workerUserId === caller.userId) return this.board.placeView(place);
    return (await this.board.withWorkers([place]))[0];
  }
}
