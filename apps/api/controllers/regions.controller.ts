import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RegionsService } from '@jipin/regions';
import { Access } from '../auth/access.decorator';
import { RegionTreeDto } from '../dto/operations-response.dto';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOkResponse({ type: RegionTreeDto })
  @Access('public')
  tree(): RegionTreeDto {
    return this.regions.tree;
  }
}
