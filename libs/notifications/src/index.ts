export {
  NotificationsCoreModule,
  NotificationsModule,
  NotificationsWorkerModule,
} from './notifications.module';
export { NotificationsService, type Delivery } from './notifications.service';
export type {
  NotifyInput,
  NotificationKind,
  NotificationContent,
  SessionReminderPayload,
  SessionCancelledPayload,
  SessionRescheduledPayload,
  ModerationNoticePayload,
  CrisisResourcesPayload,
  CheckInReminderPayload,
  CrisisResource,
} from './notification.kinds';
export type { NotificationView } from './notification.view';
export { UNSUBSCRIBE_PATH } from './unsubscribe.controller';
