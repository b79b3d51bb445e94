import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** A time with its offset or Z: a bare local time would be ambiguous. */
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const TIME_MESSAGE = { message: 'must be an ISO-8601 time with a zone, e.g. 2026-11-24T18:00:00Z' };

export class CreateSessionDto {
  @ApiPropertyOptional({ description: 'a guide topic; omitted: the group’s next topic' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  topicSlug?: string;

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  @IsISO8601({ strict: true }, TIME_MESSAGE)
  @Matches(WITH_ZONE, TIME_MESSAGE)
  startsAt: string;

  @ApiProperty({ minimum: 1, maximum: 480 })
  @IsInt({ message: 'must be a whole number from 1 to 480' })
  @Min(1, { message: 'must be a whole number from 1 to 480' })
  @Max(480, { message: 'must be a whole number from 1 to 480' })
  durationMinutes: number;

  @ApiPropertyOptional({ example: 'FREQ=WEEKLY;COUNT=8' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  recurrence?: string;
}

export class UpdateSessionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  topicSlug?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, TIME_MESSAGE)
  @Matches(WITH_ZONE, TIME_MESSAGE)
  startsAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 480 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 480' })
  @Min(1, { message: 'must be a whole number from 1 to 480' })
  @Max(480, { message: 'must be a whole number from 1 to 480' })
  durationMinutes?: number;
}

export class ListSessionsQuery {
  @ApiPropertyOptional({ description: 'sessions ending after this time (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true }, TIME_MESSAGE)
  @Matches(WITH_ZONE, TIME_MESSAGE)
  from?: string;

  @ApiPropertyOptional({
    description: 'sessions starting before this time (default: from + 90 days)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, TIME_MESSAGE)
  @Matches(WITH_ZONE, TIME_MESSAGE)
  to?: string;
}

export class RsvpDto {
  @ApiProperty({ enum: ['going', 'not_going'] })
  @IsIn(['going', 'not_going'], { message: 'must be going or not_going' })
  status: 'going' | 'not_going';
}
