import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RESOLUTION_ACTIONS, ResolutionAction } from './review-reasons';
import type { ReviewStatus } from './review-item.entity';

const STATUSES: ReviewStatus[] = ['open', 'resolved'];
const MAX_MUTE_MINUTES = 43_200;

export class ListQueueQuery {
  @ApiPropertyOptional({ enum: STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(STATUSES, { message: 'must be open or resolved' })
  status?: ReviewStatus;

  @ApiPropertyOptional({ description: 'Only this group (one the caller moderates)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a group id' })
  groupId?: string;
}

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Only this group (one the caller moderates)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a group id' })
  groupId?: string;
}

export class ResolveItemDto {
  @ApiProperty({ enum: RESOLUTION_ACTIONS })
  @IsIn(RESOLUTION_ACTIONS, { message: `must be one of ${RESOLUTION_ACTIONS.join(', ')}` })
  action: ResolutionAction;

  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      'Why: kept in the audit log and given to the author as their notice’s `note`, trimmed but otherwise as written',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_MUTE_MINUTES,
    description: 'Required for mute, refused otherwise',
  })
  @IsOptional()
  @IsInt({ message: `must be a whole number from 1 to ${MAX_MUTE_MINUTES}` })
  @Min(1, { message: `must be a whole number from 1 to ${MAX_MUTE_MINUTES}` })
  @Max(MAX_MUTE_MINUTES, { message: `must be a whole number from 1 to ${MAX_MUTE_MINUTES}` })
  durationMinutes?: number;
}
