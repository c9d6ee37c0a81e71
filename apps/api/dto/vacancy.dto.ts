import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONTACT_MODES,
  type ContactMode,
  type Education,
  EDUCATION_LEVELS,
  type Eligibility,
  PAY_UNITS,
  type PayUnit,
  SHIFT_PATTERNS,
  type ShiftPattern,
  VACANCY_KINDS,
  VACANCY_STATUS_NAMES,
  type VacancyKind,
  type VacancyStatus,
} from '@jipin/vacancies';
import { PageQuery } from './paging';
import { EligibilityDto } from './vacancy-response.dto';

// Types and shapes only: the vacancy rules (dates, pay, wording, eligibility)
// are checked once in @jipin/vacancies, the same for forms and import files.

export class PayDto {
  @ApiProperty({ example: 4000 })
  @IsNumber({}, { message: '!最低薪资须为数字' })
  min: number;

  @ApiProperty({ example: 6000 })
  @IsNumber({}, { message: '!最高薪资须为数字' })
  max: number;

  @ApiProperty({ enum: PAY_UNITS })
  @IsIn(PAY_UNITS, { message: '!计薪单位须为 month、day、hour 或 piece' })
  unit: PayUnit;
}

export class VacancyFieldsDto {
  @ApiProperty({ example: '电子设备装配工' })
  @IsString()
  @MaxLength(100)
  title: string;

  @ApiProperty({ example: '6-25-04-01' })
  @IsString()
  @MaxLength(20)
  occupationCode: string;

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  requirements?: string;

  @ApiProperty({ enum: Object.keys(VACANCY_KINDS) })
  @IsIn(Object.keys(VACANCY_KINDS))
  kind: VacancyKind;

  @ApiProperty({ example: 10 })
  @IsInt()
  headcount: number;

  @ApiProperty({ type: PayDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PayDto)
  pay: PayDto;

  @ApiPropertyOptional({ enum: Object.keys(EDUCATION_LEVELS) })
  @IsOptional()
  @IsIn(Object.keys(EDUCATION_LEVELS))
  education?: Education;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  ageMin?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  ageMax?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  experienceYears?: number;

  @ApiPropertyOptional({ example: ['五险一金', '包吃'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  welfareTags?: string[];

  @ApiPropertyOptional({ enum: Object.keys(SHIFT_PATTERNS) })
  @IsOptional()
  @IsIn(Object.keys(SHIFT_PATTERNS))
  shiftPattern?: ShiftPattern;

  @ApiProperty({ example: '360822100000' })
  @IsString()
  townshipCode: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  address: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLongitude()
  lng?: number;

  @ApiProperty()
  @IsString()
  @MaxLength(50)
  contactName: string;

  @ApiProperty({ example: '13812345678' })
  @IsString()
  contactPhone: string;

  @ApiPropertyOptional({ enum: Object.keys(CONTACT_MODES), enumName: 'ContactMode' })
  @IsOptional()
  @IsString()
  contactMode?: ContactMode;

  @ApiProperty({ example: '2026-12-01' })
  @IsString()
  startDate: string;

  @ApiProperty({ example: '2027-01-31' })
  @IsString()
  expiresAt: string;

  @ApiPropertyOptional({ example: ['poverty_alleviated'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  targetKeyGroups?: string[];

  @ApiPropertyOptional({
    type: () => EligibilityDto,
    description: '公益性岗位、见习岗位的招用条件',
    example: { keyGroups: ['poverty_alleviated'], ageMin: 18, ageMax: 60 },
  })
  @IsOptional()
  @IsObject()
  eligibility?: Eligibility;
}

export class CreateVacancyDto extends VacancyFieldsDto {
  @ApiPropertyOptional({ description: '保存后立即提交发布', default: false })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

export class UpdateVacancyDto extends PartialType(VacancyFieldsDto) {
  @ApiProperty({ description: '编辑时看到的版本号', example: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class VacancyReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty({ example: '岗位描述含有性别限制' })
  @IsString()
  @Length(1, 500, { message: '!请填写原因（1到500个字）' })
  reason: string;
}

export class OwnVacanciesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Object.keys(VACANCY_STATUS_NAMES) })
  @IsOptional()
  @IsIn(Object.keys(VACANCY_STATUS_NAMES))
  status?: VacancyStatus;
}

export class PublicVacanciesQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  townshipCode?: string;

  @ApiPropertyOptional({ enum: Object.keys(VACANCY_KINDS) })
  @IsOptional()
  @IsIn(Object.keys(VACANCY_KINDS))
  kind?: VacancyKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  occupationCode?: string;

  @ApiPropertyOptional({ enum: PAY_UNITS })
  @IsOptional()
  @IsIn(PAY_UNITS)
  payUnit?: PayUnit;

  @ApiPropertyOptional({ description: '岗位名称或单位名称中的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;
}

export class ImportModeQuery {
  @ApiProperty({
    enum: ['all_or_nothing', 'row_by_row'],
    description: 'all_or_nothing：有任何错误行则全部不导入；row_by_row：导入正确的行，列出错误行',
  })
  @IsIn(['all_or_nothing', 'row_by_row'], {
    message: '!请选择导入方式：all_or_nothing（全部正确才导入）或 row_by_row（逐行导入）',
  })
  mode: 'all_or_nothing' | 'row_by_row';
}
