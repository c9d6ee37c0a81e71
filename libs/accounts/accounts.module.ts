import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { APP_CONFIG, AppConfig, LOGGER } from '@jipin/core';
import { AccountService } from './account.service';
import { RefreshSessionEntity } from './entities/refresh-session.entity';
import { SmsCodeEntity } from './entities/sms-code.entity';
import { UserEntity } from './entities/user.entity';
import { LoginLimits } from './login-limits';
import { SessionService } from './session.service';
import { SmsCodeService } from './sms-code.service';
import { LogSmsSender, SMS_SENDER } from './sms/sms-sender';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshSessionEntity, SmsCodeEntity]),
    JwtModule.register({}),
  ],
  providers: [
    AccountService,
    LoginLimits,
    SessionService,
    SmsCodeService,
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => {
        switch (config.sms.driver) {
          case 'log':
            return new LogSmsSender(logger);
        }
      },
    },
  ],
  exports: [AccountService, LoginLimits, SessionService, SmsCodeService, SMS_SENDER],
})
export class AccountsModule {}
