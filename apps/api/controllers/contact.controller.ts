import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@jipin/accounts';
import { ContactService } from '@jipin/messages';
import { Access, CurrentUser } from '../auth/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { ContactOptionsResponse, RevealedContactResponse } from '../dto/message.dto';

/** How to reach the employer of a vacancy, and the bureau's hotline. */
@ApiTags('vacancies')
@ApiErrors(400, 401, 403, 404, 429)
@Controller('vacancies/:id')
export class ContactController {
  constructor(private readonly contact: ContactService) {}

  @Get('contact')
  @Access('public')
  @ApiOkResponse({ type: ContactOptionsResponse })
  options(@Param('id', uuidPipe) id: string) {
    return this.contact.options(id);
  }

  /** The phone for the call button; counted per seeker and limited per day. */
  @Post('contact-reveal')
  @HttpCode(200)
  @Access('seeker')
  @ApiOkResponse({ type: RevealedContactResponse })
  reveal(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.contact.reveal(user, id);
  }
}
