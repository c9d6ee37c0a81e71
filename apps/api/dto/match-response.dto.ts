import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SeekerRecommendations, TalentRecommendations } from '@jipin/matching';
import { DateTimeField, EnumField, StringList } from './response-fields';
import { PAY_UNIT_NAMES } from '@jipin/vacancies';

type SeekerRecommendation = SeekerRecommendations['items'][number];
type TalentRecommendation = TalentRecommendations['items'][number];

/** The matching lib keeps the unit as text; its values are the pay units. */
export class RecommendedPayDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @EnumField(PAY_UNIT_NAMES, 'PayUnit') unit: string;
}

export class RecommendedVacancyDto implements SeekerRecommendation {
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiPropertyOptional({ type: String }) townshipName: string | undefined;
  @ApiProperty({ type: RecommendedPayDto }) pay: RecommendedPayDto;
  @ApiProperty() score: number;
  @ApiProperty({ description: '推荐理由（中文）' }) explanation: string;
  @DateTimeField() computedAt: Date;
}

/** 为你推荐: empty, with a message, when the seeker switched personalised recommendation off. */
export class SeekerRecommendationsDto implements SeekerRecommendations {
  @ApiProperty() personalised: boolean;
  @ApiPropertyOptional() message?: string;
  @ApiProperty({ type: [RecommendedVacancyDto] }) items: RecommendedVacancyDto[];
}

export class RecommendedSeekerDto implements TalentRecommendation {
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ description: '只显示姓氏（张**）' }) name: string;
  @ApiProperty() gender: string;
  @ApiProperty() age: number;
  @ApiProperty({ type: String, nullable: true, description: '最高学历（中文名称）' })
  education: string | null;
  @ApiPropertyOptional({ type: String }) townshipName: string | undefined;
  @StringList() skills: string[];
  @StringList() desiredOccupations: string[];
  @ApiProperty() score: number;
  @ApiProperty() explanation: string;
  @DateTimeField() computedAt: Date;
}

/** 推荐人才: seekers open to employers, name masked, no key-group reason. */
export class TalentRecommendationsDto implements TalentRecommendations {
  @ApiProperty({ format: 'uuid' }) vacancyId: string;
  @ApiProperty({ type: [RecommendedSeekerDto] }) items: RecommendedSeekerDto[];
}
