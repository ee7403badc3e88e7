import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@app/identity';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import {
  type CreateChannelInput,
  type UpdateChannelInput,
  createChannelSchema,
  updateChannelSchema,
} from './channel-schemas.js';
import {
  type ChannelView,
  SMS_CHANNEL_EXAMPLE,
  channelListSchema,
  channelViewSchema,
} from './channel-views.js';
import { ChannelsService } from './channels.service.js';

/** A malformed id names no channel: 404 like an unknown one (ChannelsService checks it). */
const ChannelIdParam = () =>
  ApiParam({ name: 'id', description: 'The channel’s id', schema: { type: 'string', format: 'uuid' } });

/** The practice's channels (admin). Secrets go in, never come out. */
@ApiTags('channels')
@RequirePermission('channels.manage')
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a channel; answers the webhook URLs to configure at the provider',
    description:
      'One body per `type`: `sms` (Twilio), `email` (SendGrid), `webform`, `chat`. Credentials are stored ' +
      'encrypted and never answered; an email channel’s answer is the only one carrying its URL secrets.',
  })
  @ApiZodBody(createChannelSchema)
  @ApiZodResponse(201, channelViewSchema, { description: 'The new channel', example: SMS_CHANNEL_EXAMPLE })
  @ApiErrors({ 400: ['validation_failed'] })
  create(@ValidBody(createChannelSchema) body: CreateChannelInput): Promise<ChannelView> {
    return this.channels.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Live channels of the practice' })
  @ApiZodResponse(200, channelListSchema, {
    description: 'Every channel not deleted',
    example: { data: [SMS_CHANNEL_EXAMPLE] },
  })
  async list(): Promise<{ data: ChannelView[] }> {
    return { data: await this.channels.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One live channel' })
  @ChannelIdParam()
  @ApiZodResponse(200, channelViewSchema, { description: 'The channel', example: SMS_CHANNEL_EXAMPLE })
  @ApiErrors({ 404: ['not_found'] })
  get(@Param('id') id: string): Promise<ChannelView> {
    return this.channels.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change the number or rotate the auth token',
    description:
      'Each channel type takes its own fields and refuses the others (400 validation_failed naming them): ' +
      'SMS its number, account, token, messaging service and send rate; email its Event Webhook key or a ' +
      'new events secret; web forms and chat widgets their name and allowed origins.',
  })
  @ChannelIdParam()
  @ApiZodBody(updateChannelSchema)
  @ApiZodResponse(200, channelViewSchema, {
    description: 'The channel as changed',
    example: SMS_CHANNEL_EXAMPLE,
  })
  @ApiErrors({ 400: ['validation_failed'], 404: ['not_found'] })
  update(
    @Param('id') id: string,
    @ValidBody(updateChannelSchema) body: UpdateChannelInput,
  ): Promise<ChannelView> {
    return this.channels.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft delete: inbound webhooks stop routing to it; its messages stay' })
  @ChannelIdParam()
  @ApiContentResponse(204, { description: 'Deleted' })
  @ApiErrors({ 404: ['not_found'] })
  async remove(@Param('id') id: string): Promise<void> {
    await this.channels.remove(id);
  }
}
