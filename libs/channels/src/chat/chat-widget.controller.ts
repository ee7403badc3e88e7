import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContentResponse, ApiErrors, AppError, Public } from '@app/observability';
import { isPublicKey } from '../webform/public-channel.repository.js';
import { WIDGET_JS, demoPage } from './chat-widget.assets.js';

/** The embeddable chat script and a demo page that embeds it (no inline script: CSP-compatible). */
@ApiTags('public intake')
@Public()
@Controller('chat')
export class ChatWidgetController {
  @Get('widget.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  // Practice websites load it from another origin; helmet's default (same-origin) would block that.
  @Header('Cross-Origin-Resource-Policy', 'cross-origin')
  @ApiOperation({ summary: 'The chat widget: <script src=".../chat/widget.js" data-widget-key="cw_...">' })
  @ApiContentResponse(200, {
    mediaType: 'text/javascript',
    description: 'The widget script (cacheable for 5 minutes, loadable from any origin)',
  })
  widget(): string {
    return WIDGET_JS;
  }

  @Get('demo')
  @ApiOperation({
    summary: 'Demo page embedding the widget (add this API’s origin to the widget’s allowedOrigins)',
  })
  @ApiQuery({
    name: 'widgetKey',
    required: true,
    description: 'A chat widget’s key',
    schema: { type: 'string', pattern: '^cw_[A-Za-z0-9_-]{32}$' },
  })
  @ApiContentResponse(200, { mediaType: 'text/html', description: 'The demo page' })
  @ApiErrors({ 400: ['validation_failed'] })
  demo(@Query('widgetKey') widgetKey: unknown, @Res({ passthrough: true }) res: FastifyReply): string {
    // Validated against the key format, so nothing but [A-Za-z0-9_-] reaches the HTML.
    if (typeof widgetKey !== 'string' || !isPublicKey(widgetKey) || !widgetKey.startsWith('cw_'))
      throw AppError.validation([{ path: 'widgetKey', message: 'must be a chat widget key' }]);
    res.type('text/html; charset=utf-8');
    return demoPage(widgetKey);
  }
}
