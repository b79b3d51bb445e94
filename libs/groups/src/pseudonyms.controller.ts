import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, type PublicUser, Roles } from '@kintsugi/identity';
import { type PseudonymLookupView, PseudonymsService } from './pseudonyms.service';

class AccountDoc implements PublicUser {
  @ApiProperty({ format: 'uuid', description: 'the account’s id' })
  id: string;

  @ApiProperty({ description: 'the account handle' })
  handle: string;
}

/**
 * Only admins may learn who is behind a pseudonym (issue 15), and every
 * lookup is recorded, found or not. Moderators see members as the group
 * does; they get 403 here like every other non-admin.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class PseudonymsController {
  constructor(private readonly pseudonyms: PseudonymsService) {}

  @Get('pseudonyms/:pseudonymOrId')
  @ApiOperation({
    summary: 'The account behind a group pseudonym (admins; every lookup is audited)',
    description:
      'Takes the pseudonym as shown (`quiet-heron-3f`, any case) or its id. Each call, found or not, is appended ' +
      'to the pseudonym lookup record (GET /api/admin/pseudonym-lookups). 404 NOT_FOUND when nothing matches.',
  })
  @ApiResponse({ status: 200, type: AccountDoc })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: not an admin (moderators included)' })
  resolve(
    @CurrentUser() admin: AuthUser,
    @Param('pseudonymOrId') query: string,
  ): Promise<PublicUser> {
    return this.pseudonyms.resolve(admin, query);
  }

  @Get('pseudonym-lookups')
  @ApiOperation({
    summary: 'The append-only record of pseudonym lookups, newest first (admins; at most 200)',
  })
  async lookups(): Promise<{ items: PseudonymLookupView[] }> {
    return { items: await this.pseudonyms.lookups() };
  }
}
