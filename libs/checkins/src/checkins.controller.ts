import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@kintsugi/identity';
import { CheckInRemindersService } from './checkin-reminders.service';
import type { CheckInView, ReminderSettingView } from './checkin.view';
import { CheckInDoc, CheckInListDoc, ErrorDoc, ReminderSettingDoc } from './checkins.docs';
import { ListCheckInsQuery, RecordCheckInDto, ReminderSettingDto } from './checkins.dto';
import { CheckInsService } from './checkins.service';

const INVALID = { type: ErrorDoc, description: 'VALIDATION_FAILED, with details' };
const PRIVATE =
  'Only the caller ever sees their check-ins: no moderator, admin or group can read them.';

@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('me/checkins')
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly reminders: CheckInRemindersService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Records today’s check-in (today in the caller’s time zone), at most one a day',
    description:
      `${PRIVATE} All five scales are required, whole numbers 1–5. A note is screened for signs of ` +
      'crisis only; if it shows one, the caller alone gets a `crisis_resources` notification ' +
      '(`messageId: null`, `checkInId`) and no moderator is told.',
  })
  @ApiCreatedResponse({ type: CheckInDoc })
  @ApiBadRequestResponse(INVALID)
  @ApiConflictResponse({ type: ErrorDoc, description: 'ALREADY_CHECKED_IN: one already today' })
  record(@CurrentUser() user: AuthUser, @Body() body: RecordCheckInDto): Promise<CheckInView> {
    return this.checkIns.record(user.id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'The caller’s check-ins from `from` to `to` (days, both included), oldest first',
    description: `${PRIVATE} Without \`to\`: today; without \`from\`: 89 days before \`to\`. A range of more than 366 days, or \`from\` after \`to\`, is 400.`,
  })
  @ApiOkResponse({ type: CheckInListDoc })
  @ApiBadRequestResponse(INVALID)
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListCheckInsQuery,
  ): Promise<{ items: CheckInView[] }> {
    return { items: await this.checkIns.list(user.id, query) };
  }

  @Get('reminder')
  @ApiOperation({
    summary: 'Whether the caller gets the weekly check-in reminder (off unless chosen)',
  })
  @ApiOkResponse({ type: ReminderSettingDoc })
  reminder(@CurrentUser() user: AuthUser): Promise<ReminderSettingView> {
    return this.reminders.get(user.id);
  }

  @Put('reminder')
  @ApiOperation({
    summary: 'Switches the weekly check-in reminder on or off',
    description:
      'On: an in-app `checkin_reminder` notification ("Time for your weekly check-in") after 7 days ' +
      'without a check-in (counted from switching it on, the last check-in or the last reminder), ' +
      'between 9:00 and 21:00 in the caller’s time zone. Never e-mailed.',
  })
  @ApiOkResponse({ type: ReminderSettingDoc })
  @ApiBadRequestResponse(INVALID)
  setReminder(
    @CurrentUser() user: AuthUser,
    @Body() body: ReminderSettingDto,
  ): Promise<ReminderSettingView> {
    return this.reminders.set(user.id, body.weekly);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Deletes one of the caller’s check-ins (that day may be recorded again)',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({
    type: ErrorDoc,
    description: 'NOT_FOUND, for a missing id and for another member’s alike',
  })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.checkIns.remove(user.id, id);
  }
}
