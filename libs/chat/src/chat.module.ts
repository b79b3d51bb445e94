import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityCoreModule } from '@kintsugi/identity';
import { GroupsCoreModule } from '@kintsugi/groups';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatExtensions } from './chat.extensions';
import { ChatGateway } from './chat.gateway';
import { GroupMessagesController } from './group-messages.controller';
import { MessageCommitQueue } from './message-commit.queue';
import { MessageEditsService } from './message-edits.service';
import { MessageHistoryService } from './message-history.service';
import { MessageSendService } from './message-send.service';
import { Message, MessageReaction } from './message.entity';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { PresenceService } from './presence.service';

/**
 * What other features (and the worker) use: MessagesService for moderation,
 * ChatExtensions for sessions, PresenceService for groups and attendance.
 */
@Module({
  imports: [
    IdentityCoreModule,
    GroupsCoreModule,
    TypeOrmModule.forFeature([Message, MessageReaction]),
  ],
  providers: [ChatExtensions, ChatBroadcaster, MessagesService, PresenceService],
  exports: [ChatExtensions, ChatBroadcaster, MessagesService, PresenceService],
})
export class ChatCoreModule {}

/** The API side: REST routes and the /chat socket namespace. */
@Module({
  imports: [ChatCoreModule],
  controllers: [GroupMessagesController, MessagesController],
  providers: [
    MessageCommitQueue,
    MessageSendService,
    MessageHistoryService,
    MessageEditsService,
    ChatGateway,
  ],
})
export class ChatModule {}
