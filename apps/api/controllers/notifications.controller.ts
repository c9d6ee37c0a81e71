import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { NotificationService } from '@jipin/notifications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { NotificationListDto } from '../dto/operations-response.dto';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: NotificationListDto })
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  list(
    @CurrentUser() user: Principal,
    @Query('unread') unread?: string,
  ): Promise<NotificationListDto> {
    return this.notifications.list(user.userId, { unreadOnly: unread === 'true' });
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已标为已读' })
  @Access('authenticated')
  async markRead(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.notifications.markRead(user.userId, id);
  }
}
