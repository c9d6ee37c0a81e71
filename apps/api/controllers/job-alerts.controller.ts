import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import { JobAlertService } from '@jipin/alerts';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import {
  JobAlertDto,
  JobAlertResponse,
  JobAlertSuggestionResponse,
  UnsubscribeDto,
  UnsubscribedResponse,
} from '../dto/message.dto';

/** Saved searches and their daily digest. */
@ApiTags('job-alerts')
@ApiErrors(400, 401, 403, 404, 409)
@Controller('job-alerts')
export class JobAlertsController {
  constructor(private readonly alerts: JobAlertService) {}

  @Get()
  @Access('seeker')
  @ApiOkResponse({ type: [JobAlertResponse] })
  list(@CurrentUser() user: Principal) {
    return this.alerts.list(user.userId);
  }

  @Post()
  @Access('seeker')
  @ApiCreatedResponse({ type: JobAlertResponse })
  create(@CurrentUser() user: Principal, @Body() body: JobAlertDto) {
    return this.alerts.create(user.userId, body);
  }

  @Get('suggestion')
  @Access('seeker')
  @ApiOkResponse({ type: JobAlertSuggestionResponse })
  suggestion(@CurrentUser() user: Principal) {
    return this.alerts.suggestion(user.userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('seeker')
  async remove(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.alerts.remove(user.userId, id);
  }

  /** The link in the SMS: one tap, no login. */
  @Post('unsubscribe')
  @HttpCode(200)
  @Access('public')
  @ApiOkResponse({ type: UnsubscribedResponse })
  unsubscribe(@Body() body: UnsubscribeDto) {
    return this.alerts.unsubscribe(body.token);
  }
}
