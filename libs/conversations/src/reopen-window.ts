import type { TenantTx } from '@app/database';
import { type PracticeSettings, practiceSettingsFor } from '@app/identity';

/**
 * Practice setting (practices.settings, set through PATCH /v1/practice/settings) naming how long a
 * closed conversation may be reopened; its bounds and default are the practice settings' own.
 */
export const REOPEN_WINDOW_SETTING = 'conversationReopenDays' satisfies keyof PracticeSettings;

/**
 * The practice's reopen window in days, for `ConversationRepository.activeFor` (pass it as
 * `() => practiceReopenWindowDays(tx)`: read only when a closed conversation is a candidate).
 */
export async function practiceReopenWindowDays(tx: TenantTx): Promise<number> {
  return (await practiceSettingsFor(tx, [REOPEN_WINDOW_SETTING])).settings.conversationReopenDays;
}
