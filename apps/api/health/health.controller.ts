import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HEALTHY, HealthRegistry } from '@jipin/core';
import { Access } from '../auth/access.decorator';
import { LiveDto, ReadinessDto } from '../dto/operations-response.dto';

interface Reply {
  status(code: number): Reply;
  send(body: unknown): void;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('live')
  @ApiOkResponse({ type: LiveDto })
  @Access('public')
  live(): LiveDto {
    return { status: 'ok' };
  }

  /** 503 names the parts that are down in fixed words; the errors themselves go to the log. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({
    type: ReadinessDto,
    description: '有部件不可用，message 说明是哪个',
  })
  @Access('public')
  async ready(@Res() reply: Reply): Promise<void> {
    const checks = await this.health.checkAll();
    const down = checks.filter((check) => !check.ok);
    reply.status(down.length ? 503 : 200).send({
      status: down.length ? 'unavailable' : 'ok',
      message: down.length ? down.map((check) => check.status).join('；') : HEALTHY,
      checks,
    });
  }
}
