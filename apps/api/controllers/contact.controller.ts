import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@jipin/accounts';
import { ContactService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../openapi/error-answers';
import { uuidPipe } from '../http/uuid.pipe';
import { ContactOptionsDto, RevealedContactDto } from '../dto/message-response.dto';

/** How to reach the employer of a vacancy, and the bureau's hotline. */
@ApiTags('vacancies')
@Controller('vacancies/:id')
export class ContactController {
  constructor(private readonly contact: ContactService) {}

  @Get('contact')
  @Access('public')
  @ApiOkResponse({ type: ContactOptionsDto })
  options(@Param('id', uuidPipe) id: string): Promise<ContactOptionsDto> {
    return this.contact.options(id);
  }

  /** The phone for the call button; counted per seeker and limited per day. */
  @Post('contact-reveal')
  @HttpCode(200)
  @Access('seeker')
  @ApiOkResponse({ type: RevealedContactDto })
  @ApiErrors({ 403: ['messages_only', 'apply_first'], 429: [] })
  reveal(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<RevealedContactDto> {
    return this.contact.reveal(user, id);
  }
}
