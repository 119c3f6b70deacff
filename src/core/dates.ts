import type { Locale } from './messages.js';

/** A post date as its author wrote it, and the instant it stands for. */
export interface PostDateParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** Milliseconds since the epoch, for ordering; UTC midnight for a calendar date. */
  time: number;
  /** Written as a day (`2024-09-06`) rather than a date-time, so it names the same day everywhere. */
  calendarDate: boolean;
}

export interface DateFormatOptions {
  /**
   * IANA time zone (`Asia/Shanghai`) in which date-times and `Date` objects
   * are shown; the runtime's when absent. Calendar dates ignore it. An
   * unknown zone throws a `RangeError`, as `Intl.DateTimeFormat` does.
   */
  timeZone?: string;
}

/** What a home-page date badge shows: the day large, the month small, and one label for screen readers. */
export interface DateBadge {
  day: string;
  month: string;
  label: string;
}

// RFC 3339 allows a space (or a lower-case `t`) in place of `T`, and `z` for `Z`.
const postDatePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;
const millisecondsPerDay = 86_400_000;
// Date.UTC reads years 0–99 as 1900–1999; 400 Gregorian years are exactly this many days.
const daysIn400Years = 146_097;

function utcMidnight(year: number, month: number, day: number): number {
  return year < 100
    ? Date.UTC(year + 400, month - 1, day) - daysIn400Years * millisecondsPerDay
    : Date.UTC(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * Reads a post date written as a calendar date (`2024-09-06`) or an RFC 3339
 * date-time (`2024-09-06T10:00:00+08:00`), without building a `Date`, so an
 * archive of thousands of posts can be keyed cheaply. Impossible days
 * (`2024-02-30`) and date-times without an offset are not dates: an offset-less
 * time names a different instant in every time zone.
 */
export function readPostDate(date: string): PostDateParts | undefined {
  const match = postDatePattern.exec(date);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const midnight = utcMidnight(year, month, day);
  if (h === undefined) return { year, month, day, time: midnight, calendarDate: true };

  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  if (offset.length > 1) {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetRest = Number(offset.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  // Date has no room for a leap second (:60); it is kept as the last moment of its minute.
  const milliseconds = second === 60 ? 999 : fraction ? Math.floor(Number(fraction) * 1000) : 0;
  const time = midnight + ((hour * 60 + minute - offsetMinutes) * 60 + Math.min(second, 59)) * 1000 + milliseconds;
  return { year, month, day, time, calendarDate: false };
}

/** The instant a post date stands for (UTC midnight for a calendar date), or undefined when it is not a date. */
export function parsePostDate(date: string): Date | undefined {
  const parts = readPostDate(date);
  return parts ? new Date(parts.time) : undefined;
}

const intlLocales: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };
const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one; an archive formats thousands of dates.
function formatter(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone, calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(key, cached);
  }
  return cached;
}

/** The instant to format and the zone to format it in: UTC for a calendar date, so its day never shifts. */
function instantOf(date: string | Date, options: DateFormatOptions): { instant: Date; timeZone: string | undefined } | undefined {
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? undefined : { instant: date, timeZone: options.timeZone };
  const parts = readPostDate(date);
  if (!parts) return undefined;
  return { instant: new Date(parts.time), timeZone: parts.calendarDate ? 'UTC' : options.timeZone };
}

/**
 * The date in a byline or on a card: `2024年9月6日`, `September 6, 2024`.
 * Text that is not a date comes back as written, so a typo shows instead of
 * vanishing; an invalid `Date` gives ''.
 */
export function formatPostDate(date: string | Date, locale: Locale, options: DateFormatOptions = {}): string {
  const read = instantOf(date, options);
  if (!read) return typeof date === 'string' ? date : '';
  return formatter(intlLocales[locale], read.timeZone, { year: 'numeric', month: 'long', day: 'numeric' }).format(read.instant);
}

/**
 * The date as `YYYY-MM-DD`, the way the reference blog's byline shows it.
 * A calendar date comes back unchanged; text that is not a date as written;
 * an invalid `Date` gives ''.
 */
export function formatIsoDate(date: string | Date, options: DateFormatOptions = {}): string {
  if (typeof date === 'string' && readPostDate(date)?.calendarDate) return date;
  const read = instantOf(date, options);
  if (!read) return typeof date === 'string' ? date : '';
  const parts = formatter('en-US', read.timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(read.instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The day and month for a home-page date badge (`29` over `Mar`, or `29` over
 * `3月`), undefined when the text is not a date so no wrong badge is shown.
 */
export function formatDateBadge(date: string | Date, locale: Locale, options: DateFormatOptions = {}): DateBadge | undefined {
  const read = instantOf(date, options);
  if (!read) return undefined;
  const intlLocale = intlLocales[locale];
  const dayParts = formatter(intlLocale, read.timeZone, { day: 'numeric' }).formatToParts(read.instant);
  // Chinese writes the day as `29日`; the badge wants the number alone.
  const day = dayParts.find((p) => p.type === 'day')?.value ?? '';
  const month = formatter(intlLocale, read.timeZone, { month: 'short' }).format(read.instant);
  return { day, month, label: locale === 'zh' ? `${month}${day}日` : `${day} ${month}` };
}

/** The heading of one month in an archive: `2024年9月`, `September 2024`. `month` is 1–12. */
export function archiveMonthLabel(year: number, month: number, locale: Locale): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, not ${month}`);
  return formatter(intlLocales[locale], 'UTC', { year: 'numeric', month: 'long' }).format(new Date(utcMidnight(year, month, 1)));
}
