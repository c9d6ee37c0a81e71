import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MOBILE_PATTERN } from '@jipin/core';
import { EMPLOYER_SIZES, type EmployerSize, type EmployerStatus } from '@jipin/employers';
import { PageQuery } from './paging';

const PHONE_MESSAGE = '!手机号格式不正确，应为11位中国大陆手机号';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class EmployerLicenceDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50, { message: '!请填写法定代表人姓名' })
  legalRepresentative: string;

  @ApiPropertyOptional({ example: '500万元' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  registeredCapital?: string;

  @ApiPropertyOptional({ example: '2015-06-01' })
  @IsOptional()
  @Matches(DATE, { message: '!成立日期格式应为 2015-06-01' })
  establishedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  businessScope?: string;

  @ApiPropertyOptional({ example: '2045-05-31' })
  @IsOptional()
  @Matches(DATE, { message: '!营业期限格式应为 2045-05-31' })
  validUntil?: string;
}

export class RegisterEmployerDto {
  @ApiProperty({ example: '吉水县恒达电子有限公司' })
  @IsString()
  @Length(2, 100, { message: '!单位名称须为2到100个字' })
  name: string;

  @ApiProperty({ example: '91360822MA35XXXXXX' })
  @IsString()
  @MaxLength(30)
  creditCode: string;

  @ApiProperty({ example: '电子元器件制造' })
  @IsString()
  @Length(1, 50, { message: '!请填写所属行业' })
  industry: string;

  @ApiProperty({ enum: EMPLOYER_SIZES })
  @IsIn(EMPLOYER_SIZES, { message: '!请选择单位规模' })
  size: EmployerSize;

  @ApiProperty()
  @IsString()
  @Length(2, 200, { message: '!请填写单位地址' })
  address: string;

  @ApiProperty({ example: '360822100000' })
  @IsString()
  townshipCode: string;

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
  @Length(1, 50, { message: '!请填写联系人' })
  contactName: string;

  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  contactPhone: string;

  @ApiProperty({ type: EmployerLicenceDto })
  @ValidateNested()
  @Type(() => EmployerLicenceDto)
  licence: EmployerLicenceDto;
}

export class UpdateEmployerDto extends PartialType(RegisterEmployerDto) {}

export class InviteRecruiterDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;
}

export class EmployerDecisionDto {
  @ApiPropertyOptional({ example: '营业执照信息与登记不符' })
  @IsOptional()
  @IsString()
  @Length(1, 500, { message: '!原因须为1到500个字' })
  reason?: string;
}

export class EmployerReasonDto {
  @ApiProperty({ example: '营业执照信息与登记不符' })
  @IsString()
  @Length(1, 500, { message: '!请填写原因（1到500个字）' })
  reason: string;
}

export class ListEmployersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'verified', 'rejected', 'suspended'] })
  @IsOptional()
  @IsIn(['pending', 'verified', 'rejected', 'suspended'])
  status?: EmployerStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  townshipCode?: string;
}
