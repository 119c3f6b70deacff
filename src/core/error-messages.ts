import type { BlockKind } from './block-kinds.js';
import type { DataErrorParams } from './data-error-messages.js';
import type { PostErrorParams } from './post-error-messages.js';

/**
 * Where in a feed, a markdown file's front matter or a list of comments a
 * problem was found: the feed itself, its item `index` (1-based), the front
 * matter, comment `index` (1-based) of the list, or the comment with `id`.
 */
export type ErrorPlace =
  | { in: 'feed' }
  | { in: 'item'; index: number }
  | { in: 'front-matter' }
  | { in: 'comment'; index: number }
  | { in: 'comment-id'; id: string };

/** What a numbered thing is: an equation, or a figure, table or theorem-like block. */
export type LabelKind = BlockKind | 'equation';

/** Each error code core reports, with the parameters its text is made from. */
export interface ErrorParams extends DataErrorParams, PostErrorParams {}

export type ErrorCode = keyof ErrorParams;

/**
 * An error core reports: a stable `code` and its `params`, from which
 * `errorText` words it in any language, and `message`, its English text.
 */
export type CodedError = { [C in ErrorCode]: { code: C; params: ErrorParams[C]; message: string } }[ErrorCode];

/** An error and, when known, the 1-based line of the source it was found on. */
export type LocatedError = CodedError & { line?: number };

/** A function per code of `P` that words an error with those parameters. */
export type TextsOf<P> = { [C in keyof P]: (params: P[C]) => string };

/** The text of each error code in one language. A page may override any of them (`strings.errors` on the elements). */
export type ErrorMessages = TextsOf<ErrorParams>;

/** Items in quotation marks, joined. */
export const quoted = (items: string[], and: string, open = '"', close = '"') => items.map((item) => `${open}${item}${close}`).join(and);

/** What an element's `strings` may add to its interface text: the text of error codes, by code. */
export interface ErrorStrings {
  errors?: Partial<ErrorMessages>;
}
