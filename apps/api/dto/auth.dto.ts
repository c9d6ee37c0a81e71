import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MOBILE_PATTERN } from '@jipin/core';
import { SMS_CODE_PURPOSES, type SmsCodePurpose } from '@jipin/accounts';

const PHONE_MESSAGE = '!手机号格式不正确，应为11位中国大陆手机号';

export class SendSmsCodeDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ enum: SMS_CODE_PURPOSES })
  @IsIn(SMS_CODE_PURPOSES)
  purpose: SmsCodePurpose;
}

export class RegisterDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: '!验证码为6位数字' })
  code: string;

  @ApiProperty()
  @IsString()
  @MaxLength(72)
  password: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50, { message: '!姓名或称呼须为1到50个字' })
  name: string;

  @ApiProperty({ enum: ['seeker', 'employer'] })
  @IsIn(['seeker', 'employer'], { message: '!请选择求职者或招聘单位' })
  role: 'seeker' | 'employer';
}

export class LoginDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(72)
  password: string;
}

export class CodeLoginDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: '!验证码为6位数字' })
  code: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: '!验证码为6位数字' })
  code: string;

  @ApiProperty()
  @IsString()
  @MaxLength(72)
  password: string;
}

export class CreateStaffDto {
  @ApiProperty({ example: '13812345678' })
  @Matches(MOBILE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @ApiProperty()
  @IsString()
  @MaxLength(72)
  password: string;

  @ApiProperty()
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiProperty({
    required: false,
    description: 'Township code (12 digits); omit for county-wide staff',
  })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: '!乡镇代码应为12位数字' })
  townshipCode?: string;

  @ApiProperty({ enum: ['staff', 'admin'] })
  @IsIn(['staff', 'admin'])
  role: 'staff' | 'admin';
}

export class AccountSettingsDto {
  @ApiProperty()
  @IsBoolean()
  smsOptIn: boolean;
}
