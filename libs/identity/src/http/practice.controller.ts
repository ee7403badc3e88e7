import { Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import { RequirePermission } from '../access/decorators.js';
import { type PracticeSettingsPatch, practiceSettingsPatchSchema } from '../practice/practice-settings.js';
import { PracticeSettingsService } from '../practice/practice-settings.service.js';
import { practiceSettingsSchema } from './views.js';

type Settings = Promise<z.output<typeof practiceSettingsSchema>>;

@ApiTags('practice')
@Controller('v1/practice')
export class PracticeController {
  constructor(private readonly settings: PracticeSettingsService) {}

  @Get('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: "The practice's settings (defaults for what was never set)" })
  @ApiZodResponse(200, practiceSettingsSchema, { description: 'The settings' })
  get(): Settings {
    return this.settings.get();
  }

  @Patch('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary:
      'Idle logoff (minutes), MFA for all roles, and the patient pages: secure link lifetime (days, default 14), ' +
      'date of birth check, brand colour, logo (data: URI); how long a closed conversation reopens; the SMS HELP answer',
    description:
      'Only the fields given change (null clears the colour, the logo, the HELP answer or its number). A new idle ' +
      'timeout applies to live sessions from their next request; a new reopen window to the next inbound message.',
  })
  @ApiZodBody(practiceSettingsPatchSchema)
  @ApiZodResponse(200, practiceSettingsSchema, { description: 'The settings as changed' })
  update(@ValidBody(practiceSettingsPatchSchema) body: PracticeSettingsPatch): Settings {
    return this.settings.update(body);
  }
}
