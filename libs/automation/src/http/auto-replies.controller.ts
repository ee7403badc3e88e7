import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@app/identity';
import { ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import {
  type AutoRepliesInput,
  type AutoRepliesView,
  autoRepliesSchema,
  autoRepliesViewSchema,
} from '../auto-replies/auto-reply-schemas.js';
import { AutoReplySettings } from '../auto-replies/auto-reply-settings.js';

const EXAMPLE = {
  afterHours: {
    enabled: true,
    sms: 'Thanks for texting {practiceName}. We are closed now and will answer from {nextOpening}. Emergencies: call 911.',
    email:
      'Thank you for writing to {practiceName}. Our office is closed; we will reply from {nextOpening}. Book online: {link}',
  },
  firstContact: {
    enabled: true,
    webform: 'Thanks for contacting {practiceName}! We will be in touch shortly.',
  },
  throttleHours: 12,
  practicePhone: '+15555550123',
  link: 'https://clinic.example/book',
  configured: true,
} satisfies AutoRepliesView;

@ApiTags('practice')
@Controller('v1/practice/auto-replies')
export class AutoRepliesController {
  constructor(private readonly settings: AutoReplySettings) {}

  @Get()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: "The practice's auto-replies (all off and configured: false until set)" })
  @ApiZodResponse(200, autoRepliesViewSchema, { description: 'The auto-replies', example: EXAMPLE })
  get(): Promise<AutoRepliesView> {
    return this.settings.get();
  }

  @Put()
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Replace the auto-replies: after hours and first contact, a template per channel, the throttle',
    description:
      'Templates are plain, PHI-free text per channel (sms, email, chat, webform); a kind enabled without a ' +
      'template for a channel sends nothing there. Placeholders: {practiceName}, {practicePhone} (practicePhone, else the ' +
      'SMS HELP number), {nextOpening} (the next opening in the practice time zone, "Monday 8:00 AM"; "now" while ' +
      'open; "soon" when none), {link} (needs link). Any other {...}, a placeholder nothing fills, markup, or an SMS ' +
      '(or web form) reply over 2 segments once filled is 400 `validation_failed` naming the field. At most one ' +
      'auto-reply per contact and channel every throttleHours (1-168, default 12). Never to a keyword text, an ' +
      'automatic email, an opted-out number, a suppressed address, an unproven (claimed) address or the portal.',
  })
  @ApiZodBody(autoRepliesSchema)
  @ApiZodResponse(200, autoRepliesViewSchema, { description: 'The auto-replies as stored', example: EXAMPLE })
  replace(@ValidBody(autoRepliesSchema) body: AutoRepliesInput): Promise<AutoRepliesView> {
    return this.settings.replace(body);
  }
}
