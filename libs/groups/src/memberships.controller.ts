import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '@kintsugi/identity';
import { RequireGroupAccess } from './group-access.guard';
import { GroupIdPipe } from './group-id.pipe';
import { AssignModeratorDto, JoinGroupDto, UpdateMembershipDto } from './groups.dto';
import { MembershipsService } from './memberships.service';
import type { MemberView, MembershipView } from './group.view';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups/:id')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  /** 201 for a new membership, 200 with the same one when already a member. */
  @Post('join')
  @ApiOperation({
    summary: 'Join the group',
    description:
      'With `pseudonym: true` the member appears in this group under a pseudonym of its own (an addition, issue 15). ' +
      'Membership gains `pseudonym` (boolean), and its `user` is how the member appears in the group.',
  })
  async join(
    @CurrentUser() user: AuthUser,
    @Param('id', GroupIdPipe) id: string,
    @Body() body: JoinGroupDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MembershipView> {
    const { membership, created } = await this.memberships.join(user, id, body.pseudonym);
    res.status(created ? 201 : 200);
    return membership;
  }

  @Patch('membership')
  @ApiOperation({
    summary: 'Appear in this group under a pseudonym, or under the account handle (issue 15)',
    description:
      'Answers the Membership. Messages already posted here show the member as they now appear. ' +
      '403 FORBIDDEN for someone who has not joined.',
  })
  updateMembership(
    @CurrentUser() user: AuthUser,
    @Param('id', GroupIdPipe) id: string,
    @Body() body: UpdateMembershipDto,
  ): Promise<MembershipView> {
    return this.memberships.setPseudonym(user, id, body.pseudonym);
  }

  @Post('leave')
  @HttpCode(204)
  leave(@CurrentUser() user: AuthUser, @Param('id', GroupIdPipe) id: string): Promise<void> {
    return this.memberships.leave(user, id);
  }

  @Get('members')
  @RequireGroupAccess('member')
  async members(@Param('id', GroupIdPipe) id: string): Promise<{ items: MemberView[] }> {
    return { items: await this.memberships.members(id) };
  }

  @Post('moderators')
  @Roles('admin')
  assignModerator(
    @Param('id', GroupIdPipe) id: string,
    @Body() body: AssignModeratorDto,
  ): Promise<MembershipView> {
    return this.memberships.assignModerator(id, body.userId);
  }
}
