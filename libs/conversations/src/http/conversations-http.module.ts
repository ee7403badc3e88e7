import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations.module.js';
import { EventsController } from './events.controller.js';

/** The staff HTTP surface of the conversation store; api only (the worker imports just the store). */
@Module({ imports: [ConversationsModule], controllers: [EventsController] })
export class ConversationsHttpModule {}
