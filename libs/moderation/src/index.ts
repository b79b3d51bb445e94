export {
  ModerationCoreModule,
  ModerationModule,
  ModerationWorkerModule,
} from './moderation.module';
export { ScreeningService } from './screening.service';
export { CrisisResources } from './crisis-resources';
export type { ReviewItemView } from './review-item.view';
export type { AuditEntryView } from './audit.service';
export type { ReviewReason, ReviewPriority, FlagReason, ResolutionAction } from './review-reasons';
export { screenMessage, type ScreenVerdict } from './screening';
