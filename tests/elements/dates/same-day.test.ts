import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/archive-list.js';
import '../../../src/post-card.js';
import '../../../src/post-cite.js';
import '../../../src/post-meta.js';
import type { ArchiveListElement } from '../../../src/archive-list.js';
import type { Post } from '../../../src/core/post.js';
import type { PostCardElement } from '../../../src/post-card.js';
import type { PostCiteElement } from '../../../src/post-cite.js';
import type { PostMetaElement } from '../../../src/post-meta.js';

// Run under several zones (TZ=… npx web-test-runner …): what is shown must not depend on it.
const post = (date: string): Post => ({ id: '/archives/1', url: '/archives/1', title: 'On RoPE', date, authors: [{ name: 'Jane Roe' }], tags: [] });
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface Seen {
  badge: string;
  byline: string;
  archiveMonth: string;
  archiveDay: string;
  citation: string;
}

/** What a reader sees of one post's date in each element, all on one page. */
async function seen(date: string, timeZone?: string): Promise<Seen> {
  const zone = timeZone ?? '';
  const host = await fixture<HTMLDivElement>(html`<div lang="en">
    <post-card .post=${post(date)} time-zone=${zone}></post-card>
    <archive-list .posts=${[post(date)]} time-zone=${zone}></archive-list>
    <post-cite .post=${post(date)} time-zone=${zone}></post-cite>
  </div>`);
  const card = host.querySelector<PostCardElement>('post-card')!;
  const archive = host.querySelector<ArchiveListElement>('archive-list')!;
  const cite = host.querySelector<PostCiteElement>('post-cite')!;
  await Promise.all([card.updateComplete, archive.updateComplete, cite.updateComplete]);
  const meta = card.shadowRoot!.querySelector<PostMetaElement>('[part="meta"]')!;
  await meta.updateComplete;
  return {
    badge: card.shadowRoot!.querySelector('[part="badge"] .visually-hidden')!.textContent!,
    byline: text(meta.shadowRoot!.querySelector('[part="date"]')),
    archiveMonth: text(archive.shadowRoot!.querySelector('[part="month"] .month-label')),
    archiveDay: text(archive.shadowRoot!.querySelector('[part="month"] time')),
    citation: /\((\d{4}, \w+ \d+)\)/.exec(text(cite.shadowRoot!.querySelector('[part="text"]')))?.[1] ?? '',
  };
}

const firstOfMarch: Seen = { badge: '1 Mar', byline: 'March 1, 2024', archiveMonth: 'March 2024 (1 post)', archiveDay: '2024-03-01', citation: '2024, March 1' };

describe(`one post's date, for a reader in ${Intl.DateTimeFormat().resolvedOptions().timeZone}`, () => {
  const written = [
    '2024-03-01',
    // Late in Shanghai is the day before in America; early in Los Angeles is the day after in Asia.
    '2024-03-01T00:30:00+08:00',
    '2024-03-01T23:30:00-08:00',
    '2024-03-01 23:30:00',
  ];
  for (const date of written) {
    it(`shows ${date} as the 1st of March in badge, byline, archive and citation`, async () => {
      expect(await seen(date)).to.deep.equal(firstOfMarch);
    });
  }

  it('shows a date-time whose offset is unknown (-00:00) on its day in the site zone', async () => {
    expect(await seen('2024-02-29T23:30:00-00:00', 'Asia/Shanghai')).to.deep.equal(firstOfMarch);
    expect(await seen('2024-03-01T23:30:00-00:00', 'America/Los_Angeles')).to.deep.equal(firstOfMarch);
  });

  it('ignores a time zone it does not know instead of showing nothing', async () => {
    expect(await seen('2024-03-01T00:30:00+08:00', 'Mars/Olympus_Mons')).to.deep.equal(firstOfMarch);
  });

  it('shows the Chinese byline as the same day', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><post-meta date="2024-03-01T00:30:00+08:00"></post-meta></div>`);
    const meta = host.querySelector<PostMetaElement>('post-meta')!;
    await meta.updateComplete;
    expect(text(meta.shadowRoot!.querySelector('[part="date"]'))).to.equal('2024-03-01');
  });
});
