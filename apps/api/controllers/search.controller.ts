import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Suggestion, VacancySearchResult, VacancySearchService } from '@jipin/search';
import { Access, ClientIp } from '../auth/access.decorator';
import { SearchVacanciesQuery, SuggestQuery } from '../dto/search.dto';

/** Vacancy search for everyone, signed in or not. */
@ApiTags('search')
@Controller('search')
@Access('public')
export class SearchController {
  constructor(private readonly search: VacancySearchService) {}

  @Get('vacancies')
  vacancies(
    @Query() query: SearchVacanciesQuery,
    @ClientIp() ip: string,
  ): Promise<VacancySearchResult> {
    return this.search.find(query.toQuery(), ip);
  }

  @Get('suggest')
  suggest(@Query() query: SuggestQuery, @ClientIp() ip: string): Promise<Suggestion[]> {
    return this.search.suggest(query.q, ip);
  }
}
