import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type Principal } from '@jipin/accounts';
import {
  AssignmentView,
  GigAcceptanceService,
  GigBoardService,
  GigPostingService,
  GigView,
  PosterAssignmentView,
} from '@jipin/gigs';
import { Access, CurrentUser } from '../auth/access.decorator';
import { Idempotent } from '../http/idempotent.interceptor';
import { uuidPipe } from '../http/uuid.pipe';
import { GigDto, GigListQueryDto, ReasonDto } from '../dto/gig.dto';
import {
  AssignmentResponseDto,
  GigResponseDto,
  NearbyGigsResponseDto,
  PosterAssignmentResponseDto,
} from '../dto/gig-response.dto';
import { ErrorResponseDto } from '../dto/error-response.dto';

/** 零工: the board, posting by employers and individuals, one-tap acceptance. */
@ApiTags('gigs')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: '输入有误（中文说明）' })
@Controller('gigs')
export class GigsController {
  constructor(
    private readonly posting: GigPostingService,
    private readonly board: GigBoardService,
    private readonly acceptance: GigAcceptanceService,
  ) {}

  @Get()
  @Access('public')
  @ApiOkResponse({ type: [GigResponseDto], description: '某乡镇某天招人中的零工，缺人多的在前' })
  list(@Query() query: GigListQueryDto): Promise<GigView[]> {
    return this.board.open({
      townshipCode: query.townshipCode,
      dates: query.date ? [query.date] : undefined,
    });
  }

  @Get('nearby')
  @Access('seeker')
  @ApiOkResponse({
    type: NearbyGigsResponseDto,
    description: '今天和明天、在您愿意去的范围内的零工',
  })
  nearby(@CurrentUser() user: Principal) {
    return this.board.nearby(user.userId);
  }

  @Get('posted')
  @Access('employer', 'seeker', 'staff', 'admin')
  @ApiOkResponse({ type: [GigResponseDto] })
  posted(@CurrentUser() user: Principal): Promise<GigView[]> {
    return this.posting.mine(user);
  }

  @Post()
  @Access('employer', 'seeker')
  @Idempotent()
  @ApiCreatedResponse({ type: GigResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: '单位未认证或个人未实名' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '个人未结束的零工已达上限' })
  post(@CurrentUser() user: Principal, @Body() body: GigDto): Promise<GigView> {
    return this.posting.post(user, body);
  }

  @Get(':id')
  @Access('public')
  @ApiOkResponse({ type: GigResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  one(@Param('id', uuidPipe) id: string): Promise<GigView> {
    return this.board.one(id);
  }

  @Post(':id/cancel')
  @Access('employer', 'seeker', 'staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: GigResponseDto, description: '已接单和候补的工人会收到通知' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<GigView> {
    return this.posting.cancel(user, id, body.reason);
  }

  @Get(':id/assignments')
  @Access('employer', 'seeker', 'staff', 'admin')
  @ApiOkResponse({ type: [PosterAssignmentResponseDto], description: '接单和候补的工人' })
  assignments(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
  ): Promise<PosterAssignmentView[]> {
    return this.board.workersOf(user, id);
  }

  /** 201 with a place (accepted or wait-listed); 200 with the same place on a repeated tap. */
  @Post(':id/accept')
  @Access('seeker')
  @ApiCreatedResponse({ type: AssignmentResponseDto })
  @ApiOkResponse({ type: AssignmentResponseDto, description: '重复点击：原来的接单' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '时间重叠、已开工或已取消' })
  async accept(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentView> {
    const { created, assignment } = await this.acceptance.accept(user.userId, id);
    reply.status(created ? 201 : 200);
    return assignment;
  }
}
