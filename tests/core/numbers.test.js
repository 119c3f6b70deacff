import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCount, formatReaderCount } from '../../dist/core/numbers.js';

describe('formatReaderCount', () => {
  const cases = [
    ['writes Chinese counts without a grouping separator, as the reference blog does', 59659, 'zh', '59659位读者'],
    ['writes large Chinese counts without separators', 1234567, 'zh', '1234567位读者'],
    ['writes no readers in Chinese', 0, 'zh', '0位读者'],
    ['groups English counts by thousands', 59659, 'en', '59,659 readers'],
    ['uses the singular for one reader', 1, 'en', '1 reader'],
    ['uses the plural for no readers', 0, 'en', '0 readers'],
    ['uses the plural for two readers', 2, 'en', '2 readers'],
    ['groups millions', 1234567, 'en', '1,234,567 readers'],
  ];
  for (const [name, count, locale, expected] of cases) {
    it(name, () => assert.equal(formatReaderCount(count, locale), expected));
  }
});

describe('formatCount', () => {
  const cases = [
    ['groups English thousands', 59659, 'en', '59,659'],
    ['groups Chinese thousands the way zh-CN does', 59659, 'zh', '59,659'],
    ['leaves numbers under a thousand alone', 999, 'en', '999'],
    ['groups millions', 1234567, 'en', '1,234,567'],
    ['writes zero', 0, 'zh', '0'],
  ];
  for (const [name, count, locale, expected] of cases) {
    it(name, () => assert.equal(formatCount(count, locale), expected));
  }
});
