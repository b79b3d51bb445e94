import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule, PersonalDataRegistry } from '@kintsugi/identity';
import { EmailProcessor } from './email.processor';
import { Mailer } from './mailer.service';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeLinks } from './unsubscribe-links';

/** NotificationsService for any feature, in the API or the worker (import this, not the others). */
@Module({
  imports: [IdentityCoreModule, TypeOrmModule.forFeature([Notification])],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsCoreModule {}

/** The HTTP side: list, mark read, unsubscribe; and the member's export and erasure. */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController, UnsubscribeController],
  providers: [UnsubscribeLinks],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly personalData: PersonalDataRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.personalData.addExporter('notifications', (userId, tx) =>
      this.notifications.exportFor(userId, tx),
    );
    this.personalData.addEraser((userId, tx) => this.notifications.eraseFor(userId, tx));
  }
}

/** The e-mail queue's processor. */
@Module({
  imports: [NotificationsCoreModule],
  providers: [EmailProcessor, Mailer, UnsubscribeLinks],
})
export class NotificationsWorkerModule {}
