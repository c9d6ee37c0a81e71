import {
  applyDecorators,
  Controller,
  Get,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { VacancyImportService } from '@jipin/vacancies';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ImportModeQuery } from '../dto/vacancy.dto';
import { ImportReportDto } from '../dto/vacancy-response.dto';
import { CSV_UPLOAD, RawRequest, readUploadedFile, XLSX_UPLOAD } from '../http/uploaded-file';
import { uuidPipe } from '../http/uuid.pipe';
import { ApiErrors } from '../openapi/error-answers';
import { ApiFileAnswer } from '../openapi/file-answer';

const VACANCY_SHEET_TYPES = [XLSX_UPLOAD, CSV_UPLOAD];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An upload route: one .xlsx or .csv in the field `file`, answered with the import report. */
const VacancySheetUpload = () =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description: '.xlsx 或 .csv' } },
      },
    }),
    ApiCreatedResponse({ type: ImportReportDto }),
    ApiErrors({
      400: ['multipart_invalid', 'import_empty'],
      413: [],
      415: [],
      422: ['import_has_errors'],
    }),
  );

/** Bulk upload of vacancies (.xlsx or .csv) by recruiters for their company, or by staff for an employer. */
@ApiTags('vacancy-imports')
@Controller()
export class VacancyImportsController {
  constructor(private readonly imports: VacancyImportService) {}

  @Get('vacancy-imports/template')
  @ApiFileAnswer('岗位导入模板（.xlsx）', XLSX)
  @Access('employer', 'staff', 'admin')
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template(), {
      type: XLSX,
      disposition: `attachment; filename="vacancy-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('岗位导入模板.xlsx')}`,
    });
  }

  @Post('employer/vacancy-imports')
  @Access('employer')
  @VacancySheetUpload()
  async importOwn(
    @CurrentUser() user: Principal,
    @Query() query: ImportModeQuery,
    @RawRequest() request: FastifyRequest,
  ): Promise<ImportReportDto> {
    const file = await readUploadedFile(request, VACANCY_SHEET_TYPES);
    return this.imports.importForOwnEmployer(user.userId, file.data, query.mode);
  }

  @Post('staff/employers/:id/vacancy-imports')
  @Access('staff', 'admin')
  @VacancySheetUpload()
  async importForEmployer(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) employerId: string,
    @Query() query: ImportModeQuery,
    @RawRequest() request: FastifyRequest,
  ): Promise<ImportReportDto> {
    const file = await readUploadedFile(request, VACANCY_SHEET_TYPES);
    return this.imports.importForEmployer(user, employerId, file.data, query.mode);
  }
}
