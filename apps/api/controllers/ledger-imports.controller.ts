import { Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Principal } from '@jipin/accounts';
import {
  LedgerImportReport,
  LedgerImportService,
  LedgerTemplateService,
  SHEET_OF_KIND,
} from '@jipin/ledgers';
import { Access, CurrentUser } from '../auth/access.decorator';
import {
  ErrorBodyDto,
  LedgerImportHistoryDto,
  LedgerImportModeQuery,
  LedgerImportReportDto,
  LedgerTemplateParams,
} from '../dto/ledger.dto';
import { RawRequest, readUploadedFile, XLSX_UPLOAD } from '../http/uploaded-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import of the bureau's existing ledgers (台账) by county staff: templates, the upload, the trail. */
@ApiTags('ledger-imports')
@Controller('staff/ledger-imports')
export class LedgerImportsController {
  constructor(
    private readonly imports: LedgerImportService,
    private readonly templates: LedgerTemplateService,
  ) {}

  @Get('templates/:kind')
  @Access('staff', 'admin')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '台账模板 .xlsx（中文表头和一行示例）' })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async template(@Param() params: LedgerTemplateParams): Promise<StreamableFile> {
    const name =
      params.kind === 'all' ? '台账导入模板' : `${SHEET_OF_KIND.get(params.kind)!.name}模板`;
    return new StreamableFile(await this.templates.template(params.kind), {
      type: XLSX,
      disposition: `attachment; filename="ledger-${params.kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`,
    });
  }

  @Post()
  @Access('staff', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: LedgerImportReportDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: '文件无法读取、缺少列或工作表名称不对',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: '乡镇窗口工作人员不能导入' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: '全部正确才导入时有错误行' })
  async import(
    @CurrentUser() user: Principal,
    @Query() query: LedgerImportModeQuery,
    @RawRequest() request: FastifyRequest,
  ): Promise<LedgerImportReport> {
    this.imports.assertMayImport(user);
    const file = await readUploadedFile(request, [XLSX_UPLOAD]);
    return this.imports.import(user, file, query.mode ?? 'all_or_nothing');
  }

  @Get()
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [LedgerImportHistoryDto] })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  history(@CurrentUser() user: Principal) {
    return this.imports.history(user);
  }
}
