import { DynamicModule, Module } from '@nestjs/common';
import { Env, HealthModule, PlatformModule } from '@kintsugi/platform';
import { IdentityModule } from '@kintsugi/identity';
import { CurriculumModule } from '@kintsugi/curriculum';
import { GroupsModule } from '@kintsugi/groups';
import { NotificationsModule } from '@kintsugi/notifications';
import { SessionsModule } from '@kintsugi/sessions';
import { ChatModule } from '@kintsugi/chat';
import { ModerationModule } from '@kintsugi/moderation';
import { CheckInsModule } from '@kintsugi/checkins';
import { WorkerProcessorsModule } from '../../worker/src/worker-processors.module';
import { MetricsController } from './metrics.controller';

@Module({})
export class ApiModule {
  static register(env: Env): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(env),
        HealthModule,
        IdentityModule,
        GroupsModule,
        CurriculumModule,
        NotificationsModule,
        SessionsModule,
        ChatModule,
        ModerationModule,
        CheckInsModule,
        ...(env.RUN_WORKERS ? [WorkerProcessorsModule] : []),
      ],
      controllers: [MetricsController],
    };
  }
}
