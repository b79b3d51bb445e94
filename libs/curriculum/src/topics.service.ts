import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Errors } from '@kintsugi/platform';
import { Topic, TopicAudience } from './topic.entity';

@Injectable()
export class TopicsService {
  constructor(@InjectRepository(Topic) private readonly topics: Repository<Topic>) {}

  /**
   * `betrayed` or `unfaithful`: that audience's topics and the shared ones;
   * `both`: only the shared ones; none: all 30. Always in guide order.
   */
  list(audience?: TopicAudience): Promise<Topic[]> {
    const audiences =
      audience === undefined ? undefined : audience === 'both' ? ['both'] : [audience, 'both'];
    return this.topics.find({
      where: audiences ? { audience: In(audiences) } : {},
      order: { order: 'ASC' },
    });
  }

  async bySlug(slug: string): Promise<Topic> {
    const topic = await this.topics.findOne({ where: { slug } });
    if (!topic) throw Errors.notFound('That topic');
    return topic;
  }

  /** For a request body naming a topic: an unknown slug is a validation failure on that field (API.md). */
  async bySlugForInput(slug: string): Promise<Topic> {
    const topic = await this.topics.findOne({ where: { slug } });
    if (!topic)
      throw Errors.validation([{ field: 'topicSlug', problem: 'is not a topic of the guide' }]);
    return topic;
  }

  async byIds(ids: string[]): Promise<Map<string, Topic>> {
    if (ids.length === 0) return new Map();
    const rows = await this.topics.find({ where: { id: In(ids) } });
    return new Map(rows.map((t) => [t.id, t]));
  }

  /**
   * The next `count` topics for a group's audience after the one it took
   * last (by guide order), wrapping after the last topic.
   */
  async nextFor(
    audience: 'betrayed' | 'unfaithful',
    afterOrder: number,
    count: number,
  ): Promise<Topic[]> {
    const sequence = await this.list(audience);
    const start = sequence.findIndex((t) => t.order > afterOrder);
    const from = start === -1 ? 0 : start;
    return Array.from({ length: count }, (_, i) => sequence[(from + i) % sequence.length]);
  }
}
