import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { Roles } from './auth.decorators';
import { UsersService } from './users.service';
import { JOURNEY_ROLES, JourneyRole, PLATFORM_ROLES, PlatformRole } from './user.entity';
import type { AdminUserView } from './user.view';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: PLATFORM_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORM_ROLES, { each: true, message: 'each role must be member, moderator or admin' })
  roles?: PlatformRole[];

  @ApiPropertyOptional({ enum: JOURNEY_ROLES })
  @IsOptional()
  @IsIn(JOURNEY_ROLES, { message: 'must be betrayed or unfaithful' })
  journeyRole?: JourneyRole;
}

/** Admin-only account changes; they act at once, on tokens already issued too. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Patch(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<AdminUserView> {
    return this.users.updateByAdmin(id, body);
  }
}
