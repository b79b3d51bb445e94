import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { TopicAudience } from './topic.entity';

const AUDIENCES: TopicAudience[] = ['betrayed', 'unfaithful', 'both'];

export class ListTopicsQuery {
  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES, { message: 'must be betrayed, unfaithful or both' })
  audience?: TopicAudience;
}
