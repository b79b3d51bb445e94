import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { SessionPlanningService } from './session-planning.service';
import { SessionView } from './session.view';
import { CreateSessionDto, ListSessionsQuery, RsvpDto, UpdateSessionDto } from './sessions.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly planning: SessionPlanningService,
  ) {}

  @Post('groups/:id/sessions')
  @ApiOperation({ summary: 'Schedules a session or a series (moderator of the group, admin)' })
  async create(
    @CurrentUser() user: AuthUser,
    @Param('id') groupId: string,
    @Body() body: CreateSessionDto,
  ): Promise<{ items: SessionView[] }> {
    return { items: await this.planning.create(user, groupId, body) };
  }

  @Get('groups/:id/sessions')
  @ApiOperation({ summary: 'Sessions overlapping [from, to); default: from now, 90 days' })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('id') groupId: string,
    @Query() query: ListSessionsQuery,
  ): Promise<{ items: SessionView[] }> {
    return { items: await this.sessions.list(user, groupId, query.from, query.to) };
  }

  @Get('sessions/:id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SessionView> {
    return this.sessions.get(user, id);
  }

  @Patch('sessions/:id')
  @ApiOperation({ summary: 'Moves or changes one occurrence (moderator of the group, admin)' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateSessionDto,
  ): Promise<SessionView> {
    return this.planning.reschedule(user, id, body);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancels one occurrence; members who answered are told' })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.planning.cancel(user, id);
  }

  @Post('sessions/:id/rsvp')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answers going or not_going; returns the session' })
  rsvp(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: RsvpDto,
  ): Promise<SessionView> {
    return this.sessions.rsvp(user, id, body.status);
  }
}
