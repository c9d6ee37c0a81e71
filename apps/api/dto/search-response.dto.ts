import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FACET_NAMES,
  Facets,
  SEARCH_SORTS,
  SearchHit,
  type SearchSort,
  Suggestion,
  VacancySearchResult,
} from '@jipin/search';
import { EDUCATION_LEVELS, PAY_UNIT_NAMES, VACANCY_KINDS } from '@jipin/vacancies';
import { EnumField, Nullable, StringList } from './response-fields';

export class HighlightsDto {
  @ApiProperty({ description: '标题，命中的词包在 <em> 中（已转义 HTML）' }) title: string;
  @ApiProperty({ description: '描述片段，命中的词包在 <em> 中' }) description: string;
}

/** One search result: the card's fields from the index. */
export class SearchHitDto implements SearchHit {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() occupationName: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() employerName: string;
  @StringList() tags: string[];
  @EnumField(VACANCY_KINDS, 'VacancyKind') kind: string;
  @ApiProperty() townshipCode: string;
  @ApiProperty() payMin: number;
  @ApiProperty() payMax: number;
  @EnumField(PAY_UNIT_NAMES, 'PayUnit') payUnit: string;
  @EnumField(EDUCATION_LEVELS, 'VacancyEducation') education: string;
  @StringList() welfareTags: string[];
  @ApiProperty() keyGroupFriendly: boolean;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @StringList() fairIds: string[];
  @Nullable(Number) lat: number | null;
  @Nullable(Number) lng: number | null;
  @ApiProperty({ type: HighlightsDto }) highlights: HighlightsDto;
  @ApiPropertyOptional() distanceKm?: number;
}

const counts = () =>
  ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '取值 → 条数',
  });

export class FacetsDto implements Facets {
  @counts() kind: Record<string, number>;
  @counts() townshipCode: Record<string, number>;
  @counts() occupationCode: Record<string, number>;
  @counts() education: Record<string, number>;
  @counts() welfareTags: Record<string, number>;
}

export class UnderstoodTermDto {
  @ApiProperty() typed: string;
  @ApiPropertyOptional({ description: '错别字按这个词理解' }) readAs?: string;
}

export class UnderstoodQueryDto {
  @ApiProperty({ type: [UnderstoodTermDto] }) terms: UnderstoodTermDto[];
  @ApiProperty({ enum: ['nearby', 'highPay', 'hiring'], isArray: true })
  intents: ('nearby' | 'highPay' | 'hiring')[];
  @StringList() ignored: string[];
  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    enumName: 'SearchSort',
    description: '由意图选择的排序',
  })
  sort?: SearchSort;
}

export class SearchRescueDto {
  @StringList('能找到岗位的相关搜索') related: string[];
  @ApiProperty({ type: [SearchHitDto] }) newest: SearchHitDto[];
}

export class VacancySearchResultDto implements VacancySearchResult {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty() total: number;
  @ApiPropertyOptional() totalCapped?: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiPropertyOptional({ type: FacetsDto, description: `分面：${FACET_NAMES.join('、')}` })
  facets?: FacetsDto;
  @ApiPropertyOptional({ type: UnderstoodQueryDto }) understood?: UnderstoodQueryDto;
  @ApiPropertyOptional({ type: [String] }) matchedTerms?: string[];
  @ApiPropertyOptional({ type: [String] }) unmatchedTerms?: string[];
  @ApiPropertyOptional() partial?: boolean;
  @ApiPropertyOptional({ type: SearchRescueDto }) rescue?: SearchRescueDto;
}

export class SuggestionDto implements Suggestion {
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['title', 'occupation', 'word'] }) type: 'title' | 'occupation' | 'word';
}
