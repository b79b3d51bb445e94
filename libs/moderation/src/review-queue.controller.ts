import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { AuditEntryView, AuditService } from './audit.service';
import { AuditQuery, ListQueueQuery, ResolveItemDto } from './moderation.dto';
import { ResolutionsService } from './resolutions.service';
import { ReviewQueueService } from './review-queue.service';
import type { ReviewItemView } from './review-item.view';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class ReviewQueueController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly resolutions: ResolutionsService,
    private readonly audit: AuditService,
  ) {}

  @Get('queue')
  @ApiOperation({
    summary:
      'Review items of the groups the caller moderates (admins: all), urgent first, then oldest',
    description:
      'Auto reasons have the categories of API.md (`crisis`, `personal_details`, `abuse`; a threat is `abuse` with a ' +
      'threat detail) and three more, each at `normal` priority: `possible_crisis` and `possible_threat` when the ' +
      'screeners are unsure (no alert, no crisis resources: a person reads it), and `screening_failed` when a screener ' +
      'failed on the message (it is never passed as clean). A new member’s held post (groups with `newMemberReview` on) ' +
      'is an item of its own with the auto category `new_member` at `normal` priority; screening’s findings on it join ' +
      'the same item. Approving shows it to the group; if nobody decides, it is shown once NEW_MEMBER_HOLD has passed ' +
      'and screening found nothing, and its item is then resolved as `approve` with `actor: null` (no audit entry: no ' +
      'moderator acted). Remove keeps it from the group for good; warn, mute and ban leave it held.',
  })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListQueueQuery,
  ): Promise<{ items: ReviewItemView[] }> {
    return { items: await this.queue.list(user, query) };
  }

  @Get('queue/:id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ReviewItemView> {
    return this.queue.get(user, id);
  }

  @Post('queue/:id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claims an item for 10 minutes (409 ALREADY_CLAIMED while another moderator holds it)',
  })
  claim(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ReviewItemView> {
    return this.queue.claim(user, id);
  }

  @Post('queue/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Resolves an item: approve, remove, warn, mute (durationMinutes required) or ban; written to the audit log',
    description:
      'approve shows a hidden message again; remove removes it (the author gets `moderation_notice`); warn, mute and ban ' +
      'act on the author (each with a `moderation_notice`) and leave the message as it is. The notice’s `note` is the ' +
      'moderator’s note as stored (trimmed; null when there is none) and its `text` the platform’s kind wording: what ' +
      'happened and which rule applied, never quoting the moderator. durationMinutes is refused ' +
      'for actions other than mute. Any moderator of the group may resolve, whoever holds the claim; nobody may act on ' +
      'an item about their own message (403). Approving a message the screener hid, or removing one it passed for what ' +
      'members flagged, keeps the decision as a labelled example the screeners are evaluated and retrained on.',
  })
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ResolveItemDto,
  ): Promise<ReviewItemView> {
    return this.resolutions.resolve(user, id, body);
  }

  @Get('audit')
  @ApiOperation({ summary: 'Moderator actions in the caller’s groups (admins: all), newest first' })
  async auditLog(
    @CurrentUser() user: AuthUser,
    @Query() query: AuditQuery,
  ): Promise<{ items: AuditEntryView[] }> {
    return { items: await this.audit.list(await this.queue.scope(user, query.groupId)) };
  }
}
