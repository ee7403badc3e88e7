import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Authenticated, CurrentUser, IdParam, type Principal } from '@app/identity';
import {
  ApiContentResponse,
  ApiErrors,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  ValidBody,
  ValidQuery,
} from '@app/observability';
import { AddNote } from '../inbox/add-note.js';
import { ConversationActivity } from '../inbox/conversation-activity.js';
import { CountConversations } from '../inbox/count-conversations.js';
import { ListConversations } from '../inbox/list-conversations.js';
import { MarkConversationRead } from '../inbox/mark-read.js';
import { ReadConversation } from '../inbox/read-conversation.js';
import { ReadMessages } from '../inbox/read-messages.js';
import { UpdateConversation } from '../inbox/update-conversation.js';
import {
  activityPageExample,
  activityPageSchema,
  conversationCountsExample,
  conversationCountsSchema,
  conversationDetailExample,
  conversationDetailSchema,
  inboxItemSchema,
  inboxPageExample,
  inboxPageSchema,
  messagesPageExample,
  messagesPageSchema,
  noteExample,
  noteSchema,
} from './inbox-responses.js';
import {
  TEAM_PREFIX,
  activityPageQuery,
  listConversationsQuery,
  messagesPageQuery,
  noteBody,
  updateConversationBody,
} from './inbox-schemas.js';

/** `me` is the caller; `team:<id>` filters on the team instead of the assignee. */
function assigneeFilter(
  assignee: string | undefined,
  viewer: Principal,
): { assignee?: string; teamId?: string } {
  if (assignee === 'me') return { assignee: viewer.userId };
  if (assignee?.startsWith(TEAM_PREFIX)) return { teamId: assignee.slice(TEAM_PREFIX.length) };
  return { assignee };
}

/** A malformed id answers 404 like an unknown one (IdParam): documented as a uuid. */
const ConversationIdParam = ApiParam({
  name: 'id',
  description: 'Conversation id',
  schema: { type: 'string', format: 'uuid' },
});
/** Unknown ids and conversations of another practice alike. */
const NOT_FOUND = { 404: ['not_found'] };

/**
 * The staff inbox, one use case per route. Routes declare @Authenticated(): who sees which
 * conversations is decided by the use cases (InboxGuard, inbox-access) from ROLE_PERMISSIONS (conversations.read: the whole practice;
 * conversations.read_assigned: tagged billing or assigned to them), each refusal audited.
 */
