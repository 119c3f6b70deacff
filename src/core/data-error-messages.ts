import type { CodedError, ErrorPlace, TextsOf } from './error-messages.js';

// The errors of reading data (a feed, a post's front matter fields, comment
// records), apart from a post's, so a page that reads a feed loads only these.

export interface DataErrorParams {
  // Feeds, and posts from front matter, field by field.
  'feed-not-json': { detail: string };
  'feed-not-object': Record<string, never>;
  'feed-no-items': Record<string, never>;
  'feed-version': { at: ErrorPlace; version: string };
  'feed-home-page-url': { at: ErrorPlace };
  'not-object': { at: ErrorPlace; field?: string };
  'no-content': { at: ErrorPlace };
  'no-id': { at: ErrorPlace };
  'id-not-string': { at: ErrorPlace; value: string };
  'not-string': { at: ErrorPlace; field: string };
  /** `value` is what was written (absent when nothing was); `offset` whether a date-time needs one. */
  'not-date': { at: ErrorPlace; field: string; value?: string; offset: boolean };
  'date-in-future': { at: ErrorPlace; field: string };
  'not-number': { at: ErrorPlace; field: string };
  'not-whole-number': { at: ErrorPlace; field: string };
  negative: { at: ErrorPlace; field: string };
  'no-name': { at: ErrorPlace; field: string };
  'series-not-name': { at: ErrorPlace; field: string };
  'series-index': { at: ErrorPlace; field: string };
  'not-list': { at: ErrorPlace; field: string };
  'unsafe-link': { at: ErrorPlace; field: string };
  // Comments.
  'comments-not-list': { got: string };
  'comments-not-json': { detail: string };
  'comment-incomplete': { at: ErrorPlace; missing: ('id' | 'author' | 'body' | 'date')[] };
  'comment-duplicate-id': { at: ErrorPlace; id: string };
  'comment-parent-not-id': { at: ErrorPlace };
  'comment-parent-missing': { at: ErrorPlace; parent: string };
  'comment-reply-loop': { at: ErrorPlace };
}

const enPlace = (at: ErrorPlace): string =>
  ({ feed: 'feed: ', item: `item ${'index' in at ? at.index : ''}: `, 'front-matter': 'front matter: ', comment: `comment ${'index' in at ? at.index : ''}: `, 'comment-id': `comment "${'id' in at ? at.id : ''}": ` })[at.in];
const enMissing = { id: 'has no id', author: 'has no author', body: 'has no body', date: 'date is not a date' } as const;

/** The English text of each data error code: their `message`. */
export const englishDataErrors: TextsOf<DataErrorParams> = {
  'feed-not-json': ({ detail }) => `feed is not valid JSON: ${detail}`,
  'feed-not-object': () => 'feed is not a JSON object',
  'feed-no-items': () => 'feed has no items array',
  'feed-version': ({ at, version }) => `${enPlace(at)}version ${version} is not a JSON Feed version; read as 1.1`,
  'feed-home-page-url': ({ at }) => `${enPlace(at)}home_page_url is not an absolute http(s) URL; item links are kept as written`,
  'not-object': ({ at, field }) => `${enPlace(at)}${field ? `${field} ` : ''}is not an object`,
  'no-content': ({ at }) => `${enPlace(at)}has neither content_html nor content_text`,
  'no-id': ({ at }) => `${enPlace(at)}has no id`,
  'id-not-string': ({ at, value }) => `${enPlace(at)}id is not a string (${value})`,
  'not-string': ({ at, field }) => `${enPlace(at)}${field} is not a string`,
  'not-date': ({ at, field, value, offset }) =>
    `${enPlace(at)}${field} is not a date (${value ?? 'none given'}; expected YYYY-MM-DD or a date-time ${offset ? 'with offset such as 2024-09-06T10:00:00+08:00' : 'such as 2024-09-06 10:00:00+08:00'})`,
  'date-in-future': ({ at, field }) => `${enPlace(at)}${field} is in the future`,
  'not-number': ({ at, field }) => `${enPlace(at)}${field} is not a number`,
  'not-whole-number': ({ at, field }) => `${enPlace(at)}${field} is not a whole number`,
  negative: ({ at, field }) => `${enPlace(at)}${field} is negative`,
  'no-name': ({ at, field }) => `${enPlace(at)}${field} has no name`,
  'series-not-name': ({ at, field }) => `${enPlace(at)}${field} is neither a name nor { name, index }`,
  'series-index': ({ at, field }) => `${enPlace(at)}${field}.index is not a whole number from 1`,
  'not-list': ({ at, field }) => `${enPlace(at)}${field} is not a list`,
  'unsafe-link': ({ at, field }) => `${enPlace(at)}${field} is not a safe link`,
  'comments-not-list': ({ got }) => `comments are not a list (got ${got})`,
  'comments-not-json': ({ detail }) => `not valid JSON: ${detail}`,
  'comment-incomplete': ({ at, missing }) => `${enPlace(at)}${missing.map((field) => enMissing[field]).join(', ')}`,
  'comment-duplicate-id': ({ at, id }) => `${enPlace(at)}duplicate id "${id}", skipped`,
  'comment-parent-not-id': ({ at }) => `${enPlace(at)}parent is not an id; shown as a new thread`,
  'comment-parent-missing': ({ at, parent }) => `${enPlace(at)}its parent "${parent}" is missing; shown as a new thread`,
  'comment-reply-loop': ({ at }) => `${enPlace(at)}its replies loop back to it; shown as a new thread`,
};

/** A data error with this code and these parameters, its `message` in English. */
export function dataError<C extends keyof DataErrorParams>(code: C, params: DataErrorParams[C]): Extract<CodedError, { code: C }> {
  return { code, params, message: englishDataErrors[code](params) } as Extract<CodedError, { code: C }>;
}
