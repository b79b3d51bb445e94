import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '@kintsugi/platform';
import { IdentityCoreModule, PersonalDataRegistry } from '@kintsugi/identity';
import { GroupsCoreModule } from '@kintsugi/groups';
import { ChatCoreModule } from '@kintsugi/chat';
import { NotificationsCoreModule } from '@kintsugi/notifications';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { CrisisResources, parseCrisisResources } from './crisis-resources';
import { FlagsController } from './flags.controller';
import { FlagsService } from './flags.service';
import { HeldPostsService } from './held-posts.service';
import { MessageFlag } from './message-flag.entity';
import { MessageScreener } from './message-screener';
import { ModerationAlerts } from './moderation-alerts.service';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { ResolutionsService } from './resolutions.service';
import { ReviewItem } from './review-item.entity';
import { ReviewItemViews } from './review-item.view';
import { ReviewItemsService } from './review-items.service';
import { ReviewQueueController } from './review-queue.controller';
import { ReviewQueueService } from './review-queue.service';
import { ScreeningProcessor } from './screening.processor';
import { ScreeningExample } from './screening-example.entity';
import { ScreeningExamplesService } from './screening-examples.service';
import { ScreeningService } from './screening.service';

/** Review items, alerts and screening, shared by the API and the worker. */
@Module({
  imports: [
    IdentityCoreModule,
    GroupsCoreModule,
    ChatCoreModule,
    NotificationsCoreModule,
    TypeOrmModule.forFeature([ReviewItem, AuditEntry, MessageFlag, ScreeningExample]),
  ],
  providers: [
    // Read once at start: a bad CRISIS_RESOURCES stops start-up, naming the variable.
    {
      provide: CrisisResources,
      inject: [Env],
      useFactory: (env: Env) => new CrisisResources(parseCrisisResources(env.CRISIS_RESOURCES)),
    },
    ReviewItemsService,
    ReviewItemViews,
    ModerationAlerts,
    MessageScreener,
    ScreeningService,
  ],
  exports: [
    ChatCoreModule,
    NotificationsCoreModule,
    CrisisResources,
    ReviewItemsService,
    ReviewItemViews,
    ModerationAlerts,
    ScreeningService,
  ],
})
export class ModerationCoreModule {}

/** The API side: flags, the review queue, the audit log and the queue dashboard. */
@Module({
  imports: [ModerationCoreModule, QueueDashboardModule],
  controllers: [FlagsController, ReviewQueueController],
  providers: [
    FlagsService,
    ReviewQueueService,
    ResolutionsService,
    AuditService,
    ScreeningExamplesService,
  ],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly personalData: PersonalDataRegistry,
    private readonly flags: FlagsService,
    private readonly examples: ScreeningExamplesService,
  ) {}

  onModuleInit(): void {
    this.personalData.addExporter('flags', (userId, tx) => this.flags.exportOwn(userId, tx));
    this.personalData.addEraser((userId, tx) => this.flags.eraseNotes(userId, tx));
    this.personalData.addEraser((userId, tx) => this.examples.eraseFor(userId, tx));
  }
}

/** The `moderation` queue's processor: screening, and the end of new members' holds. */
@Module({
  imports: [ModerationCoreModule],
  providers: [ScreeningProcessor, HeldPostsService],
})
export class ModerationWorkerModule {}
