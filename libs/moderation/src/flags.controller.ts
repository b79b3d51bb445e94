import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { FlagMessageDto, FlagView } from './flags.dto';
import { FlagsService } from './flags.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Post(':id/flags')
  @ApiOperation({
    summary:
      'Flags a message for review (once per member: 409 ALREADY_FLAGGED); answers the caller’s flag',
    description:
      'The flag joins the message’s one open review item as a member reason (the note stays with the flag). ' +
      'Member flags are normal priority, except `crisis`: urgent, the group’s online moderators get `moderation:alert` ' +
      'and the author privately gets `crisis_resources`. Flags from MOD_AUTOHIDE_FLAGS different members since the ' +
      'last review hide the message (hiddenReason `flags`). Counted against RATE_LIMIT_FLAG per member.',
  })
  flag(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: FlagMessageDto,
  ): Promise<FlagView> {
    return this.flags.flag(user, id, body);
  }
}
