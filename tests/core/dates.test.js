import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import {
  archiveMonthLabel,
  formatDateBadge,
  formatIsoDate,
  formatPostDate,
  parsePostDate,
  readPostDate,
  validTimeZone,
} from '../../dist/core/dates.js';

describe('formatPostDate', () => {
  const cases = [
    ['writes a Chinese date with 年月日', '2024-09-06', 'zh', {}, '2024年9月6日'],
    ['writes an English date with the month spelled out', '2024-09-06', 'en', {}, 'September 6, 2024'],
    ['knows leap days', '2024-02-29', 'en', {}, 'February 29, 2024'],
    ['writes years before 100 as written', '0050-01-01', 'en', {}, 'January 1, 50'],
    ['shows a calendar date as that day in the earliest time zone', '2024-09-06', 'en', { timeZone: 'Pacific/Kiritimati' }, 'September 6, 2024'],
    ['shows a calendar date as that day in the latest time zone', '2024-09-06', 'zh', { timeZone: 'Pacific/Pago_Pago' }, '2024年9月6日'],
    ['shows a date-time on the day at its written offset (zone of that offset)', '2024-09-06T02:00:00+08:00', 'en', { timeZone: 'Asia/Shanghai' }, 'September 6, 2024'],
    ['shows a date-time on the day at its written offset, not the site zone\'s', '2024-09-06T02:00:00+08:00', 'en', { timeZone: 'America/Los_Angeles' }, 'September 6, 2024'],
    ['reads Z as the offset +00:00', '2024-12-31T23:30:00Z', 'zh', { timeZone: 'Asia/Shanghai' }, '2024年12月31日'],
    ['shows a date-time without an offset on its written day in the site zone', '2024-12-31 23:30:00', 'zh', { timeZone: 'Asia/Shanghai' }, '2024年12月31日'],
    ['takes the site zone\'s day for -00:00, the offset RFC 3339 calls unknown', '2024-12-31T23:30:00-00:00', 'zh', { timeZone: 'Asia/Shanghai' }, '2025年1月1日'],
    ['formats a Date object in the given zone', new Date('2024-09-05T18:00:00Z'), 'zh', { timeZone: 'Asia/Shanghai' }, '2024年9月6日'],
    ['returns text that is not a date as written', 'last Tuesday', 'en', {}, 'last Tuesday'],
    ['returns an impossible day as written', '2023-02-29', 'zh', {}, '2023-02-29'],
    ['returns nothing for an invalid Date', new Date(Number.NaN), 'en', {}, ''],
  ];
  for (const [name, date, locale, options, expected] of cases) {
    it(name, () => assert.equal(formatPostDate(date, locale, options), expected));
  }
});

describe('formatDateBadge', () => {
  const cases = [
    ['gives day and short month in English', '2024-03-29', 'en', { day: '29', month: 'Mar', label: '29 Mar' }],
    ['gives day and 月 month in Chinese', '2024-03-29', 'zh', { day: '29', month: '3月', label: '3月29日' }],
    ['does not pad a single-digit day', '2024-09-06', 'en', { day: '6', month: 'Sep', label: '6 Sep' }],
    ['writes two-digit Chinese months', '2010-12-26', 'zh', { day: '26', month: '12月', label: '12月26日' }],
  ];
  for (const [name, date, locale, expected] of cases) {
    it(name, () => assert.deepEqual(formatDateBadge(date, locale), expected));
  }

  it('shows a calendar date as that day whatever zone is asked for', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Shanghai']) {
      assert.deepEqual(formatDateBadge('2024-03-01', 'en', { timeZone }), { day: '1', month: 'Mar', label: '1 Mar' }, timeZone);
    }
  });

  it('shows a date-time on the day at its written offset, whatever zone is asked for', () => {
    assert.deepEqual(formatDateBadge('2024-03-01T01:00:00+08:00', 'en', { timeZone: 'America/Los_Angeles' }), { day: '1', month: 'Mar', label: '1 Mar' });
  });

  it('gives no badge for text that is not a date', () => {
    assert.equal(formatDateBadge('soon', 'en'), undefined);
  });
});

describe('formatIsoDate', () => {
  const cases = [
    ['keeps a calendar date as written', '2024-09-06', {}, '2024-09-06'],
    ['ignores the zone for a calendar date', '2024-09-06', { timeZone: 'Pacific/Pago_Pago' }, '2024-09-06'],
    ['gives the day of a date-time at its written offset', '2024-09-06T02:00:00+08:00', { timeZone: 'America/Los_Angeles' }, '2024-09-06'],
    ['gives the written day of a date-time without an offset', '2024-09-06T23:30:00', { timeZone: 'Pacific/Kiritimati' }, '2024-09-06'],
    ['gives the day of a Date in the given zone', new Date('2024-09-05T18:00:00Z'), { timeZone: 'Asia/Shanghai' }, '2024-09-06'],
    ['pads months, days and early years', new Date('0050-01-02T12:00:00Z'), { timeZone: 'UTC' }, '0050-01-02'],
    ['returns text that is not a date as written', '06/09/2024', {}, '06/09/2024'],
    ['returns nothing for an invalid Date', new Date('nope'), {}, ''],
  ];
  for (const [name, date, options, expected] of cases) {
    it(name, () => assert.equal(formatIsoDate(date, options), expected));
  }
});

