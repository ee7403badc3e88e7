import { Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ValidBody } from '@app/observability';
import { RequirePermission } from '../access/decorators.js';
import { type PracticeSettingsPatch, practiceSettingsPatchSchema } from '../practice/practice-settings.js';
import { PracticeSettingsService } from '../practice/practice-settings.service.js';

@ApiTags('practice')
@Controller('v1/practice')
export class PracticeController {
  constructor(private readonly settings: PracticeSettingsService) {}

  @Get('settings')
  @RequirePermission('practice.settings')
  get() {
    return this.settings.get();
  }

  @Patch('settings')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary:
      'Idle logoff (minutes), MFA for all roles, and the patient pages: secure link lifetime (days, default 14), ' +
      'date of birth check, brand colour, logo (data: URI)',
  })
  @ApiZodBody(practiceSettingsPatchSchema)
  update(@ValidBody(practiceSettingsPatchSchema) body: PracticeSettingsPatch) {
    return this.settings.update(body);
  }
}
