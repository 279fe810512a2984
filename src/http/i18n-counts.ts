/** Counts in words with their plural ("1 straat", "2 straten"), for sentences that name several. */
import type { Translate } from '../i18n/translate.js';

export function frameCounts(t: Translate, counts: { addresses: number; streets: number; neighbourhoods: number }) {
  return {
    addresses: t('counts.addresses', { count: counts.addresses }),
    streets: t('counts.streets', { count: counts.streets }),
    neighbourhoods: t('counts.neighbourhoods', { count: counts.neighbourhoods }),
  };
}
