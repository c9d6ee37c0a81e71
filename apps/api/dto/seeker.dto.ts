import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MOBILE_PATTERN } from '@jipin/core';
import {
  CONSENT_METHODS,
  type ConsentMethod,
  DECLARED_KEY_GROUPS,
  type DeclaredKeyGroup,
  EDUCATION_LEVELS,
  type EducationLevel,
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  GENDERS,
  type Gender,
  HOUSEHOLDS,
  type Household,
  KEY_GROUPS,
  type KeyGroup,
  VISIBILITIES,
  type Visibility,
} from '@jipin/seekers';
import { Offset } from './paging';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '!日期格式应为 2024-03-01' };
const TOWNSHIP = /^\d{12}$/;
const TOWNSHIP_MESSAGE = { message: '!乡镇代码应为12位数字' };

export class EducationDto {
  @ApiProperty({ enum: EDUCATION_LEVELS, enumName: 'SeekerEducation' })
  @IsIn(EDUCATION_LEVELS, { message: '!请选择学历层次' })
  level: EducationLevel;

  @ApiProperty({ example: '江西师范大学' })
  @IsString()
  @Length(1, 100)
  school: string;

  @ApiPropertyOptional({ example: '计算机科学与技术' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  major?: string;

  @ApiProperty({ example: '2024-06-30' })
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  graduationDate: string;
}

export class WorkEntryDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  employer: string;

  @ApiProperty()
  @IsString()
  @Length(1, 50)
  position: string;

  @ApiProperty({ example: '2019-03-01' })
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  startDate: string;

  @ApiPropertyOptional({ example: '2023-12-31' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  endDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class ProfileDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50, { message: '!姓名须为1到50个字' })
  name: string;

  @ApiPropertyOptional({ enum: GENDERS, description: 'Read from the ID number when omitted' })
  @IsOptional()
  @IsIn(GENDERS, { message: '!请选择性别' })
  gender?: Gender;

  @ApiPropertyOptional({
    example: '1990-01-01',
    description: 'Read from the ID number when omitted',
  })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  birthDate?: string;

  @ApiProperty({ example: '36082219900101123X' })
  @IsString()
  @MaxLength(20)
  idNumber: string;

  @ApiProperty({ enum: HOUSEHOLDS })
  @IsIn(HOUSEHOLDS, { message: '!请选择户籍类型（城镇或农村）' })
  household: Household;

  @ApiProperty({ example: '360822101000' })
  @Matches(TOWNSHIP, TOWNSHIP_MESSAGE)
  townshipCode: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '360822101201' })
  @IsOptional()
  @Matches(TOWNSHIP, { message: '!村（社区）代码应为12位数字' })
  villageCode?: string | null;

