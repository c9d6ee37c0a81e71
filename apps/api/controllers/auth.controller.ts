import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccountService, AccountView, Principal, SessionService, TokenPair } from '@jipin/accounts';
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

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
  ) {}

  @Post('sms-codes')
  @HttpCode(202)
  @Access('public')
  async sendSmsCode(@Body() body: SendSmsCodeDto, @ClientIp() ip: string): Promise<{ sent: true }> {
    await this.accounts.sendCode(body.phone, body.purpose, ip);
    return { sent: true };
  }

  @Post('register')
  @Access('public')
  register(@Body() body: RegisterDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.accounts.register(body, ip);
  }

  @Post('login')
  @HttpCode(200)
  @Access('public')
  login(@Body() body: LoginDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.accounts.login(body.phone, body.password, ip);
  }

  @Post('login-with-code')
  @HttpCode(200)
  @Access('public')
  loginWithCode(@Body() body: CodeLoginDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.accounts.loginWithCode(body.phone, body.code, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access('public')
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('reset-password')
  @HttpCode(200)
  @Access('public')
  resetPassword(@Body() body: ResetPasswordDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.accounts.resetPassword(body, 'reset_password', ip);
  }

  @Post('claim')
  @HttpCode(200)
  @Access('public')
  claim(@Body() body: ResetPasswordDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.accounts.resetPassword(body, 'claim', ip);
  }

  @Post('logout')
  @HttpCode(204)
  @Access('authenticated')
  async logout(@CurrentUser() user: Principal): Promise<void> {
    await this.sessions.revoke(user.sessionId, 'logout');
  }

  @Get('me')
  @Access('authenticated')
  me(@CurrentUser() user: Principal): Promise<AccountView> {
    return this.accounts.me(user.userId);
  }

  @Patch('me/settings')
  @Access('authenticated')
  settings(@CurrentUser() user: Principal, @Body() body: AccountSettingsDto): Promise<AccountView> {
    return this.accounts.setSmsOptIn(user.userId, body.smsOptIn);
  }
}
