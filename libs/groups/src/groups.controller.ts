import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@kintsugi/identity';
import { GroupIdPipe } from './group-id.pipe';
import { CreateGroupDto, UpdateGroupDto } from './groups.dto';
import { GroupsService } from './groups.service';
import type { GroupView } from './group.view';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser): Promise<{ items: GroupView[] }> {
    return { items: await this.groups.list(user) };
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateGroupDto): Promise<GroupView> {
    return this.groups.create(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', GroupIdPipe) id: string): Promise<GroupView> {
    return this.groups.get(user, id);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', GroupIdPipe) id: string,
    @Body() body: UpdateGroupDto,
  ): Promise<GroupView> {
    return this.groups.update(user, id, body);
  }
}
