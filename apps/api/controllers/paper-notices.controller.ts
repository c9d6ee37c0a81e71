import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import { PaperNoticeService } from '@jipin/seekers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ErrorBodyDto } from '../dto/ledger.dto';
import {
  PaperNoticeDto,
  PaperNoticeQueryDto,
  PrintedCountDto,
  PrintedNoticesDto,
} from '../dto/paper-notice.dto';

/** Notifications on paper for people registered without a phone: listed, printed, handed over. */
@ApiTags('staff')
@Controller('staff/paper-notices')
export class PaperNoticesController {
  constructor(private readonly notices: PaperNoticeService) {}

  @Get()
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [PaperNoticeDto] })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  list(@CurrentUser() user: Principal, @Query() query: PaperNoticeQueryDto) {
    return this.notices.pending(user, query.townshipCode);
  }

  /** A page to print, one person per sheet; printing marks nothing until the window confirms. */
  @Get('print')
  @Access('staff', 'admin')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: '可打印的纸质通知（HTML）' })
  async print(
    @CurrentUser() user: Principal,
    @Query() query: PaperNoticeQueryDto,
  ): Promise<StreamableFile> {
    const page = await this.notices.printable(user, query.townshipCode);
    return new StreamableFile(Buffer.from(page), {
      type: 'text/html; charset=utf-8',
      disposition: 'inline',
    });
  }

  @Post('printed')
  @HttpCode(200)
  @Access('staff', 'admin')
  @ApiOkResponse({ type: PrintedCountDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async printed(@CurrentUser() user: Principal, @Body() body: PrintedNoticesDto) {
    return {
      printed: await this.notices.markPrinted(user, body.notificationIds, body.townshipCode),
    };
  }
}
