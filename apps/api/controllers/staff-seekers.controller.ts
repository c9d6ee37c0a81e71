import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  KeyGroupDeclarationService,
  PiiAccessService,
  SeekerLedgerService,
  SeekerProfileService,
  SeekerView,
} from '@jipin/seekers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ExportLimited } from '../http/export-limit.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import {
  AssistedRegistrationDto,
  DeclareKeyGroupDto,
  PiiLogQueryDto,
  SeekerExportQueryDto,
  SeekerListQueryDto,
  SummaryQueryDto,
  UpdateProfileDto,
  VerifyKeyGroupDto,
} from '../dto/seeker.dto';

/** Window staff: 代录, their township's people, key-group verification and the PII audit log. */
@ApiTags('staff')
@Controller('staff')
export class StaffSeekersController {
  constructor(
    private readonly profiles: SeekerProfileService,
    private readonly declarations: KeyGroupDeclarationService,
    private readonly pii: PiiAccessService,
    private readonly ledger: SeekerLedgerService,
  ) {}

  @Post('seekers')
  @Access('staff', 'admin')
  register(
    @CurrentUser() user: Principal,
    @Body() body: AssistedRegistrationDto,
  ): Promise<SeekerView> {
    const { phone, consent, contactPhone, contactRelation, ...profile } = body;
    return this.profiles.registerAssisted(user, phone ?? null, profile, consent, {
      phone: contactPhone,
      relation: contactRelation,
    });
  }

  @Get('seekers')
  @Access('staff', 'admin')
  list(@CurrentUser() user: Principal, @Query() query: SeekerListQueryDto) {
    return this.profiles.list(user, query);
  }

  /** 求职者台账 as .xlsx: masked, at most LEDGER_EXPORT_LIMIT people, each export logged per person. */
  @Get('seekers/export')
  @Access('staff', 'admin')
  @ExportLimited()
  async export(
    @CurrentUser() user: Principal,
    @Query() query: SeekerExportQueryDto,
  ): Promise<StreamableFile> {
    const { purpose, ...filters } = query;
    const { file } = await this.ledger.export(user, filters, {
      purpose: purpose?.trim() || '导出求职者台账',
      route: 'GET /api/staff/seekers/export',
    });
    return new StreamableFile(file, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="seekers.xlsx"; filename*=UTF-8''${encodeURIComponent('求职者台账.xlsx')}`,
    });
  }

  @Get('seekers/summary')
  @Access('staff', 'admin')
  summary(@CurrentUser() user: Principal, @Query() query: SummaryQueryDto) {
    return this.profiles.summary(user, query);
  }

  @Patch('seekers/:id')
  @Access('staff', 'admin')
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateProfileDto,
  ): Promise<SeekerView> {
    return this.profiles.updateByStaff(user, id, body);
  }

  @Post('seekers/:id/key-groups')
  @Access('staff', 'admin')
  declare(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: DeclareKeyGroupDto,
  ): Promise<SeekerView> {
    return this.declarations.declareByStaff(user, id, body.code, body.note);
  }

  @Post('seekers/:id/key-groups/verify')
  @Access('staff', 'admin')
  verify(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VerifyKeyGroupDto,
  ): Promise<SeekerView> {
    return this.declarations.verify(user, id, body.code, body.decision, body.note);
  }

  @Get('pii-access-log')
  @Access('staff', 'admin')
  accessLog(@CurrentUser() user: Principal, @Query() query: PiiLogQueryDto) {
    return this.pii.listForStaff(user, query);
  }
}
