import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { MessageHistoryService } from './message-history.service';
import { MessageSendService } from './message-send.service';
import type { MessageView } from './message.view';
import { ChangesQuery, HistoryQuery, SendMessageDto } from './messages.dto';

const HELD =
  'A new member’s post held for review (groups with `newMemberReview` on) has status `pending` and ' +
  '`hiddenReason: "new_member_review"`, and is absent for everyone but its author, as if its seq were unused, ' +
  'until it is shown; being shown is a change (in `changes`, and `message:updated` on the socket), since its seq ' +
  'is older than messages already delivered.';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('groups/:groupId/messages')
export class GroupMessagesController {
  constructor(
    private readonly history: MessageHistoryService,
    private readonly sends: MessageSendService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'History: newest first with `before` or no cursor, oldest first with `after`',
    description: HELD,
  })
  page(
    @CurrentUser() user: AuthUser,
    @Param('groupId') groupId: string,
    @Query() query: HistoryQuery,
  ): Promise<{ items: MessageView[]; nextCursor: number | null }> {
    return this.history.page(user, groupId, query);
  }

  @Get('changes')
  @ApiOperation({
    summary: 'Messages changed after an opaque cursor (a string); omit `since` for the current one',
    description: HELD,
  })
  changes(
    @CurrentUser() user: AuthUser,
    @Param('groupId') groupId: string,
    @Query() query: ChangesQuery,
  ): Promise<{ items: MessageView[]; nextCursor: string }> {
    return this.history.changes(user, groupId, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Send: 201 new message; 200 with the original for a repeated clientId',
    description: `Acknowledged once committed, held or not. ${HELD}`,
  })
  async send(
    @CurrentUser() user: AuthUser,
    @Param('groupId') groupId: string,
    @Body() body: SendMessageDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageView> {
    const { message, created } = await this.sends.send(user, groupId, body, 'rest');
    res.status(created ? 201 : 200);
    return message;
  }
}
