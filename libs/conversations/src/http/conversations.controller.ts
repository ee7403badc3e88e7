import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Authenticated, CurrentUser, IdParam, type Principal } from '@app/identity';
import { ApiZodBody, ApiZodQuery, ValidBody, ValidQuery } from '@app/observability';
import { AddNote } from '../inbox/add-note.js';
import { CountConversations } from '../inbox/count-conversations.js';
import { ListConversations } from '../inbox/list-conversations.js';
import { MarkConversationRead } from '../inbox/mark-read.js';
import { ReadConversation } from '../inbox/read-conversation.js';
import { ReadMessages } from '../inbox/read-messages.js';
import { UpdateConversation } from '../inbox/update-conversation.js';
import {
  listConversationsQuery,
  messagesPageQuery,
  noteBody,
  updateConversationBody,
} from './inbox-schemas.js';

/**
 * The staff inbox, one use case per route. Routes declare @Authenticated(): who sees which
 * conversations is decided by the use cases (InboxGuard, inbox-access) from ROLE_PERMISSIONS (conversations.read: the whole practice;
 * conversations.read_assigned: tagged billing or assigned to them), each refusal audited.
 */
@ApiTags('conversations')
@Controller('v1/conversations')
export class ConversationsController {
  constructor(
    private readonly listConversations: ListConversations,
    private readonly countConversations: CountConversations,
    private readonly readConversation: ReadConversation,
    private readonly readMessages: ReadMessages,
    private readonly updateConversation: UpdateConversation,
    private readonly addNoteToConversation: AddNote,
    private readonly markConversationRead: MarkConversationRead,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Inbox page, newest activity first (lastMessageAt desc, id desc), keyset cursor; status defaults to all. ' +
      '`unread=true`: newer messages than the caller has read. No counts here: see /v1/conversations/counts',
  })
  @ApiZodQuery(listConversationsQuery)
  list(
    @CurrentUser() viewer: Principal,
    @ValidQuery(listConversationsQuery) q: z.infer<typeof listConversationsQuery>,
  ) {
    return this.listConversations.execute(viewer, {
      status: q.status === 'all' ? undefined : q.status,
      channel: q.channel,
      assignee: q.assignee === 'me' ? viewer.userId : q.assignee,
      tag: q.tag,
      unread: q.unread === 'true',
      leadStage: q.leadStage,
      after: q.cursor,
      limit: q.limit,
    });
  }

  @Get('counts')
  @Authenticated()
  @ApiOperation({
    summary: 'Conversations per status, and not-closed ones per assignee (maintained counters)',
  })
  counts(@CurrentUser() viewer: Principal) {
    return this.countConversations.execute(viewer);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A conversation with its contact and the lead source (audited PHI read)' })
  detail(@CurrentUser() viewer: Principal, @IdParam('id', 'Conversation') id: string) {
    return this.readConversation.execute(viewer, id);
  }

  @Get(':id/messages')
  @Authenticated()
  @ApiOperation({ summary: 'Messages and notes, newest first, keyset cursor (audited PHI read)' })
  @ApiZodQuery(messagesPageQuery)
  messages(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidQuery(messagesPageQuery) q: z.infer<typeof messagesPageQuery>,
  ) {
    return this.readMessages.execute(viewer, id, { after: q.cursor, limit: q.limit });
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    summary:
      'Status (snooze with snoozedUntil: reopens then), assignee (active staff of the practice; needs ' +
      'conversations.assign), priority, tags (replaces), lead stage (of the contact)',
  })
  @ApiZodBody(updateConversationBody)
  update(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidBody(updateConversationBody) body: z.infer<typeof updateConversationBody>,
  ) {
    return this.updateConversation.execute(viewer, id, body);
  }

  @Post(':id/notes')
  @Authenticated()
  @ApiOperation({ summary: 'Internal note: visible to staff in the thread, never sent to the patient' })
  @ApiZodBody(noteBody)
  addNote(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidBody(noteBody) body: z.infer<typeof noteBody>,
  ) {
    return this.addNoteToConversation.execute(viewer, id, body.body);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark read by the caller up to the newest message ("unread" is per user)' })
  async markRead(@CurrentUser() viewer: Principal, @IdParam('id', 'Conversation') id: string): Promise<void> {
    await this.markConversationRead.execute(viewer, id);
  }
}
