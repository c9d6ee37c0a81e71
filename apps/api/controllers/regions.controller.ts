import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RegionsService, type RegionTree } from '@jipin/regions';
import { Access } from '../auth/access.decorator';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Access('public')
  tree(): RegionTree {
    return this.regions.tree;
  }
}
