import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '@kintsugi/identity';
import { RequireGroupAccess } from './group-access.guard';
import { GroupIdPipe } from './group-id.pipe';
import { AssignModeratorDto, JoinGroupDto } from './groups.dto';
import { MembershipsService } from './memberships.service';
import type { MemberView, MembershipView } from './group.view';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups/:id')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  /** 201 for a new membership, 200 with the same one when already a member. */
  @Post('join')
  async join(
    @CurrentUser() user: AuthUser,
    @Param('id', GroupIdPipe) id: string,
    @Body() _body: JoinGroupDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MembershipView> {
    const { membership, created } = await this.memberships.join(user, id);
    res.status(created ? 201 : 200);
    return membership;
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
