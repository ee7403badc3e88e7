import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@app/identity';
import { ApiZodBody, ValidBody } from '@app/observability';
import {
  type CreateChannelInput,
  type UpdateChannelInput,
  createChannelSchema,
  updateChannelSchema,
} from './channel-schemas.js';
import { type ChannelView, ChannelsService } from './channels.service.js';

/** The practice's channels (admin). Secrets go in, never come out. */
@ApiTags('channels')
@RequirePermission('channels.manage')
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a channel; answers the webhook URLs to configure at the provider' })
  @ApiZodBody(createChannelSchema)
  create(@ValidBody(createChannelSchema) body: CreateChannelInput): Promise<ChannelView> {
    return this.channels.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Live channels of the practice' })
  async list(): Promise<{ data: ChannelView[] }> {
    return { data: await this.channels.list() };
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<ChannelView> {
    return this.channels.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change the number or rotate the auth token' })
  @ApiZodBody(updateChannelSchema)
  update(
    @Param('id') id: string,
    @ValidBody(updateChannelSchema) body: UpdateChannelInput,
  ): Promise<ChannelView> {
    return this.channels.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft delete: inbound webhooks stop routing to it; its messages stay' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.channels.remove(id);
  }
}
