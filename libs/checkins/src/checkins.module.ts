import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule, PersonalDataRegistry } from '@kintsugi/identity';
import { NotificationsCoreModule } from '@kintsugi/notifications';
import { ModerationCoreModule } from '@kintsugi/moderation';
import { CheckInRemindersService } from './checkin-reminders.service';
import { CheckInRemindersSweeper } from './checkin-reminders.sweeper';
import { CheckInScreeningService } from './checkin-screening.service';
import { CheckIn, CheckInReminder } from './checkin.entity';
import { CheckInsController } from './checkins.controller';
import { CheckInsProcessor } from './checkins.processor';
import { CheckInsService } from './checkins.service';

/** Check-ins and the reminder setting, for the API and the worker alike. */
@Module({
  imports: [
    IdentityCoreModule,
    NotificationsCoreModule,
    TypeOrmModule.forFeature([CheckIn, CheckInReminder]),
  ],
  providers: [CheckInsService, CheckInRemindersService],
  exports: [CheckInsService, CheckInRemindersService],
})
export class CheckInsCoreModule {}

/** The HTTP side, and the member's export and erasure. */
@Module({
  imports: [CheckInsCoreModule],
  controllers: [CheckInsController],
})
export class CheckInsModule implements OnModuleInit {
  constructor(
    private readonly personalData: PersonalDataRegistry,
    private readonly checkIns: CheckInsService,
    private readonly reminders: CheckInRemindersService,
  ) {}

  onModuleInit(): void {
    this.personalData.addExporter('checkIns', (userId, tx) => this.checkIns.exportFor(userId, tx));
    this.personalData.addExporter('checkInReminder', (userId, tx) =>
      this.reminders.exportFor(userId, tx),
    );
    this.personalData.addEraser((userId, tx) => this.checkIns.eraseFor(userId, tx));
    this.personalData.addEraser((userId, tx) => this.reminders.eraseFor(userId, tx));
  }
}

/** The `checkins` queue's processor (crisis screening of notes) and the weekly reminder sweep. */
@Module({
  // ModerationCoreModule for CrisisResources, the list in force (CRISIS_RESOURCES).
  imports: [CheckInsCoreModule, ModerationCoreModule],
  providers: [CheckInScreeningService, CheckInsProcessor, CheckInRemindersSweeper],
})
export class CheckInsWorkerModule {}
