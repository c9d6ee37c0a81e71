import { ApiProperty } from '@nestjs/swagger';
import { AccountView, type Role, TokenPair } from '@jipin/accounts';
import { DateTimeField, EnumField, Nullable } from './response-fields';

export class TokenPairDto implements TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: '访问令牌的有效秒数' }) expiresIn: number;
}

export class AccountViewDto implements AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @EnumField(['seeker', 'employer', 'staff', 'admin'], 'Role') role: Role;
  @ApiProperty() name: string;
  @ApiProperty({ description: '脱敏（138****5678）' }) phone: string;
  @Nullable(String) townshipCode: string | null;
  @ApiProperty() smsOptIn: boolean;
  @DateTimeField() createdAt: Date;
}

export class SmsCodeSentDto {
  @ApiProperty({ enum: [true] }) sent: true;
}
