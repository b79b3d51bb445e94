export { CurriculumCoreModule, CurriculumModule } from './curriculum.module';
export { TopicsService } from './topics.service';
export type { Topic, TopicAudience } from './topic.entity';
export {
  toTopicView,
  toSessionTopicView,
  type TopicView,
  type SessionTopicView,
} from './topic.view';
