import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegionsService } from '@jipin/regions';
import { Access } from '../auth/access.decorator';
import { RegionTreeDto } from '../dto/operations-response.dto';
import { keptJson } from '../http/kept-json';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOkResponse({ type: RegionTreeDto })
  @Access('public')
  tree(@Res({ passthrough: true }) reply: FastifyReply): string | Buffer {
    return keptJson(reply, this.regions.tree);
  }
}
