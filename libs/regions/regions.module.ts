import { Global, Module } from '@nestjs/common';
import { RegionsService } from './regions.service';

@Global()
@Module({ providers: [RegionsService], exports: [RegionsService] })
export class RegionsModule {}
