import { Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { type Principal } from '@jipin/accounts';
import { ImportReport, VacancyImportService } from '@jipin/vacancies';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ImportModeQuery } from '../dto/vacancy.dto';
import { CSV_UPLOAD, RawRequest, readUploadedFile, XLSX_UPLOAD } from '../http/uploaded-file';

const VACANCY_SHEET_TYPES = [XLSX_UPLOAD, CSV_UPLOAD];
import { uuidPipe } from '../http/uuid.pipe';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk upload of vacancies (.xlsx or .csv) by recruiters for their company, or by staff for an employer. */
@ApiTags('vacancy-imports')
@Controller()
export class VacancyImportsController {
  constructor(private readonly imports: VacancyImportService) {}

  @Get('vacancy-imports/template')
  @Access('employer', 'staff', 'admin')
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template(), {
      type: XLSX,
      disposition: `attachment; filename="vacancy-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('岗位导入模板.xlsx')}`,
    });
  }

  @Post('employer/vacancy-imports')
  @Access('employer')
  @ApiConsumes('multipart/form-data')
  async importOwn(
    @CurrentUser() user: Principal,
    @Query() query: ImportModeQuery,
    @RawRequest() request: FastifyRequest,
  ): Promise<ImportReport> {
    const file = await readUploadedFile(request, VACANCY_SHEET_TYPES);
    return this.imports.importForOwnEmployer(user.userId, file.data, query.mode);
  }

  @Post('staff/employers/:id/vacancy-imports')
  @Access('staff', 'admin')
  @ApiConsumes('multipart/form-data')
  async importForEmployer(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) employerId: string,
    @Query() query: ImportModeQuery,
    @RawRequest() request: FastifyRequest,
  ): Promise<ImportReport> {
    const file = await readUploadedFile(request, VACANCY_SHEET_TYPES);
    return this.imports.importForEmployer(user, employerId, file.data, query.mode);
  }
}