@ApiTags('conversations')
// InboxGuard: a role without inbox permission, or a conversation outside the caller's scope.
@ApiErrors({ 403: ['forbidden'] })
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
    private readonly conversationActivity: ConversationActivity,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Inbox page, newest activity first',
    description:
      'Sorted by lastMessageAt desc, id desc, with a keyset cursor; status defaults to all. ' +
      '`unread=true`: newer messages than the caller has read. Billing staff see only conversations ' +
      'tagged billing or assigned to them. No counts here: see /v1/conversations/counts. Audited PHI read.',
  })
  @ApiZodQuery(listConversationsQuery)
  @ApiZodResponse(200, inboxPageSchema, { description: 'A page of conversations', example: inboxPageExample })
  list(
    @CurrentUser() viewer: Principal,
    @ValidQuery(listConversationsQuery) q: z.infer<typeof listConversationsQuery>,
  ): Promise<z.output<typeof inboxPageSchema>> {
    return this.listConversations.execute(viewer, {
      status: q.status === 'all' ? undefined : q.status,
      channel: q.channel,
      ...assigneeFilter(q.assignee, viewer),
      tag: q.tag,
      unread: q.unread === 'true',
      leadStage: q.leadStage,
      overSla: q.waiting === 'over_sla',
      after: q.cursor,
      limit: q.limit,
    });
  }

  @Get('counts')
  @Authenticated()
  @ApiOperation({
    summary: 'Conversations per status, and not-closed ones per assignee',
    description:
      'From maintained counters; practice-wide, so only roles that see the whole inbox (403 otherwise).',
  })
  @ApiZodResponse(200, conversationCountsSchema, {
    description: 'The counters',
    example: conversationCountsExample,
  })
  counts(@CurrentUser() viewer: Principal): Promise<z.output<typeof conversationCountsSchema>> {
    return this.countConversations.execute(viewer);
  }

  @Get(':id')
  @Authenticated()
  @ConversationIdParam
  @ApiOperation({ summary: 'A conversation with its contact and the lead source (audited PHI read)' })
  @ApiZodResponse(200, conversationDetailSchema, {
    description: 'The conversation',
    example: conversationDetailExample,
  })
  @ApiErrors(NOT_FOUND)
  detail(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
  ): Promise<z.output<typeof conversationDetailSchema>> {
    return this.readConversation.execute(viewer, id);
  }

  @Get(':id/messages')
  @Authenticated()
  @ConversationIdParam
  @ApiOperation({
    summary: 'Messages and notes, newest first, keyset cursor (audited PHI read)',
    description:
      'Each message lists its stored files (`attachments`: MMS media, email attachments; the bytes at ' +
      'GET /v1/messages/{id}/attachments/{attachmentId}, each download audited); a web form message carries ' +
      'the structured `fields` submitted with it.',
  })
  @ApiZodQuery(messagesPageQuery)
  @ApiZodResponse(200, messagesPageSchema, {
    description: 'A page of messages',
    example: messagesPageExample,
  })
  @ApiErrors(NOT_FOUND)
  messages(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidQuery(messagesPageQuery) q: z.infer<typeof messagesPageQuery>,
  ): Promise<z.output<typeof messagesPageSchema>> {
    return this.readMessages.execute(viewer, id, { after: q.cursor, limit: q.limit });
  }

  @Get(':id/activity')
  @Authenticated()
  @ConversationIdParam
  @ApiOperation({
    summary: "The conversation's activity, newest first, keyset cursor",
    description:
      'Its changes from the audit trail, with who made them: staff (by name), a routing rule (by name), the ' +
      'system. Assignments, status and triage changes, notes, SLA breaches and auto-closes; reads are not ' +
      'activity, and an automatic answer is a `system` message of the conversation, not an activity entry. ' +
      'The same visibility as the conversation.',
  })
  @ApiZodQuery(activityPageQuery)
  @ApiZodResponse(200, activityPageSchema, {
    description: 'A page of activity',
    example: activityPageExample,
  })
  @ApiErrors(NOT_FOUND)
  activity(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidQuery(activityPageQuery) q: z.infer<typeof activityPageQuery>,
  ): Promise<z.output<typeof activityPageSchema>> {
    return this.conversationActivity.execute(viewer, id, { beforeSeq: q.cursor, limit: q.limit });
  }

  @Patch(':id')
  @Authenticated()
  @ConversationIdParam
  @ApiOperation({
    summary: 'Triage: status, assignee, team, priority, tags, lead stage',
    description:
      'Status (snooze with snoozedUntil: reopens then), assignee (active staff of the practice; needs ' +
      'conversations.assign, else 403), team (a team of the practice, 422 invalid_team otherwise; needs ' +
      'conversations.assign; the assignee is left as it is), priority, tags (replaces), lead stage (of the contact). ' +
      '409 conversation_conflict: reopening while the contact has another conversation that is not closed.',
  })
  @ApiZodBody(updateConversationBody)
  @ApiZodResponse(200, inboxItemSchema, {
    description: 'The conversation as the inbox lists it',
    example: inboxPageExample.data[0],
  })
  @ApiErrors({
    ...NOT_FOUND,
    409: ['conversation_conflict', 'concurrent_change'],
    422: ['invalid_assignee', 'invalid_team'],
  })
  update(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidBody(updateConversationBody) body: z.infer<typeof updateConversationBody>,
  ): Promise<z.output<typeof inboxItemSchema>> {
    return this.updateConversation.execute(viewer, id, body);
  }

  @Post(':id/notes')
  @Authenticated()
  @ConversationIdParam
  @ApiOperation({ summary: 'Internal note: visible to staff in the thread, never sent to the patient' })
  @ApiZodBody(noteBody)
  @ApiZodResponse(201, noteSchema, { description: 'The note was added', example: noteExample })
  @ApiErrors(NOT_FOUND)
  addNote(
    @CurrentUser() viewer: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidBody(noteBody) body: z.infer<typeof noteBody>,
  ): Promise<z.output<typeof noteSchema>> {
    return this.addNoteToConversation.execute(viewer, id, body.body);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(204)
  @ConversationIdParam
  @ApiOperation({ summary: 'Mark read by the caller up to the newest message ("unread" is per user)' })
  @ApiContentResponse(204, { description: 'Marked read' })
  @ApiErrors(NOT_FOUND)
  async markRead(@CurrentUser() viewer: Principal, @IdParam('id', 'Conversation') id: string): Promise<void> {
    await this.markConversationRead.execute(viewer, id);
  }
}
