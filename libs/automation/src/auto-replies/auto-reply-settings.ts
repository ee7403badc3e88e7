import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import type { FieldProblem } from '@app/observability';
import { AutomationError } from '../automation.errors.js';
import type { AutoReplySettingsEntity } from './auto-reply.entity.js';
import { AutoReplyRepository } from './auto-reply.repository.js';
import {
  AUTO_REPLY_CHANNEL_LIST,
  type AutoRepliesInput,
  type AutoRepliesView,
  DEFAULT_THROTTLE_HOURS,
} from './auto-reply-schemas.js';
import {
  AUTO_REPLY_KINDS,
  type AutoReplyKind,
  type ChannelTemplates,
  templateProblems,
} from './auto-reply-templates.js';

/** How templates are kept in `auto_reply_settings.templates`. */
export type StoredTemplates = Partial<Record<AutoReplyKind, ChannelTemplates>>;

/** The stored templates, read defensively (only known kinds and channels, strings only). */
export function templatesOf(row: Pick<AutoReplySettingsEntity, 'templates'> | null): StoredTemplates {
  const raw = (row?.templates ?? {}) as Record<string, unknown>;
  const out: StoredTemplates = {};
  for (const kind of AUTO_REPLY_KINDS) {
    const byChannel = raw[kind];
    if (typeof byChannel !== 'object' || byChannel === null) continue;
    const templates: ChannelTemplates = {};
    for (const channel of AUTO_REPLY_CHANNEL_LIST) {
      const text = (byChannel as Record<string, unknown>)[channel];
      if (typeof text === 'string') templates[channel] = text;
    }
    out[kind] = templates;
  }
  return out;
}

/** The phone `{practicePhone}` shows: the one configured here, else the practice's SMS HELP number. */
export function practicePhoneOf(
  configured: string | null,
  smsHelpContactNumber: string | null,
): string | null {
  return configured ?? smsHelpContactNumber;
}

/** `GET`/`PUT /v1/practice/auto-replies`: the practice's auto-replies, validated and audited. */
@Injectable()
export class AutoReplySettings {
  constructor(
    private readonly db: TenantDb,
    private readonly repository: AutoReplyRepository,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<AutoRepliesView> {
    return this.db.transaction(async (tx) => view(await this.repository.settings(tx)));
  }

  replace(input: AutoRepliesInput): Promise<AutoRepliesView> {
    return this.db.transaction(async (tx) => {
      const practicePhone = input.practicePhone ?? null;
      const link = input.link ?? null;
      await this.check(tx, input, practicePhone, link);
      const templates: StoredTemplates = {};
      for (const kind of AUTO_REPLY_KINDS) {
        const { enabled: _enabled, ...byChannel } = input[kind];
        templates[kind] = byChannel;
      }
      const row = await this.repository.replace(tx, {
        afterHoursEnabled: input.afterHours.enabled,
        firstContactEnabled: input.firstContact.enabled,
        templates,
        throttleHours: input.throttleHours ?? DEFAULT_THROTTLE_HOURS,
        practicePhone,
        link,
      });
      // Which kinds answer on which channels, never the text.
      this.audit.record(tx, {
        action: 'practice.auto_replies_changed',
        target: { type: 'practice', id: tx.tenantId },
        metadata: {
          afterHours: input.afterHours.enabled,
          afterHoursChannels: channelsOf(templates.afterHours),
          firstContact: input.firstContact.enabled,
          firstContactChannels: channelsOf(templates.firstContact),
          throttleHours: row.throttle_hours,
          practicePhone: practicePhone !== null,
          link: link !== null,
        },
      });
      return view(row);
    });
  }

  /** The checks that need the practice: placeholders it can fill, SMS length with its name. */
  private async check(
    tx: TenantTx,
    input: AutoRepliesInput,
    practicePhone: string | null,
    link: string | null,
  ): Promise<void> {
    const { name, settings } = await practiceSettingsFor(tx, ['smsHelpContactNumber']);
    const context = {
      practiceName: name,
      practicePhone: practicePhoneOf(practicePhone, settings.smsHelpContactNumber),
      link,
    };
    const problems: FieldProblem[] = [];
    for (const kind of AUTO_REPLY_KINDS) {
      for (const channel of AUTO_REPLY_CHANNEL_LIST) {
        const body = input[kind][channel];
        if (body !== undefined)
          problems.push(...templateProblems(`${kind}.${channel}`, channel, body, context));
      }
    }
    if (problems.length > 0) throw AutomationError.validation(problems);
  }
}

/** The channels a kind has a template for, comma-separated (audit metadata is flat). */
function channelsOf(templates: ChannelTemplates | undefined): string {
  return AUTO_REPLY_CHANNEL_LIST.filter((c) => templates?.[c] !== undefined).join(',');
}

function view(row: AutoReplySettingsEntity | null): AutoRepliesView {
  const templates = templatesOf(row);
  return {
    afterHours: { enabled: row?.after_hours_enabled ?? false, ...templates.afterHours },
    firstContact: { enabled: row?.first_contact_enabled ?? false, ...templates.firstContact },
    throttleHours: row?.throttle_hours ?? DEFAULT_THROTTLE_HOURS,
    practicePhone: row?.practice_phone ?? null,
    link: row?.link ?? null,
    configured: row !== null,
  };
}