describe('parsePostDate', () => {
  const valid = [
    ['reads a calendar date as UTC midnight', '2024-09-06', '2024-09-06T00:00:00.000Z'],
    ['reads a date-time with a positive offset', '2024-09-06T10:00:00+08:00', '2024-09-06T02:00:00.000Z'],
    ['reads a date-time with a negative offset', '2024-09-06T10:00:00-07:30', '2024-09-06T17:30:00.000Z'],
    ['reads fractions of a second', '2024-09-06T10:00:00.25Z', '2024-09-06T10:00:00.250Z'],
    ['accepts a space and lower-case t and z, as RFC 3339 allows', '2024-09-06 10:00:00z', '2024-09-06T10:00:00.000Z'],
    ['accepts a lower-case t', '2024-09-06t10:00:00Z', '2024-09-06T10:00:00.000Z'],
    ['keeps a leap second inside its minute', '2016-12-31T23:59:60Z', '2016-12-31T23:59:59.999Z'],
    ['reads years before 100 as written, not as 19xx', '0050-06-01', '0050-06-01T00:00:00.000Z'],
    ['reads -00:00 as the instant in UTC', '2024-09-06T10:00:00-00:00', '2024-09-06T10:00:00.000Z'],
    ['accepts the 29th of February in a leap year', '2000-02-29', '2000-02-29T00:00:00.000Z'],
  ];
  for (const [name, text, iso] of valid) {
    it(name, () => assert.equal(parsePostDate(text)?.toISOString(), iso));
  }

  const invalid = [
    ['rejects a day the month does not have', '2024-02-30'],
    ['rejects the 29th of February in a common year', '1900-02-29'],
    ['rejects month 13', '2024-13-01'],
    ['rejects day 0', '2024-09-00'],
    ['rejects unpadded numbers', '2024-9-6'],
    ['rejects hour 24', '2024-09-06T24:00:00Z'],
    ['rejects an offset of 24 hours', '2024-09-06T10:00:00+24:00'],
    ['rejects words', 'yesterday'],
    ['rejects the empty string', ''],
    ['rejects surrounding text', ' 2024-09-06'],
  ];
  for (const [name, text] of invalid) {
    it(name, () => assert.equal(parsePostDate(text), undefined));
  }

  it('tells calendar dates from date-times and keeps the day as written', () => {
    assert.deepEqual(readPostDate('2024-09-30T23:30:00+08:00'), {
      year: 2024, month: 9, day: 30, time: Date.parse('2024-09-30T15:30:00Z'), calendarDate: false, offset: 480,
    });
    assert.deepEqual(readPostDate('2024-09-30'), {
      year: 2024, month: 9, day: 30, time: Date.parse('2024-09-30T00:00:00Z'), calendarDate: true,
    });
  });
});

describe('archiveMonthLabel', () => {
  const cases = [
    ['writes 年 and 月 in Chinese', 2024, 9, 'zh', '2024年9月'],
    ['writes the month name and year in English', 2024, 9, 'en', 'September 2024'],
    ['handles December', 2010, 12, 'en', 'December 2010'],
    ['handles January', 2009, 1, 'zh', '2009年1月'],
  ];
  for (const [name, year, month, locale, expected] of cases) {
    it(name, () => assert.equal(archiveMonthLabel(year, month, locale), expected));
  }

  it('refuses a month outside 1–12 instead of rolling into the next year', () => {
    assert.throws(() => archiveMonthLabel(2024, 13, 'en'), RangeError);
    assert.throws(() => archiveMonthLabel(2024, 0, 'en'), RangeError);
  });
});

describe('in the runtime time zone', () => {
  const moduleUrl = new URL('../../dist/core/dates.js', import.meta.url).href;
  const script = `
    const { formatPostDate, formatDateBadge, formatIsoDate } = await import(${JSON.stringify(moduleUrl)});
    console.log(JSON.stringify({
      offset: new Date('2024-09-06T00:00:00Z').getTimezoneOffset(),
      calendar: [formatPostDate('2024-09-06', 'en'), formatPostDate('2024-09-06', 'zh'), formatDateBadge('2024-09-06', 'en').label, formatIsoDate('2024-09-06')],
      dateTime: formatPostDate('2024-09-06T02:00:00+08:00', 'en'),
    }));`;
  const runIn = (timeZone) =>
    JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' }));
  const losAngeles = runIn('America/Los_Angeles');
  const shanghai = runIn('Asia/Shanghai');

  it('runs the two processes in different time zones', () => {
    assert.equal(losAngeles.offset, 420);
    assert.equal(shanghai.offset, -480);
  });

  it('formats a calendar date as the same day in Los Angeles and Shanghai', () => {
    const expected = ['September 6, 2024', '2024年9月6日', '6 Sep', '2024-09-06'];
    assert.deepEqual(losAngeles.calendar, expected);
    assert.deepEqual(shanghai.calendar, expected);
  });

  it('formats a date-time with an offset on its written day in both zones', () => {
    assert.equal(losAngeles.dateTime, 'September 6, 2024');
    assert.equal(shanghai.dateTime, 'September 6, 2024');
  });
});

describe('validTimeZone', () => {
  for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
    it(`keeps ${zone}`, () => assert.equal(validTimeZone(zone), zone));
  }
  for (const zone of ['Mars/Olympus_Mons', '', undefined, 'Asia Shanghai']) {
    it(`gives undefined for ${JSON.stringify(zone)}, so the reader's zone is used`, () => assert.equal(validTimeZone(zone), undefined));
  }
});
