import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { NotificationService } from '@jipin/notifications';
import { Access, CurrentUser } from '../auth/access.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Access('authenticated')
  list(@CurrentUser() user: Principal, @Query('unread') unread?: string) {
    return this.notifications.list(user.userId, { unreadOnly: unread === 'true' });
  }

  @Post(':id/read')
  @HttpCode(204)
  @Access('authenticated')
  async markRead(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.notifications.markRead(user.userId, id);
  }
}
