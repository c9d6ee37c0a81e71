import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HEALTHY, HealthRegistry } from '@jipin/core';
import { Access } from '../auth/access.decorator';

interface Reply {
  status(code: number): Reply;
  send(body: unknown): void;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('live')
  @Access('public')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 names the parts that are down in fixed words; the errors themselves go to the log. */
  @Get('ready')
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
