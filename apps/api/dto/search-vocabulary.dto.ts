import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { WORDS_PER_LIST } from '@jipin/search';

// Generous bounds here refuse huge bodies early; the Chinese rules are checked by the service.
const LIST_LIMIT = { message: `!每一栏最多填写${WORDS_PER_LIST}个词` };
const TEXT_LIMIT = { message: '!每个词最多12个字', each: true };

/** A word staff add to the search vocabulary, with its synonyms and everyday names. */
export class VocabularyEntryInputDto {
  @ApiProperty({ example: '普工', description: '岗位词（2到12个字）' })
  @IsString({ message: '!请填写词语' })
  @MaxLength(40, { message: '!词语最多12个字' })
  word: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['杂工', '小工'],
    description: '同义词和俗称：与词语指同一个工种，搜任何一个都能找到其他的',
  })
  @IsOptional()
  @IsArray({ message: '!同义词须是一组词' })
  @ArrayMaxSize(WORDS_PER_LIST, LIST_LIMIT)
  @IsString({ each: true, message: '!同义词须是文字' })
  @MaxLength(40, TEXT_LIMIT)
  synonyms?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['装配工', '包装工'],
    description: '包含的工种：搜词语时也找到它们（反过来不会）',
  })
  @IsOptional()
  @IsArray({ message: '!包含的工种须是一组词' })
  @ArrayMaxSize(WORDS_PER_LIST, LIST_LIMIT)
  @IsString({ each: true, message: '!包含的工种须是文字' })
  @MaxLength(40, TEXT_LIMIT)
  narrower?: string[];
}

export class VocabularyEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '普工' })
  word: string;
  @ApiProperty({ type: [String] })
  synonyms: string[];
  @ApiProperty({ type: [String] })
  narrower: string[];
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

class VocabularyWordsDto {
  @ApiProperty()
  word: string;
  @ApiProperty({ type: [String] })
  synonyms: string[];
  @ApiProperty({ type: [String] })
  narrower: string[];
}

export class VocabularyChangeDto {
  @ApiProperty()
  id: string;
  @ApiProperty({ format: 'uuid' })
  entryId: string;
  @ApiProperty({ enum: ['created', 'updated', 'deleted'] })
  action: 'created' | 'updated' | 'deleted';
  @ApiProperty()
  word: string;
  @ApiProperty({ type: VocabularyWordsDto, nullable: true })
  before: VocabularyWordsDto | null;
  @ApiProperty({ type: VocabularyWordsDto, nullable: true })
  after: VocabularyWordsDto | null;
  @ApiProperty({ format: 'uuid', description: '修改人（工作人员账号）' })
  changedBy: string;
  @ApiProperty({ format: 'date-time' })
  changedAt: string;
}
