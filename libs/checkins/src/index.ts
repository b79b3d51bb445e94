export { CheckInsCoreModule, CheckInsModule, CheckInsWorkerModule } from './checkins.module';
export { CheckInsService } from './checkins.service';
export { CheckInRemindersService } from './checkin-reminders.service';
export { CheckInScreeningService } from './checkin-screening.service';
export type { CheckInView, ReminderSettingView } from './checkin.view';
export { SCALES, type Scale } from './checkin.scales';
