import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { MessageHistoryService } from './message-history.service';
import { MessageSendService } from './message-send.service';
import type { MessageView } from './message.view';
import { ChangesQuery, HistoryQuery, SendMessageDto } from './messages.dto';

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
  })
  changes(
    @CurrentUser() user: AuthUser,
    @Param('groupId') groupId: string,
    @Query() query: ChangesQuery,
  ): Promise<{ items: MessageView[]; nextCursor: string }> {
    return this.history.changes(user, groupId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Send: 201 new message; 200 with the original for a repeated clientId' })
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
