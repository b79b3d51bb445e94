import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only unread notifications' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  unread?: 'true' | 'false';
}

export class UnsubscribeQuery {
  @ApiPropertyOptional({ description: 'the token from the e-mail link' })
  @IsString()
  @MaxLength(200)
  token: string;
}
