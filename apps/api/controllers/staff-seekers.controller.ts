import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import {
  KeyGroupDeclarationService,
  PiiAccessService,
  SeekerLedgerService,
  SeekerProfileService,
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
import {
  PiiAccessLogPageDto,
  SeekerPageDto,
  SeekerSummaryDto,
  SeekerViewDto,
} from '../dto/seeker-response.dto';
import { ApiErrors } from '../openapi/error-answers';
import { ApiFileAnswer } from '../openapi/file-answer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  @ApiCreatedResponse({ type: SeekerViewDto })
  @ApiErrors({
    400: ['invalid_id_number', 'id_number_mismatch', 'consent_witness_required'],
    403: ['outside_township'],
    409: ['duplicate_id_number', 'phone_taken'],
  })
  register(
    @CurrentUser() user: Principal,
    @Body() body: AssistedRegistrationDto,
  ): Promise<SeekerViewDto> {
    const { phone, consent, contactPhone, contactRelation, ...profile } = body;
    return this.profiles.registerAssisted(user, phone ?? null, profile, consent, {
      phone: contactPhone,
      relation: contactRelation,
    });
  }

  @Get('seekers')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: SeekerPageDto })
  list(@CurrentUser() user: Principal, @Query() query: SeekerListQueryDto): Promise<SeekerPageDto> {
    return this.profiles.list(user, query);
  }

  /** 求职者台账 as .xlsx: masked, at most LEDGER_EXPORT_LIMIT people, each export logged per person. */
  @Get('seekers/export')
  @Access('staff', 'admin')
  @ExportLimited()
  @ApiFileAnswer('求职者台账（.xlsx，已脱敏）', XLSX)
  @ApiErrors({ 400: ['export_too_large'] })
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
      type: XLSX,
      disposition: `attachment; filename="seekers.xlsx"; filename*=UTF-8''${encodeURIComponent('求职者台账.xlsx')}`,
    });
  }

  @Get('seekers/summary')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: SeekerSummaryDto })
  summary(
    @CurrentUser() user: Principal,
    @Query() query: SummaryQueryDto,
  ): Promise<SeekerSummaryDto> {
    return this.profiles.summary(user, query);
  }

  @Patch('seekers/:id')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: SeekerViewDto })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateProfileDto,
  ): Promise<SeekerViewDto> {
    return this.profiles.updateByStaff(user, id, body);
  }

  @Post('seekers/:id/key-groups')
  @Access('staff', 'admin')
  @ApiCreatedResponse({ type: SeekerViewDto })
  declare(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: DeclareKeyGroupDto,
  ): Promise<SeekerViewDto> {
    return this.declarations.declareByStaff(user, id, body.code, body.note);
  }

  @Post('seekers/:id/key-groups/verify')
  @Access('staff', 'admin')
  @ApiCreatedResponse({ type: SeekerViewDto })
  verify(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VerifyKeyGroupDto,
  ): Promise<SeekerViewDto> {
    return this.declarations.verify(user, id, body.code, body.decision, body.note);
  }

  @Get('pii-access-log')
  @Access('staff', 'admin')
  @ApiOkResponse({ type: PiiAccessLogPageDto })
  accessLog(
    @CurrentUser() user: Principal,
    @Query() query: PiiLogQueryDto,
  ): Promise<PiiAccessLogPageDto> {
    return this.pii.listForStaff(user, query);
  }
}
