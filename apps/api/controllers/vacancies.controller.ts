import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { VacancySearchService } from '@jipin/search';
import {
  EDUCATION_LEVELS,
  KEY_GROUPS,
  OCCUPATIONS,
  PAY_UNIT_NAMES,
  PublicVacancyService,
  SHIFT_PATTERNS,
  VACANCY_KINDS,
  WELFARE_TAGS,
} from '@jipin/vacancies';
import { Access, ClientIp } from '../auth/access.decorator';
import { PublicVacanciesQuery } from '../dto/vacancy.dto';
import { keptJson } from '../http/kept-json';
import { uuidPipe } from '../http/uuid.pipe';
import { VacancyOptionsDto, VacancyPageDto, VacancyViewDto } from '../dto/vacancy-response.dto';
import { ApiErrors } from '../openapi/error-answers';

/** The same object every time: its JSON is written (and compressed) once (kept-json.ts). */
const VACANCY_OPTIONS: VacancyOptionsDto = {
  occupations: OCCUPATIONS,
  kinds: VACANCY_KINDS,
  payUnits: PAY_UNIT_NAMES,
  education: EDUCATION_LEVELS,
  shiftPatterns: SHIFT_PATTERNS,
  welfareTags: WELFARE_TAGS,
  keyGroups: KEY_GROUPS,
};

/** Published vacancies anyone may read, and the lists a vacancy form chooses from. */
@ApiTags('vacancies')
@Controller()
@Access('public')
export class VacanciesController {
  constructor(
    private readonly vacancies: PublicVacancyService,
    private readonly search: VacancySearchService,
  ) {}

  @Get('vacancy-options')
  @ApiOkResponse({ type: VacancyOptionsDto })
  options(@Res({ passthrough: true }) reply: FastifyReply): string | Buffer {
    return keptJson(reply, VACANCY_OPTIONS);
  }

  /** The list is a search by another name (keyword, filters, pages): it counts against the same per-address budget. */
  @Get('vacancies')
  @ApiOkResponse({ type: VacancyPageDto })
  @ApiErrors({ 429: [] })
  async list(
    @Query() query: PublicVacanciesQuery,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    await this.search.countSearch(ip);
    return keptJson(reply, await this.vacancies.list(query));
  }

  @Get('vacancies/:id')
  @ApiOkResponse({ type: VacancyViewDto })
  get(@Param('id', uuidPipe) id: string): Promise<VacancyViewDto> {
    return this.vacancies.get(id);
  }
}
