import type { InboxChannel } from '@app/conversations';

export const LEAD_STAGE_VALUES = ['new', 'contacted', 'scheduled', 'patient', 'lost'] as const;
export type RuleLeadStage = (typeof LEAD_STAGE_VALUES)[number];
export const PRIORITY_VALUES = ['low', 'normal', 'high', 'urgent'] as const;
export type RulePriority = (typeof PRIORITY_VALUES)[number];

/** When a rule applies: every condition given must hold (none given: every new conversation). */
export interface RuleConditions {
  /** The message came in on one of these channel kinds. */
  channel?: InboxChannel[];
  /** The message came in on this practice channel (number, form, widget, inbox). */
  channelId?: string;
  /** The contact's lead stage is one of these (a contact without one matches none). */
  leadStage?: RuleLeadStage[];
  /** A word or phrase in the message, case-insensitively, as whole words. */
  keyword?: string;
  /** The practice's business hours: `within` only when configured and open, `outside` only when configured and closed. */
  businessHours?: 'within' | 'outside';
}

/** What a rule does; at least one. */
export interface RuleActions {
  assignUserId?: string;
  /** Round-robin over the team's active members who are not away. */
  assignTeamId?: string;
  addTags?: string[];
  priority?: RulePriority;
  /** The contact's lead stage. */
  leadStage?: RuleLeadStage;
}

/** A rule's definition, as written. */
export interface RoutingRuleInput {
  name: string;
  position: number;
  enabled: boolean;
  onReopen: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface RoutingRule extends RoutingRuleInput {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a rule is matched against: facts of the new message and its conversation, in memory only. */
export interface RoutingFacts {
  channel: InboxChannel;
  channelId: string | null;
  leadStage: string | null;
  /** The message text: matched here and nowhere kept. */
  body: string;
  /** Whether the practice is open at the message's time; null when it never set business hours. */
  open: boolean | null;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('en-US');

/**
 * Whether `keyword` occurs in `body` as whole words, ignoring case: `refill` matches "Refill
 * please" and "a refill." but not "refills". Internal spaces of a phrase match any run of white
 * space. A plain scan (no pattern built from the keyword, so none can backtrack).
 */
export function keywordMatches(keyword: string, body: string): boolean {
  const words = fold(keyword).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return false;
  const text = fold(body);
  for (let start = text.indexOf(words[0]!); start !== -1; start = text.indexOf(words[0]!, start + 1)) {
    if (start > 0 && WORD_CHAR.test(text[start - 1]!)) continue;
    let at = start + words[0]!.length;
    let ok = true;
    for (const word of words.slice(1)) {
      const spaceStart = at;
      while (at < text.length && /\s/u.test(text[at]!)) at++;
      if (at === spaceStart || !text.startsWith(word, at)) {
        ok = false;
        break;
      }
      at += word.length;
    }
    if (ok && (at >= text.length || !WORD_CHAR.test(text[at]!))) return true;
  }
  return false;
}

/** Pure: whether every condition of the rule holds for these facts. */
export function ruleMatches(conditions: RuleConditions, facts: RoutingFacts): boolean {
  if (conditions.channel && !conditions.channel.includes(facts.channel)) return false;
  if (conditions.channelId && conditions.channelId !== facts.channelId) return false;
  if (conditions.leadStage && !(conditions.leadStage as string[]).includes(facts.leadStage ?? ''))
    return false;
  if (conditions.businessHours === 'within' && facts.open !== true) return false;
  if (conditions.businessHours === 'outside' && facts.open !== false) return false;
  if (conditions.keyword && !keywordMatches(conditions.keyword, facts.body)) return false;
  return true;
}
