import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { instants, shownDays } from './support/same-day.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Everything a reader sees of a post dated on this day, in English. */
function seen(date, iso) {
  const [year, month, day] = iso.split('-').map(Number);
  const name = months[month - 1];
  return {
    date,
    iso,
    long: `${name} ${day}, ${year}`,
    badge: `${day} ${name.slice(0, 3)}`,
    archive: iso.slice(0, 7),
    citation: `${year}, ${name} ${day}`,
  };
}

// Each written date and the day it shows in every zone.
const sameEverywhere = [
  ['2024-03-01', '2024-03-01'],
  ['2024-03-01T23:30:00+08:00', '2024-03-01'],
  ['2024-03-01T00:30:00+08:00', '2024-03-01'],
  ['2024-03-01T23:30:00-08:00', '2024-03-01'],
  ['2024-03-01T00:00:00+14:00', '2024-03-01'],
  ['2024-03-01T23:59:59-11:00', '2024-03-01'],
  ['2024-03-01T23:30:00Z', '2024-03-01'],
  ['2024-03-01 23:30:00', '2024-03-01'],
  ['2024-03-01T00:00:00', '2024-03-01'],
];
// `-00:00` says the instant but not the author's zone: the site's zone, else the reader's, gives its day.
const unknownOffset = '2024-02-29T23:30:00-00:00';
const offsetLess = ['2024-03-01 23:30:00', '2024-03-10T03:30:00', '2024-07-01T12:00:00'];

const zones = {
  'America/Los_Angeles': { unknownOffset: '2024-02-29', offsetLess: ['2024-03-02T07:30:00.000Z', '2024-03-10T10:30:00.000Z', '2024-07-01T19:00:00.000Z'] },
  'Asia/Shanghai': { unknownOffset: '2024-03-01', offsetLess: ['2024-03-01T15:30:00.000Z', '2024-03-09T19:30:00.000Z', '2024-07-01T04:00:00.000Z'] },
  'Pacific/Kiritimati': { unknownOffset: '2024-03-01', offsetLess: ['2024-03-01T09:30:00.000Z', '2024-03-09T13:30:00.000Z', '2024-06-30T22:00:00.000Z'] },
  UTC: { unknownOffset: '2024-02-29', offsetLess: ['2024-03-01T23:30:00.000Z', '2024-03-10T03:30:00.000Z', '2024-07-01T12:00:00.000Z'] },
};
const dates = [...sameEverywhere.map(([date]) => date), unknownOffset];
const expectedIn = (zone) => [...sameEverywhere.map(([date, iso]) => seen(date, iso)), seen(unknownOffset, zones[zone].unknownOffset)];

const supportUrl = new URL('./support/same-day.js', import.meta.url).href;
function runIn(timeZone, options) {
  const script = `
    const { instants, runtimeZone, shownDays } = await import(${JSON.stringify(supportUrl)});
    const options = ${JSON.stringify(options)};
    console.log(JSON.stringify({ zone: runtimeZone(), days: shownDays(${JSON.stringify(dates)}, options), instants: instants(${JSON.stringify(offsetLess)}, options) }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' });
  return JSON.parse(output);
}

describe('a post date shows the same day in byline, badge, archive and citation', () => {
  for (const timeZone of Object.keys(zones)) {
    describe(`for a reader in ${timeZone}`, () => {
      const run = runIn(timeZone, {});
      it('runs in that zone', () => assert.equal(run.zone, timeZone));
      it('shows the day written, at the written offset; -00:00 on the reader\'s day', () => {
        assert.deepEqual(run.days, expectedIn(timeZone));
      });
      it('places a date-time without an offset in the reader\'s zone', () => {
        assert.deepEqual(run.instants, zones[timeZone].offsetLess);
      });

      for (const site of ['Asia/Shanghai', 'America/Los_Angeles']) {
        const withSite = runIn(timeZone, { timeZone: site });
        it(`with the site zone ${site}, shows what every reader of that site sees`, () => {
          assert.deepEqual(withSite.days, expectedIn(site));
          assert.deepEqual(withSite.instants, zones[site].offsetLess);
        });
      }
    });
  }

  it('gives the same answers in this process when the zone is passed in', () => {
    for (const timeZone of Object.keys(zones)) {
      assert.deepEqual(shownDays(dates, { timeZone }), expectedIn(timeZone), timeZone);
      assert.deepEqual(instants(offsetLess, { timeZone }), zones[timeZone].offsetLess, timeZone);
    }
  });
});
