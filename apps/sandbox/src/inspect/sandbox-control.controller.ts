import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { type Fault, FaultInjector } from '../common/fault-injector.service.js';
import { MessageLog } from '../common/message-log.service.js';
import { type RuntimeSettings, SandboxSettings } from '../common/sandbox-settings.service.js';
import { ZodBody } from '../common/zod-body.pipe.js';
import {
  type ConfigInput,
  configSchema,
  type FaultInput,
  faultSchema,
  type MessagesQuery,
  messagesQuerySchema,
} from './control-schemas.js';
import { toInspectView } from './inspect-views.js';

/** Inspection and knobs for tests and demos: what was sent, injected failures, timings. */
@Controller('sandbox')
export class SandboxControlController {
  constructor(
    private readonly log: MessageLog,
    private readonly faults: FaultInjector,
    private readonly settings: SandboxSettings,
  ) {}

  /** For container health checks. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Everything sent through either provider, newest first; `?to=` and `?provider=` narrow it. */
  @Get('messages')
  messages(@Query(new ZodBody(messagesQuerySchema)) query: MessagesQuery): Record<string, unknown>[] {
    return this.log.list(query).map(toInspectView);
  }

  @Get('messages/:id')
  message(@Param('id') id: string): Record<string, unknown> {
    const message = this.log.find(id);
    if (!message) throw new NotFoundException(`No sent message ${id}.`);
    return toInspectView(message);
  }

  @Delete('messages')
  @HttpCode(204)
  clearMessages(): void {
    this.log.clear();
  }

  /** The next `times` sends matching provider (and `to`) answer `status` without being recorded. */
  @Post('faults')
  addFault(@Body(new ZodBody(faultSchema)) input: FaultInput): Fault {
    return this.faults.add(input);
  }

  @Get('faults')
  listFaults(): Fault[] {
    return this.faults.list();
  }

  @Delete('faults')
  @HttpCode(204)
  clearFaults(): void {
    this.faults.clear();
  }

  @Get('config')
  config(): RuntimeSettings {
    return this.settings.snapshot();
  }

  @Put('config')
  updateConfig(@Body(new ZodBody(configSchema)) input: ConfigInput): RuntimeSettings {
    return this.settings.update(input);
  }
}
