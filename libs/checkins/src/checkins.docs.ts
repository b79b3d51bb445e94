import { ApiProperty } from '@nestjs/swagger';
import type { CheckInView, ReminderSettingView } from './checkin.view';

/** OpenAPI shapes of the answers (the views are interfaces, which carry no schema). */
export class CheckInDoc implements CheckInView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-11-24', description: 'the day in your time zone when recorded' })
  day: string;

  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer' })
  safety: number;

  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer' })
  honesty: number;

  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer' })
  communication: number;

  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer' })
  selfCare: number;

  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer' })
  hope: number;

  @ApiProperty({ type: 'string', nullable: true })
  note: string | null;

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  createdAt: string;
}

export class CheckInListDoc {
  @ApiProperty({ type: [CheckInDoc], description: 'oldest day first' })
  items: CheckInDoc[];
}

export class ReminderSettingDoc implements ReminderSettingView {
  @ApiProperty()
  weekly: boolean;
}

export class ErrorDoc {
  @ApiProperty()
  statusCode: number;

  @ApiProperty({ example: 'ALREADY_CHECKED_IN' })
  code: string;

  @ApiProperty()
  message: string;
}
