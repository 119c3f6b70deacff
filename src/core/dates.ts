import type { Locale } from './messages.js';

/**
 * A post date read the way every reader sees it: the calendar day the author
 * wrote, and the instant it stands for.
 */
export interface PostDateParts {
  /** The day shown: as written, except for a `-00:00` date-time, which takes the site's or reader's zone. */
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** Milliseconds since the epoch, for ordering; UTC midnight for a calendar date. */
  time: number;
  /** Written as a day (`2024-09-06`) rather than a date-time, so it names the same day everywhere. */
  calendarDate: boolean;
  /**
   * Minutes east of UTC as written (`+08:00` is 480, `Z` is 0). Undefined for
   * a calendar date and for a date-time whose offset is not written or is
   * `-00:00` (RFC 3339's "offset unknown"): the site's `timeZone` decides
   * its instant, else the reader's zone.
   */
  offset?: number;
}

export interface DateFormatOptions {
  /**
   * The site's IANA time zone (`Asia/Shanghai`), for date-times written
   * without an offset and for `Date` objects; the reader's zone when absent.
   * Calendar dates and date-times with an offset ignore it: they show the day
   * the author wrote. An unknown zone throws a `RangeError`, as
   * `Intl.DateTimeFormat` does.
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
// The offset may be left out, as Jekyll and Hugo front matter often does.
const postDatePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?$/;
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
 * date-time, with an offset (`2024-09-06T10:00:00+08:00`) or without one
 * (`2024-09-06 10:00:00`), without building a `Date` in the common cases, so
 * an archive of thousands of posts can be keyed cheaply. Impossible days
 * (`2024-02-30`) are not dates.
 *
 * The day is the one written, whatever the reader's zone: a date-time with an
 * offset is on its day at that offset, and one without an offset is on its
 * day in whichever zone it is read. Only the instant (`time`) of an
 * offset-less date-time depends on `options.timeZone` (else the reader's zone).
 */
export function readPostDate(date: string, options: DateFormatOptions = {}): PostDateParts | undefined {
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
  let offsetMinutes: number | undefined;
  if (offset === undefined || offset === '-00:00') {
    offsetMinutes = undefined;
  } else if (offset.length === 1) {
    offsetMinutes = 0;
  } else {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetRest = Number(offset.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  // Date has no room for a leap second (:60); it is kept as the last moment of its minute.
  const milliseconds = second === 60 ? 999 : fraction ? Math.floor(Number(fraction) * 1000) : 0;
  // The written day and time as if they were UTC; the offset then says how far that is from the instant.
  const wallClock = midnight + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 + milliseconds;

  if (offsetMinutes !== undefined) {
    return { year, month, day, time: wallClock - offsetMinutes * 60_000, calendarDate: false, offset: offsetMinutes };
  }
  if (offset === undefined) return { year, month, day, time: instantOfWallClock(wallClock, options.timeZone), calendarDate: false };
  // `-00:00` gives the instant but not the author's day: it is the day in the site's zone, or the reader's.
  const shown = wallClockOf(wallClock, options.timeZone);
  return { ...shown, time: wallClock, calendarDate: false };
}

/** The instant a post date stands for (UTC midnight for a calendar date), or undefined when it is not a date. */
export function parsePostDate(date: string, options: DateFormatOptions = {}): Date | undefined {
  const parts = readPostDate(date, options);
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

const wallClockFields: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', era: 'short',
};

/** The calendar day at an instant in a zone (the runtime's when none is given), and that wall clock as if it were UTC. */
function wallClockOf(instant: number, timeZone: string | undefined): { year: number; month: number; day: number; wallClock: number } {
  const parts = formatter('en-US', timeZone, wallClockFields).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const bc = parts.find((p) => p.type === 'era')?.value.startsWith('B') ?? false;
  const year = bc ? 1 - part('year') : part('year');
  const month = part('month');
  const day = part('day');
  const wallClock = utcMidnight(year, month, day) + ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (instant % 1000 + 1000) % 1000;
  return { year, month, day, wallClock };
}

/** The instant at which a zone's clocks show a wall-clock time (written as if UTC). */
function instantOfWallClock(wallClock: number, timeZone: string | undefined): number {
  // The zone's offset at a first guess, then at the instant that guess gives, which settles across a DST change.
  let instant = wallClock - (wallClockOf(wallClock, timeZone).wallClock - wallClock);
  instant = wallClock - (wallClockOf(instant, timeZone).wallClock - instant);
  return instant;
}

/** The day to show as the instant of its UTC midnight, to format in UTC; or a `Date` to format in the site's zone. */
function instantOf(date: string | Date, options: DateFormatOptions): { instant: Date; timeZone: string | undefined } | undefined {
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? undefined : { instant: date, timeZone: options.timeZone };
  const parts = readPostDate(date, options);
  if (!parts) return undefined;
  return { instant: new Date(utcMidnight(parts.year, parts.month, parts.day)), timeZone: 'UTC' };
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
 * Text that is not a date comes back as written; an invalid `Date` gives ''.
 */
export function formatIsoDate(date: string | Date, options: DateFormatOptions = {}): string {
  if (typeof date === 'string') {
    const parts = readPostDate(date, options);
    if (!parts) return date;
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
  }
  const read = instantOf(date, options);
  if (!read) return '';
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

/**
 * The zone, when `Intl` knows it (`Asia/Shanghai`, `UTC`); undefined for a
 * misspelt or empty one, so an element given a bad `time-zone` attribute
 * falls back to the reader's zone instead of failing to render.
 */
export function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    formatter('en-US', timeZone, {});
    return timeZone;
  } catch {
    return undefined;
  }
}

/** The heading of one month in an archive: `2024年9月`, `September 2024`. `month` is 1–12. */
export function archiveMonthLabel(year: number, month: number, locale: Locale): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, not ${month}`);
  return formatter(intlLocales[locale], 'UTC', { year: 'numeric', month: 'long' }).format(new Date(utcMidnight(year, month, 1)));
}
