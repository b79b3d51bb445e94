import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { REACTION_KINDS, ReactionKind } from './message.entity';

const MAX_BODY_CODE_POINTS = 4000;
// NUL and lone surrogates cannot be stored in PostgreSQL text; other control
// characters (line breaks and tabs aside) have no place in a chat message.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** 1–4000 Unicode code points (not UTF-16 units), at least one of them not white space. */
function IsMessageBody(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMessageBody',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /\S/u.test(value) &&
          !CONTROL.test(value) &&
          !LONE_SURROGATE.test(value) &&
          [...value].length <= MAX_BODY_CODE_POINTS,
        defaultMessage: () =>
          `must be text of 1 to ${MAX_BODY_CODE_POINTS} characters, not only white space, without control characters`,
      },
    },
    options,
  );
}

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;

export class SendMessageDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_BODY_CODE_POINTS })
  @IsMessageBody()
  body: string;

  @ApiProperty({
    pattern: CLIENT_ID.source,
    description: 'Chosen by the sender; a retry with the same one returns the original.',
  })
  @IsString()
  @Matches(CLIENT_ID, { message: 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -' })
  clientId: string;
}

export class EditMessageDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_BODY_CODE_POINTS })
  @IsMessageBody()
  body: string;
}

export class ReactDto {
  @ApiProperty({ enum: REACTION_KINDS })
  @IsIn(REACTION_KINDS, { message: `must be one of ${REACTION_KINDS.join(', ')}` })
  kind: ReactionKind;
}

/** Page size of history and changes reads. */
class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 100' })
  @Min(1, { message: 'must be a whole number from 1 to 100' })
  @Max(100, { message: 'must be a whole number from 1 to 100' })
  limit?: number;
}

export class HistoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'A seq: older messages, newest first' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (a seq)' })
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ description: 'A seq: newer messages, oldest first' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (a seq)' })
  @Min(0)
  after?: number;
}

export class ChangesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The opaque cursor of the previous answer' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/, { message: 'must be a cursor returned by this endpoint' })
  since?: string;
}

/** Socket payloads: the REST bodies plus the group they address. */
export class SocketSendDto extends SendMessageDto {
  @IsUUID('all', { message: 'must be a group id' })
  groupId: string;
}

export class SocketGroupDto {
  @IsUUID('all', { message: 'must be a group id' })
  groupId: string;
}
