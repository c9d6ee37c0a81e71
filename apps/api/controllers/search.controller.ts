import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { VacancySearchService } from '@jipin/search';
import { Access, ClientIp } from '../auth/access.decorator';
import { SearchVacanciesQuery, SuggestQuery } from '../dto/search.dto';
import { SuggestionDto, VacancySearchResultDto } from '../dto/search-response.dto';
import { keptJson } from '../http/kept-json';
import { ApiErrors } from '../openapi/error-answers';

/** Vacancy search for everyone, signed in or not. */
@ApiTags('search')
@Controller('search')
@Access('public')
export class SearchController {
  constructor(private readonly search: VacancySearchService) {}

  @Get('vacancies')
  @ApiOkResponse({ type: VacancySearchResultDto })
  @ApiErrors({ 429: [] })
  async vacancies(
    @Query() query: SearchVacanciesQuery,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return keptJson(reply, await this.search.find(query.toQuery(), ip));
  }

  @Get('suggest')
  @ApiOkResponse({ type: [SuggestionDto] })
  @ApiErrors({ 429: [] })
  suggest(@Query() query: SuggestQuery, @ClientIp() ip: string): Promise<SuggestionDto[]> {
    return this.search.suggest(query.q, ip);
  }
}
