import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { isDay } from './check-in-days';
import { MAX_NOTE_CODE_POINTS, SCALE_MAX, SCALE_MIN } from './checkin.scales';

const SCALE_PROBLEM = { message: `must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}` };

/** A whole number 1–5: `2.5`, `"3"`, `true` and `null` are refused, not rounded or coerced. */
const IsScale = (description: string) =>
  applyDecorators(
    ApiProperty({ minimum: SCALE_MIN, maximum: SCALE_MAX, type: 'integer', description }),
    IsInt(SCALE_PROBLEM),
    Min(SCALE_MIN, SCALE_PROBLEM),
    Max(SCALE_MAX, SCALE_PROBLEM),
  );

// NUL and lone surrogates cannot be stored in PostgreSQL text; other control characters (line
// breaks and tabs aside) have no place in a note.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Up to 2,000 Unicode code points (not UTF-16 units), as the member wrote it. */
const IsNote = () =>
  ValidateBy({
    name: 'isCheckInNote',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        !CONTROL.test(value) &&
        !LONE_SURROGATE.test(value) &&
        [...value].length <= MAX_NOTE_CODE_POINTS,
      defaultMessage: () =>
        `must be text of at most ${MAX_NOTE_CODE_POINTS} characters, without control characters`,
    },
  });

const IsDayParam = () =>
  ValidateBy({
    name: 'isDay',
    validator: {
      validate: isDay,
      defaultMessage: () => 'must be a calendar date, YYYY-MM-DD',
    },
  });

export class RecordCheckInDto {
  @IsScale('Feeling safe, 1 (not at all) to 5 (very much)')
  safety: number;

  @IsScale('Honesty and openness')
  honesty: number;

  @IsScale('Talking without blame or defensiveness')
  communication: number;

  @IsScale('Looking after myself')
  selfCare: number;

  @IsScale('Hope for the future')
  hope: number;

  @ApiPropertyOptional({
    maxLength: MAX_NOTE_CODE_POINTS,
    nullable: true,
    description:
      'Private; only you ever read it. Screened for signs of crisis only, and then only you are ' +
      'sent support resources. Empty or only white space is stored as no note.',
  })
  @IsOptional()
  @IsNote()
  note?: string | null;
}

export class ListCheckInsQuery {
  @ApiPropertyOptional({
    example: '2026-09-01',
    description: 'first day, YYYY-MM-DD (default: 89 days before `to`)',
  })
  @IsOptional()
  @IsDayParam()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'last day, YYYY-MM-DD (default: today in your time zone)',
  })
  @IsOptional()
  @IsDayParam()
  to?: string;
}

export class ReminderSettingDto {
  @ApiProperty({ description: 'an in-app reminder after a week without a check-in' })
  @IsBoolean({ message: 'must be true or false' })
  weekly: boolean;
}
