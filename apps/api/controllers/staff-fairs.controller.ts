import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  BoothService,
  FairService,
  FairStatsService,
  RegistrationService,
  WindowRegistrationService,
} from '@jipin/fairs';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ExportLimited } from '../http/export-limit.interceptor';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import {
  ApproveBoothDto,
  CancelBoothDto,
  CheckInDto,
  FairDto,
  FairListQueryDto,
  FairTotalsQueryDto,
  MoveFairDto,
  RefuseBoothDto,
  UpdateFairDto,
  WalkInDto,
  WindowRegistrationDto,
} from '../dto/fair.dto';
import {
  BoothViewDto,
  CheckInViewDto,
  FairLiveNumbersDto,
  FairTotalsDto,
  FairViewDto,
  PaperTicketDto,
} from '../dto/fair-response.dto';
import { ApiErrors } from '../openapi/error-answers';
import { ApiFileAnswer } from '../openapi/file-answer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Staff organise fairs, decide on booths, run the door, and read the numbers. */
@ApiTags('staff')
@Controller('staff')
@Access('staff', 'admin')
export class StaffFairsController {
  constructor(
    private readonly fairs: FairService,
    private readonly booths: BoothService,
    private readonly registrations: RegistrationService,
    private readonly stats: FairStatsService,
    private readonly window: WindowRegistrationService,
  ) {}

  @Post('fairs')
  @Idempotent()
  @ApiCreatedResponse({ type: FairViewDto })
  create(@CurrentUser() user: Principal, @Body() body: FairDto): Promise<FairViewDto> {
    return this.fairs.create(user, body);
  }

  @Get('fairs')
  @ApiOkResponse({ type: [FairViewDto] })
  list(@CurrentUser() user: Principal, @Query() query: FairListQueryDto): Promise<FairViewDto[]> {
    return this.fairs.list(query, user);
  }

  @Get('fairs/:id')
  @ApiOkResponse({ type: FairViewDto })
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<FairViewDto> {
    return this.fairs.getForStaff(user, id);
  }

  @Patch('fairs/:id')
  @ApiOkResponse({ type: FairViewDto })
  @ApiErrors({ 400: ['empty_update'], 409: ['fair_locked', 'booth_count_too_small'] })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateFairDto,
  ): Promise<FairViewDto> {
    return this.fairs.update(user, id, body);
  }

  @Post('fairs/:id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: FairViewDto })
  @ApiErrors({ 409: ['invalid_transition'] })
  move(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: MoveFairDto,
  ): Promise<FairViewDto> {
    return this.fairs.move(user, id, body.status, body.reason);
  }

  @Get('fairs/:id/booths')
  @ApiOkResponse({ type: [BoothViewDto] })
  listBooths(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<BoothViewDto[]> {
    return this.booths.listForStaff(user, id);
  }

  @Post('booths/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: BoothViewDto })
  @ApiErrors({ 409: ['booth_not_pending', 'booth_number_taken', 'booths_full'] })
  approve(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ApproveBoothDto,
  ): Promise<BoothViewDto> {
    return this.booths.approve(user, id, body);
  }

  @Post('booths/:id/refuse')
  @HttpCode(200)
  @ApiOkResponse({ type: BoothViewDto })
  @ApiErrors({ 409: ['booth_not_pending'] })
  refuse(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RefuseBoothDto,
  ): Promise<BoothViewDto> {
    return this.booths.refuse(user, id, body.reason);
  }

  @Post('booths/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: BoothViewDto })
  @ApiErrors({ 409: ['invalid_transition'] })
  cancelBooth(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: CancelBoothDto,
  ): Promise<BoothViewDto> {
    return this.booths.cancel(user, id, body.reason);
  }

  /** A second scan answers 200 with alreadyCheckedIn: true. */
  @Post('fairs/:id/check-ins')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: CheckInViewDto })
  @ApiErrors({ 400: ['ticket_or_phone'], 409: ['fair_not_ongoing', 'online_fair'], 429: [] })
  checkIn(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInViewDto> {
    return this.registrations.checkIn(user, id, body);
  }

  @Post('fairs/:id/walk-ins')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: CheckInViewDto })
  @ApiErrors({ 409: ['fair_not_ongoing', 'online_fair', 'phone_not_seeker'] })
  walkIn(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: WalkInDto,
  ): Promise<CheckInViewDto> {
    return this.registrations.walkIn(user, id, body);
  }

  @Get('fairs/:id/numbers')
  @ApiOkResponse({ type: FairLiveNumbersDto })
  numbers(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<FairLiveNumbersDto> {
    return this.stats.numbers(user, id);
  }

  @Get('fairs/:id/report')
  @ExportLimited()
  @ApiFileAnswer('招聘会报表（.xlsx）', XLSX)
  async report(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.stats.reportXlsx(user, id), {
      type: XLSX,
      disposition: `attachment; filename="fair-report.xlsx"; filename*=UTF-8''${encodeURIComponent('招聘会报表.xlsx')}`,
    });
  }

  /** The window registers a person (e.g. one without a phone) for a fair; the ticket is printed. */
  @Post('fairs/:id/window-registrations')
  @HttpCode(200)
  @ApiOkResponse({ type: PaperTicketDto })
  @ApiErrors({ 403: ['outside_township'], 409: ['fair_not_open', 'online_fair'] })
  registerAtWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: WindowRegistrationDto,
  ): Promise<PaperTicketDto> {
    return this.window.register(user, id, body.seekerProfileId);
  }

  /** A page to print (opens the print dialog); errors stay JSON. */
  @Get('fairs/:id/window-registrations/:profileId/ticket')
  @ApiFileAnswer('可打印的入场券页面', 'text/html')
  async printTicket(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Param('profileId', uuidPipe) profileId: string,
  ): Promise<StreamableFile> {
    const page = await this.window.printable(user, id, profileId);
    return new StreamableFile(Buffer.from(page), {
      type: 'text/html; charset=utf-8',
      disposition: 'inline',
    });
  }

  @Get('fair-totals')
  @ApiOkResponse({ type: FairTotalsDto })
  totals(
    @CurrentUser() user: Principal,
    @Query() query: FairTotalsQueryDto,
  ): Promise<FairTotalsDto> {
    return this.stats.totals(user, query);
  }
}
