import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountService, type Principal, SessionService } from '@jipin/accounts';
import { Access, ClientIp, CurrentUser } from '../auth/access.decorator';
import {
  AccountSettingsDto,
  CodeLoginDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  SendSmsCodeDto,
} from '../dto/auth.dto';
import { AccountViewDto, SmsCodeSentDto, TokenPairDto } from '../dto/account-response.dto';
import { ApiErrors } from '../openapi/error-answers';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
  ) {}

  @Post('sms-codes')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SmsCodeSentDto })
  @ApiErrors({ 429: [] })
  @Access('public')
  async sendSmsCode(@Body() body: SendSmsCodeDto, @ClientIp() ip: string): Promise<SmsCodeSentDto> {
    await this.accounts.sendCode(body.phone, body.purpose, ip);
    return { sent: true };
  }

  @Post('register')
  @ApiCreatedResponse({ type: TokenPairDto })
  @ApiErrors({
    400: ['weak_password', 'sms_code_invalid'],
    409: ['phone_taken'],
    429: [],
    503: ['server_busy'],
  })
  @Access('public')
  register(@Body() body: RegisterDto, @ClientIp() ip: string): Promise<TokenPairDto> {
    return this.accounts.register(body, ip);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors({ 401: ['login_failed'], 429: [], 503: ['server_busy'] })
  @Access('public')
  login(@Body() body: LoginDto, @ClientIp() ip: string): Promise<TokenPairDto> {
    return this.accounts.login(body.phone, body.password, ip);
  }

  @Post('login-with-code')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors({ 400: ['sms_code_invalid'], 404: ['account_not_found'], 429: [] })
  @Access('public')
  loginWithCode(@Body() body: CodeLoginDto, @ClientIp() ip: string): Promise<TokenPairDto> {
    return this.accounts.loginWithCode(body.phone, body.code, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors({ 401: [] })
  @Access('public')
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('reset-password')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors({
    400: ['weak_password', 'sms_code_invalid'],
    404: ['account_not_found'],
    429: [],
    503: ['server_busy'],
  })
  @Access('public')
  resetPassword(@Body() body: ResetPasswordDto, @ClientIp() ip: string): Promise<TokenPairDto> {
    return this.accounts.resetPassword(body, 'reset_password', ip);
  }

  @Post('claim')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors({
    400: ['weak_password', 'sms_code_invalid'],
    404: ['account_not_found'],
    409: ['already_claimed'],
    429: [],
    503: ['server_busy'],
  })
  @Access('public')
  claim(@Body() body: ResetPasswordDto, @ClientIp() ip: string): Promise<TokenPairDto> {
    return this.accounts.resetPassword(body, 'claim', ip);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已退出登录' })
  @Access('authenticated')
  async logout(@CurrentUser() user: Principal): Promise<void> {
    await this.sessions.revoke(user.sessionId, 'logout');
  }

  @Get('me')
  @ApiOkResponse({ type: AccountViewDto })
  @Access('authenticated')
  me(@CurrentUser() user: Principal): Promise<AccountViewDto> {
    return this.accounts.me(user.userId);
  }

  @Patch('me/settings')
  @ApiOkResponse({ type: AccountViewDto })
  @Access('authenticated')
  settings(
    @CurrentUser() user: Principal,
    @Body() body: AccountSettingsDto,
  ): Promise<AccountViewDto> {
    return this.accounts.setSmsOptIn(user.userId, body.smsOptIn);
  }
}
