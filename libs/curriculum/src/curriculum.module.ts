import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Topic } from './topic.entity';
import { TopicsService } from './topics.service';
import { TopicsController } from './topics.controller';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Topic])],
  providers: [TopicsService],
  exports: [TopicsService],
})
export class CurriculumCoreModule {}

@Module({ imports: [CurriculumCoreModule], controllers: [TopicsController] })
export class CurriculumModule {}
