import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataRegistry, IdentityCoreModule } from '@kintsugi/identity';
import { GroupsCoreModule, GroupsExtensions } from '@kintsugi/groups';
import { CurriculumCoreModule } from '@kintsugi/curriculum';
import { NotificationsCoreModule } from '@kintsugi/notifications';
import { ChatCoreModule, ChatExtensions } from '@kintsugi/chat';
import { liveSessionSql } from './live-session.sql';
import { RemindersService } from './reminders.service';
import { SessionAttendanceService } from './session-attendance.service';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionPlanningService } from './session-planning.service';
import { DiscussionSession, SessionAttendance, SessionRsvp } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionLifecycleProcessor, ReminderProcessor } from './sessions.processors';
import { SessionsReconciler } from './sessions.reconciler';
import { SessionsService } from './sessions.service';
import { SessionsPersonalData } from './sessions.personal-data';

/** Reading sessions and attendance, for the API and the worker alike. */
@Module({
  imports: [
    IdentityCoreModule,
    GroupsCoreModule,
    CurriculumCoreModule,
    NotificationsCoreModule,
    TypeOrmModule.forFeature([DiscussionSession, SessionRsvp, SessionAttendance]),
  ],
  providers: [SessionsService, SessionAttendanceService],
  exports: [SessionsService, SessionAttendanceService],
})
export class SessionsCoreModule {}

/**
 * The HTTP side: schedule, list, move, cancel, RSVP; the member's export and
 * erasure; the next session on groups and the live session on new messages.
 */
@Module({
  imports: [SessionsCoreModule, NotificationsCoreModule, ChatCoreModule],
  controllers: [SessionsController],
  providers: [SessionPlanningService, SessionsPersonalData],
})
export class SessionsModule implements OnModuleInit {
  constructor(
    private readonly personalData: PersonalDataRegistry,
    private readonly sessionsData: SessionsPersonalData,
    private readonly groups: GroupsExtensions,
    private readonly sessions: SessionsService,
    private readonly chat: ChatExtensions,
  ) {}

  onModuleInit(): void {
    this.groups.setNextSessionLookup((groupIds, viewerId) =>
      this.sessions.nextSessions(groupIds, viewerId),
    );
    this.chat.setLiveSessionSql(liveSessionSql);
    this.personalData.addExporter('rsvps', (userId, tx) => this.sessionsData.export(userId, tx));
    this.personalData.addEraser((userId, tx) => this.sessionsData.erase(userId, tx));
  }
}

/** The `sessions` and `reminders` queues' processors and the reconciler (chat's presence counts attendance). */
@Module({
  imports: [SessionsCoreModule, NotificationsCoreModule, ChatCoreModule],
  providers: [
    SessionLifecycleService,
    RemindersService,
    SessionLifecycleProcessor,
    ReminderProcessor,
    SessionsReconciler,
  ],
})
export class SessionsWorkerModule {}
