import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListTopicsQuery } from './topics.dto';
import { TopicsService } from './topics.service';
import { toTopicView, TopicView } from './topic.view';

@ApiTags('topics')
@ApiBearerAuth()
@Controller('topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  async list(@Query() query: ListTopicsQuery): Promise<{ items: TopicView[] }> {
    return { items: (await this.topics.list(query.audience)).map(toTopicView) };
  }

  @Get(':slug')
  async get(@Param('slug') slug: string): Promise<TopicView> {
    return toTopicView(await this.topics.bySlug(slug));
  }
}
