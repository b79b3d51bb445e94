export { SessionsCoreModule, SessionsModule, SessionsWorkerModule } from './sessions.module';
export { SessionsService } from './sessions.service';
export { SessionsReconciler } from './sessions.reconciler';
export type { SessionView } from './session.view';
export type { SessionStatus, RsvpStatus } from './session.entity';
