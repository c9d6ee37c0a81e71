import {
  Body,
  CanActivate,
  Controller,
  Delete,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { forbidden } from '@jipin/core';
import { SearchVocabularyService, VocabularyChangeView, VocabularyEntryView } from '@jipin/search';
import { Access, CurrentUser } from '../auth/access.decorator';
import {
  VocabularyChangeDto,
  VocabularyEntryDto,
  VocabularyEntryInputDto,
} from '../dto/search-vocabulary.dto';
import { uuidPipe } from '../http/uuid.pipe';
import { ApiErrors } from '../openapi/error-answers';

const VOCABULARY_CLASHES = ['vocabulary_conflict', 'vocabulary_word_exists', 'vocabulary_full'];

/**
 * One vocabulary serves the whole county: a township window may read it, not change it. A guard,
 * so the window hears that before any check of what it sent.
 */
@Injectable()
class CountyStaffOnly implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (user?.townshipCode)
      throw forbidden('vocabulary_county_only', '搜索词库全县通用，只有县级工作人员可以修改');
    return true;
  }
}

/** The job words of search that staff extend: synonyms, everyday names, narrower jobs. */
@ApiTags('staff')
@Controller('staff/search-vocabulary')
@Access('staff', 'admin')
export class StaffSearchVocabularyController {
  constructor(private readonly vocabulary: SearchVocabularyService) {}

  @Get()
  @ApiOkResponse({ type: [VocabularyEntryDto] })
  list(): Promise<VocabularyEntryView[]> {
    return this.vocabulary.list();
  }

  @Get('history')
  @ApiOkResponse({ type: [VocabularyChangeDto], description: '最近100次修改，谁在何时改了什么' })
  history(): Promise<VocabularyChangeView[]> {
    return this.vocabulary.history();
  }

  @Post()
  @UseGuards(CountyStaffOnly)
  @ApiErrors({ 400: ['vocabulary_invalid'], 409: VOCABULARY_CLASHES })
  @ApiCreatedResponse({ type: VocabularyEntryDto })
  create(
    @CurrentUser() user: Principal,
    @Body() body: VocabularyEntryInputDto,
  ): Promise<VocabularyEntryView> {
    return this.vocabulary.create(user.userId, body);
  }

  @Put(':id')
  @UseGuards(CountyStaffOnly)
  @ApiOkResponse({ type: VocabularyEntryDto })
  @ApiErrors({ 400: ['vocabulary_invalid'], 409: VOCABULARY_CLASHES })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: VocabularyEntryInputDto,
  ): Promise<VocabularyEntryView> {
    return this.vocabulary.update(user.userId, id, body);
  }

  @Delete(':id')
  @UseGuards(CountyStaffOnly)
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已删除' })
  async remove(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.vocabulary.remove(user.userId, id);
  }
}
