import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FLAG_REASONS, FlagReason } from './review-reasons';

export class FlagMessageDto {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsIn(FLAG_REASONS, { message: `must be one of ${FLAG_REASONS.join(', ')}` })
  reason: FlagReason;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Kept with the flag, never shown to other members',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** The answer to a flag: the caller's own flag. */
export interface FlagView {
  id: string;
  messageId: string;
  reason: FlagReason;
  note: string | null;
  createdAt: string;
}
