import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { JobAlertService } from '@jipin/alerts';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../openapi/error-answers';
import { uuidPipe } from '../http/uuid.pipe';
import { JobAlertDto, UnsubscribeDto } from '../dto/message.dto';
import {
  JobAlertSuggestionDto,
  JobAlertViewDto,
  UnsubscribedDto,
} from '../dto/message-response.dto';

/** Saved searches and their daily digest. */
@ApiTags('job-alerts')
@Controller('job-alerts')
export class JobAlertsController {
  constructor(private readonly alerts: JobAlertService) {}

  @Get()
  @Access('seeker')
  @ApiOkResponse({ type: [JobAlertViewDto] })
  list(@CurrentUser() user: Principal): Promise<JobAlertViewDto[]> {
    return this.alerts.list(user.userId);
  }

  @Post()
  @Access('seeker')
  @ApiCreatedResponse({ type: JobAlertViewDto })
  @ApiErrors({ 400: ['invalid_alert'], 409: ['too_many_alerts'] })
  create(@CurrentUser() user: Principal, @Body() body: JobAlertDto): Promise<JobAlertViewDto> {
    return this.alerts.create(user.userId, body);
  }

  @Get('suggestion')
  @Access('seeker')
  @ApiOkResponse({ type: JobAlertSuggestionDto })
  suggestion(@CurrentUser() user: Principal): Promise<JobAlertSuggestionDto> {
    return this.alerts.suggestion(user.userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已删除订阅' })
  @Access('seeker')
  async remove(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.alerts.remove(user.userId, id);
  }

  /** The link in the SMS: one tap, no login. */
  @Post('unsubscribe')
  @HttpCode(200)
  @Access('public')
  @ApiOkResponse({ type: UnsubscribedDto })
  unsubscribe(@Body() body: UnsubscribeDto): Promise<UnsubscribedDto> {
    return this.alerts.unsubscribe(body.token);
  }
}
