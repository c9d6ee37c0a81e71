import { Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { LedgerImportService, LedgerTemplateService, SHEET_OF_KIND } from '@jipin/ledgers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { LedgerImportModeQuery, LedgerTemplateParams } from '../dto/ledger.dto';
import { LedgerImportHistoryDto, LedgerImportReportDto } from '../dto/ledger-response.dto';
import { RawRequest, readUploadedFile, XLSX_UPLOAD } from '../http/uploaded-file';
import { ApiErrors } from '../openapi/error-answers';
import { ApiFileAnswer } from '../openapi/file-answer';

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
  @ApiFileAnswer('台账模板 .xlsx（中文表头和一行示例）', XLSX)
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
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '台账工作簿 .xlsx' } },
    },
  })
  @ApiCreatedResponse({ type: LedgerImportReportDto })
  // 400: unreadable file, missing columns or sheets; 403: township window staff may not import;
  // 422: errors in rows when everything must be right (details name sheet and line).
  @ApiErrors({
    400: [
      'multipart_invalid',
      'import_empty',
      'import_unreadable',
      'import_missing_columns',
      'import_too_many_rows',
      'import_too_many_sheets',
    ],
    403: ['ledger_import_county_only'],
    413: [],
    415: [],
    422: ['import_has_errors'],
    503: ['import_busy'],
  })
  async import(
    @CurrentUser() user: Principal,
    @Query() query: LedgerImportModeQuery,
    @RawRequest() request: FastifyRequest,
  ): Promise<LedgerImportReportDto> {
    this.imports.assertMayImport(user);
    const file = await readUploadedFile(request, [XLSX_UPLOAD]);
    return this.imports.import(user, file, query.mode ?? 'all_or_nothing');
  }

  @Get()
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [LedgerImportHistoryDto] })
  history(@CurrentUser() user: Principal) {
    return this.imports.history(user);
  }
}
