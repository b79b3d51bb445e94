import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { Errors } from '@kintsugi/platform';
import { MessageEditsService } from './message-edits.service';
import { REACTION_KINDS, ReactionKind } from './message.entity';
import type { MessageView } from './message.view';
import { EditMessageDto, ReactDto } from './messages.dto';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages/:id')
export class MessagesController {
  constructor(private readonly edits: MessageEditsService) {}

  @Patch()
  edit(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: EditMessageDto,
  ): Promise<MessageView> {
    return this.edits.edit(user, id, body.body);
  }

  @Delete()
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.edits.remove(user, id);
  }

  @Post('reactions')
  @ApiOperation({
    summary: 'React: 201 with the message; a repeat of the same kind is idempotent (no toggle)',
  })
  react(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ReactDto,
  ): Promise<MessageView> {
    return this.edits.react(user, id, body.kind);
  }

  @Delete('reactions/:kind')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take back one of your reactions (204, also when there was none)' })
  unreact(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('kind') kind: string,
  ): Promise<void> {
    if (!(REACTION_KINDS as readonly string[]).includes(kind)) {
      throw Errors.validation([
        { field: 'kind', problem: `must be one of ${REACTION_KINDS.join(', ')}` },
      ]);
    }
    return this.edits.unreact(user, id, kind as ReactionKind);
  }
}
