import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIanaTimeZone, JOURNEY_ROLES, type JourneyRole } from '@kintsugi/identity';

// Control characters other than line breaks and tabs (NUL cannot even be stored in PostgreSQL text).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text a person wrote: a string of well-formed Unicode (a lone surrogate
 * cannot be stored as UTF-8), no control characters, not only white space;
 * line breaks only where `multiline`.
 */
const IsText = (multiline: boolean) =>
  ValidateBy({
    name: 'isText',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        !LONE_SURROGATE.test(value) &&
        !CONTROL.test(value) &&
        (multiline || !/[\n\r\t]/.test(value)) &&
        value.trim().length > 0,
      defaultMessage: () =>
        multiline
          ? 'must be text with at least one visible character and no control characters'
          : 'must be one line of text with at least one visible character',
    },
  });

/** Present means it must be valid: null is refused, not stored. */
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

const CAPACITY = 'must be a whole number from 2 to 500';
export const REVIEW_POSTS = { min: 1, max: 20, default: 3 } as const;
const POSTS = `must be a whole number from ${REVIEW_POSTS.min} to ${REVIEW_POSTS.max}`;

/** Addition to the contract (issue 15): hold a newcomer's first posts for review. */
export class NewMemberReviewDto {
  @ApiProperty({
    description:
      'Hold the first posts of each member who joins from now on until reviewed (turning it on from off starts it)',
  })
  @IsBoolean({ message: 'must be true or false' })
  enabled: boolean;

  @ApiPropertyOptional({
    minimum: REVIEW_POSTS.min,
    maximum: REVIEW_POSTS.max,
    description: `How many of a member’s first posts are held; omitted, the group keeps its number (${REVIEW_POSTS.default} for a new group)`,
  })
  @IfPresent()
  @IsInt({ message: POSTS })
  @Min(REVIEW_POSTS.min, { message: POSTS })
  @Max(REVIEW_POSTS.max, { message: POSTS })
  posts?: number;
}

/** A nested object, validated like a body: unknown fields refused, null refused. */
const NewMemberReviewField = (): PropertyDecorator => (target, key) => {
  IfPresent()(target, key);
  IsObject({ message: 'must be an object such as { "enabled": true, "posts": 3 }' })(target, key);
  ValidateNested()(target, key);
  Type(() => NewMemberReviewDto)(target, key);
};

const NEW_MEMBER_REVIEW_DOC =
  'Addition to the contract: when enabled, the first `posts` messages in the group of each member who joined ' +
  'since it was turned on are held (acknowledged with status `pending`, seen only by their author) until a ' +
  'moderator approves them or NEW_MEMBER_HOLD has passed and screening found nothing. Members who joined before ' +
  'it was turned on, the group’s moderators and admins are never held.';

export class CreateGroupDto {
  @ApiProperty({ maxLength: 80, example: 'Tuesday evening circle' })
  @IsString()
  @MaxLength(80)
  @IsText(false)
  name: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  @IsText(true)
  description: string;

  @ApiProperty({ enum: JOURNEY_ROLES })
  @IsIn(JOURNEY_ROLES, { message: 'must be betrayed or unfaithful' })
  audience: JourneyRole;

  @ApiPropertyOptional({ minimum: 2, maximum: 500, default: 20 })
  @IfPresent()
  @IsInt({ message: CAPACITY })
  @Min(2, { message: CAPACITY })
  @Max(500, { message: CAPACITY })
  capacity?: number;

  @ApiPropertyOptional({ default: 'UTC', example: 'Europe/London' })
  @IfPresent()
  @IsString()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    maxLength: 10000,
    description:
      'Addition to the contract: the group’s own guidelines; a default applies when omitted.',
  })
  @IfPresent()
  @IsString()
  @MaxLength(10000)
  @IsText(true)
  guidelines?: string;

  @ApiPropertyOptional({
    type: NewMemberReviewDto,
    description: `${NEW_MEMBER_REVIEW_DOC} Default: off, ${REVIEW_POSTS.default} posts.`,
  })
  @NewMemberReviewField()
  newMemberReview?: NewMemberReviewDto;
}

export class UpdateGroupDto {
  @ApiPropertyOptional({ maxLength: 80 })
  @IfPresent()
  @IsString()
  @MaxLength(80)
  @IsText(false)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IfPresent()
  @IsString()
  @MaxLength(1000)
  @IsText(true)
  description?: string;

  @ApiPropertyOptional({ minimum: 2, maximum: 500, description: 'not below memberCount' })
  @IfPresent()
  @IsInt({ message: CAPACITY })
  @Min(2, { message: CAPACITY })
  @Max(500, { message: CAPACITY })
  capacity?: number;

  @ApiPropertyOptional({ description: 'applies to sessions created afterwards' })
  @IfPresent()
  @IsString()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'Addition to the contract.' })
  @IfPresent()
  @IsString()
  @MaxLength(10000)
  @IsText(true)
  guidelines?: string;

  @ApiPropertyOptional({
    type: NewMemberReviewDto,
    description: `${NEW_MEMBER_REVIEW_DOC} Turning it off holds no new posts; posts already held stay held until approved or their hold passes.`,
  })
  @NewMemberReviewField()
  newMemberReview?: NewMemberReviewDto;
}

const PSEUDONYM_DOC =
  'Addition (issue 15): appear in this group under a pseudonym made for this membership ' +
  '(such as `quiet-heron-3f`, with an id of its own), different in each group, instead of the account handle. ' +
  'Turning it on again later brings back the same one.';

export class JoinGroupDto {
  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'must be true: please read and accept the guidelines' })
  acceptGuidelines: true;

  @ApiPropertyOptional({
    description: `${PSEUDONYM_DOC} Omitted: a first join shows the account handle, a join after leaving keeps the choice made before.`,
  })
  @IfPresent()
  @IsBoolean({ message: 'must be true or false' })
  pseudonym?: boolean;
}

export class UpdateMembershipDto {
  @ApiProperty({ description: PSEUDONYM_DOC })
  @IsBoolean({ message: 'must be true or false' })
  pseudonym: boolean;
}

export class AssignModeratorDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'The member’s account id, or the id the group is shown for them (their pseudonym’s id in this group)',
  })
  @IsUUID('all', { message: 'must be a member’s id' })
  userId: string;
}
