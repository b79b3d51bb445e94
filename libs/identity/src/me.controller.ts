import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from './auth.decorators';
import { DeleteMeDto, UpdateMeDto } from './auth.dto';
import { MeService } from './me.service';
import type { AuthUser, OwnProfile } from './user.view';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  profile(@CurrentUser() user: AuthUser): Promise<OwnProfile> {
    return this.me.profile(user.id);
  }

  @Patch()
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<OwnProfile> {
    return this.me.update(user.id, body);
  }

  @Get('export')
  export(@CurrentUser() user: AuthUser): Promise<Record<string, unknown>> {
    return this.me.export(user.id);
  }

  @Delete()
  @HttpCode(204)
  erase(@CurrentUser() user: AuthUser, @Body() body: DeleteMeDto): Promise<void> {
    return this.me.erase(user.id, body.password);
  }
}
