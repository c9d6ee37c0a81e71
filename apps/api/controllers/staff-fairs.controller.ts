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
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  BoothService,
  BoothView,
  CheckInView,
  FairService,
  FairStatsService,
  FairView,
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
  create(@CurrentUser() user: Principal, @Body() body: FairDto): Promise<FairView> {
    return this.fairs.create(user, body);
  }

  @Get('fairs')
  list(@CurrentUser() user: Principal, @Query() query: FairListQueryDto): Promise<FairView[]> {
    return this.fairs.list(query, user);
  }

  @Get('fairs/:id')
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<FairView> {
    return this.fairs.getForStaff(user, id);
  }

  @Patch('fairs/:id')
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateFairDto,
  ): Promise<FairView> {
    return this.fairs.update(user, id, body);
  }

  @Post('fairs/:id/status')
  @HttpCode(200)
  move(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: MoveFairDto,
  ): Promise<FairView> {
    return this.fairs.move(user, id, body.status, body.reason);
  }

  @Get('fairs/:id/booths')
  listBooths(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<BoothView[]> {
    return this.booths.listForStaff(user, id);
  }

  @Post('booths/:id/approve')
  @HttpCode(200)
  approve(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ApproveBoothDto,
  ): Promise<BoothView> {
    return this.booths.approve(user, id, body);
  }

  @Post('booths/:id/refuse')
  @HttpCode(200)
  refuse(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: RefuseBoothDto,
  ): Promise<BoothView> {
    return this.booths.refuse(user, id, body.reason);
  }

  @Post('booths/:id/cancel')
  @HttpCode(200)
  cancelBooth(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: CancelBoothDto,
  ): Promise<BoothView> {
    return this.booths.cancel(user, id, body.reason);
  }

  /** A second scan answers 200 with alreadyCheckedIn: true. */
  @Post('fairs/:id/check-ins')
  @HttpCode(200)
  @Idempotent()
  checkIn(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInView> {
    return this.registrations.checkIn(user, id, body);
  }

  @Post('fairs/:id/walk-ins')
  @HttpCode(200)
  @Idempotent()
  walkIn(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: WalkInDto,
  ): Promise<CheckInView> {
    return this.registrations.walkIn(user, id, body);
  }

  @Get('fairs/:id/numbers')
  numbers(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.stats.numbers(user, id);
  }

  @Get('fairs/:id/report')
  @ExportLimited()
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
  registerAtWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: WindowRegistrationDto,
  ) {
    return this.window.register(user, id, body.seekerProfileId);
  }

  /** A page to print (opens the print dialog); errors stay JSON. */
  @Get('fairs/:id/window-registrations/:profileId/ticket')
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
  totals(@CurrentUser() user: Principal, @Query() query: FairTotalsQueryDto) {
    return this.stats.totals(user, query);
  }
}
