import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { HANDLE_PATTERN } from './handles';
import { IsIanaTimeZone } from './time-zone';
import { JOURNEY_ROLES, JourneyRole } from './user.entity';

const HANDLE_RULE = 'must be 3-32 characters of letters, digits, _ or -';

export class RegisterDto {
  @ApiPropertyOptional({ example: 'quiet-heron' })
  @IsOptional()
  @IsString()
  @Matches(HANDLE_PATTERN, { message: HANDLE_RULE })
  handle?: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(256)
  password: string;

  @ApiProperty({ enum: JOURNEY_ROLES })
  @IsIn(JOURNEY_ROLES, { message: 'must be betrayed or unfaithful' })
  journeyRole: JourneyRole;

  @ApiPropertyOptional({ example: 'me@mail.example' })
  @IsOptional()
  @IsEmail({ require_tld: true }, { message: 'must be an e-mail address with a domain' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;
}

export class LoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  handle: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

/** Present means it must be valid: null is not a time zone nor a set of preferences. */
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

/** Either switch may be sent alone; the other keeps its value. */
export class NotificationPrefsDto {
  @ApiPropertyOptional()
  @IfPresent()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional()
  @IfPresent()
  @IsBoolean()
  inApp?: boolean;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ nullable: true, description: 'null removes the e-mail' })
  @IsOptional()
  @IsEmail({ require_tld: true }, { message: 'must be an e-mail address with a domain' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IfPresent()
  @IsString()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ type: NotificationPrefsDto })
  @IfPresent()
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationPrefsDto)
  notificationPrefs?: NotificationPrefsDto;
}

export class DeleteMeDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}
