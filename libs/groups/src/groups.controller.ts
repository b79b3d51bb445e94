import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@kintsugi/identity';
import { GroupIdPipe } from './group-id.pipe';
import { CreateGroupDto, UpdateGroupDto } from './groups.dto';
import { GroupsService } from './groups.service';
import type { GroupView } from './group.view';

const NEW_MEMBER_REVIEW =
  'Groups carry `newMemberReview: { enabled, posts }` (an addition to the contract), shown to everyone who may see ' +
  'the group, since it is the group’s rule like its guidelines: when enabled, the first `posts` messages of each ' +
  'member who joins from then on are held for review (status `pending`), unless they are the group’s moderator or ' +
  'an admin.';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiOperation({
    summary: 'Groups of the caller’s audience (admins: all)',
    description: NEW_MEMBER_REVIEW,
  })
  async list(@CurrentUser() user: AuthUser): Promise<{ items: GroupView[] }> {
    return { items: await this.groups.list(user) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Creates a group (admins); new-member review is off unless `newMemberReview` says otherwise',
    description: NEW_MEMBER_REVIEW,
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateGroupDto): Promise<GroupView> {
    return this.groups.create(user, body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One group, for members of its audience',
    description: NEW_MEMBER_REVIEW,
  })
  get(@CurrentUser() user: AuthUser, @Param('id', GroupIdPipe) id: string): Promise<GroupView> {
    return this.groups.get(user, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Changes a group (admins only: a group’s own moderators get 403 too)',
    description:
      `${NEW_MEMBER_REVIEW} \`newMemberReview\` without \`posts\` keeps the group’s number; turning review off ` +
      'holds no new posts, and posts already held stay held until approved or their hold passes.',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', GroupIdPipe) id: string,
    @Body() body: UpdateGroupDto,
  ): Promise<GroupView> {
    return this.groups.update(user, id, body);
  }
}