  @ApiPropertyOptional({ type: [EducationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EducationDto)
  education?: EducationDto[];

  @ApiPropertyOptional({ type: [WorkEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WorkEntryDto)
  workHistory?: WorkEntryDto[];

  @ApiPropertyOptional({ example: ['焊工', '叉车司机'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ example: ['低压电工作业证'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  certificates?: string[];

  @ApiPropertyOptional({ example: ['6-18-02-04'], description: 'Occupation codes (GB/T 6565)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[0-9A-Za-z-]{1,20}$/, { each: true, message: '!职业代码格式不正确' })
  desiredOccupations?: string[];

  @ApiPropertyOptional({ example: ['360822101000'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(TOWNSHIP, { each: true, ...TOWNSHIP_MESSAGE })
  desiredTownships?: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3000,
    description: 'Yuan per month',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  desiredPayMin?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 5000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  desiredPayMax?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-01' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  availableFrom?: string | null;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES })
  @IsIn(EMPLOYMENT_STATUSES, { message: '!请选择就业状态' })
  employmentStatus: EmploymentStatus;

  @ApiPropertyOptional({ enum: VISIBILITIES })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;

  @ApiPropertyOptional({ description: 'Refuse personalised recommendations (PIPL art. 24)' })
  @IsOptional()
  @IsBoolean()
  recommendationOptOut?: boolean;
}

export class UpdateProfileDto extends PartialType(ProfileDto) {}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS, { message: '!请选择本人同意的方式（书面签字或口头同意并有见证人）' })
  method: ConsentMethod;

  @ApiPropertyOptional({ example: '李村主任' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  witness?: string;

  @ApiPropertyOptional({
    example: '阜田镇2026-118号',
    description: 'Where the signed form is filed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class AssistedRegistrationDto extends ProfileDto {
  @ApiPropertyOptional({
    example: '13812345678',
    description: '本人手机号；没有手机的人可不填，凭身份证登记',
  })
  @IsOptional()
  @Matches(MOBILE_PATTERN, { message: '!手机号格式不正确，应为11位中国大陆手机号' })
  phone?: string;

  @ApiPropertyOptional({ example: '13912345678', description: '家属联系电话（本人没有手机时）' })
  @IsOptional()
  @Matches(MOBILE_PATTERN, { message: '!家属联系电话格式不正确，应为11位中国大陆手机号' })
  contactPhone?: string;

  @ApiPropertyOptional({ example: '儿子', description: '联系人与本人的关系' })
  @IsOptional()
  @IsString()
  @MaxLength(20, { message: '!关系最多20个字' })
  contactRelation?: string;

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: '!请记录本人同意登记的方式（签字或见证口头同意）' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({
    example: '2026-03-10',
    description: 'Date the key groups are computed for',
  })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  asOf?: string;
}

/** The filters of the 求职者台账 (list and export). */
export class SeekerFiltersDto extends AsOfQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TOWNSHIP, TOWNSHIP_MESSAGE)
  townshipCode?: string;

  @ApiPropertyOptional({ enum: KEY_GROUPS })
  @IsOptional()
  @IsIn(KEY_GROUPS, { message: '!请选择重点群体' })
  keyGroup?: KeyGroup;

  @ApiPropertyOptional({ enum: EMPLOYMENT_STATUSES, description: '就业状态（截至 asOf）' })
  @IsOptional()
  @IsIn(EMPLOYMENT_STATUSES, { message: '!请选择就业状态' })
  status?: EmploymentStatus;

  @ApiPropertyOptional({ example: '2026-01-01', description: '登记日期起' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  registeredFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '登记日期止' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  @IsISO8601({ strict: true }, DATE_MESSAGE)
  registeredTo?: string;

  @ApiPropertyOptional({ description: '姓名（部分即可）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

export class SeekerListQueryDto extends SeekerFiltersDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @Offset()
  offset?: number;
}

export class SeekerExportQueryDto extends SeekerFiltersDto {
  @ApiPropertyOptional({
    example: '就业援助月入户走访',
    description: '导出用途（记入个人信息访问记录）',
  })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: '!导出用途至少2个字' })
  @MaxLength(100)
  purpose?: string;
}

export class SummaryQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TOWNSHIP, TOWNSHIP_MESSAGE)
  townshipCode?: string;
}

export class PiiLogQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsUUID('all', { message: '!编号格式不正确' })
  profileId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TOWNSHIP, TOWNSHIP_MESSAGE)
  townshipCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @Offset()
  offset?: number;
}

export class RevealDto {
  @ApiProperty({ enum: ['id_number', 'phone'] })
  @IsIn(['id_number', 'phone'], { message: '!请选择要查看的信息（身份证号或手机号）' })
  field: 'id_number' | 'phone';

  @ApiProperty({ example: '办理就业登记，核对身份' })
  @IsString()
  @Length(2, 200, { message: '!请填写查看的理由（2到200个字）' })
  purpose: string;
}

export class DeclareKeyGroupDto {
  @ApiProperty({ enum: DECLARED_KEY_GROUPS })
  @IsIn(DECLARED_KEY_GROUPS, {
    message: '!该重点群体类别不能申报（年龄、学历、户籍类的由系统自动判断）',
  })
  code: DeclaredKeyGroup;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class VerifyKeyGroupDto {
  @ApiProperty({ enum: DECLARED_KEY_GROUPS })
  @IsIn(DECLARED_KEY_GROUPS)
  code: DeclaredKeyGroup;

  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  decision: 'verified' | 'rejected';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class DeleteAccountDto {
  @ApiProperty({ example: '确认注销' })
  @IsIn(['确认注销'], { message: '!请输入“确认注销”以注销账号（注销后不可恢复）' })
  confirm: string;
}
