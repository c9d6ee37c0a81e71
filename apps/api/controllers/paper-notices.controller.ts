import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { PaperNoticeService } from '@jipin/seekers';
import { Access, CurrentUser } from '../auth/access.decorator';
import { PaperNoticeQueryDto, PrintedNoticesDto } from '../dto/paper-notice.dto';
import { PaperNoticeDto, PrintedCountDto } from '../dto/paper-notice-response.dto';
import { ApiFileAnswer } from '../openapi/file-answer';

/** Notifications on paper for people registered without a phone: listed, printed, handed over. */
@ApiTags('staff')
@Controller('staff/paper-notices')
export class PaperNoticesController {
  constructor(private readonly notices: PaperNoticeService) {}

  @Get()
  @Access('staff', 'admin')
  @ApiOkResponse({ type: [PaperNoticeDto] })
  list(
    @CurrentUser() user: Principal,
    @Query() query: PaperNoticeQueryDto,
  ): Promise<PaperNoticeDto[]> {
    return this.notices.pending(user, query.townshipCode);
  }

  /** A page to print, one person per sheet; printing marks nothing until the window confirms. */
  @Get('print')
  @Access('staff', 'admin')
  @ApiFileAnswer('可打印的纸质通知（HTML，每人一页）', 'text/html')
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
  async printed(
    @CurrentUser() user: Principal,
    @Body() body: PrintedNoticesDto,
  ): Promise<PrintedCountDto> {
    return {
      printed: await this.notices.markPrinted(user, body.notificationIds, body.townshipCode),
    };
  }
}
