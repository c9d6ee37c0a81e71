import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthRegistry } from '@jipin/core';
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

  @Get('ready')
  @Access('public')
  async ready(@Res() reply: Reply): Promise<void> {
    const checks = await this.health.checkAll();
    const ok = checks.every((check) => check.ok);
    reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  }
}
