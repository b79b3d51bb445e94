export { ChatModule, ChatCoreModule } from './chat.module';
export {
  MessagesService,
  type MessageForReview,
  type MessageForScreening,
} from './messages.service';
export { ChatExtensions, type LiveSessionSql } from './chat.extensions';
export { PresenceService } from './presence.service';
export { ChatJobs } from './chat.jobs';
export type { MessageView } from './message.view';
export type { MessageStatus, HiddenReason, ReactionKind } from './message.entity';
