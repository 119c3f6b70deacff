import type { Locale } from './messages.js';

const groupedCount: Record<Locale, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};
// The reference blog writes `59659位读者`, with no separator, and readers expect to see it that way.
const ungroupedCount = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0, useGrouping: false });
const englishPlural = new Intl.PluralRules('en-US');

/** A count with the locale's digit grouping (`59,659`), for comment counts, archive totals and the like. */
export function formatCount(count: number, locale: Locale): string {
  return groupedCount[locale].format(count);
}

/**
 * The reader count of a byline: `59659位读者` in Chinese, as the reference
 * blog writes it, and `59,659 readers` / `1 reader` in English. Expects a
 * whole number of at least 0, as the feed parser guarantees.
 */
export function formatReaderCount(count: number, locale: Locale): string {
  if (locale === 'zh') return `${ungroupedCount.format(count)}位读者`;
  return `${formatCount(count, 'en')} ${englishPlural.select(count) === 'one' ? 'reader' : 'readers'}`;
}
