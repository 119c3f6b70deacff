import { englishDataErrors } from './data-error-messages.js';
import type { ErrorCode, ErrorMessages } from './error-messages.js';
import { englishPostErrors } from './post-error-messages.js';
import { chineseErrorMessages } from './error-messages-zh.js';
import type { Locale } from './messages.js';

const englishErrorMessages: ErrorMessages = { ...englishDataErrors, ...englishPostErrors };

/** The text of each error code, per language. */
export const errorMessages: Record<Locale, ErrorMessages> = { en: englishErrorMessages, zh: chineseErrorMessages };

/**
 * The text of an error in `locale`, from `overrides` when they word its code,
 * else from the built-in table. An error without a known code (a page's own)
 * shows its `message`.
 */
export function errorText(error: { code?: string; params?: unknown; message: string }, locale: Locale, overrides?: Partial<ErrorMessages>): string {
  const code = error.code as ErrorCode | undefined;
  if (code === undefined || !Object.hasOwn(englishErrorMessages, code) || error.params === undefined) return error.message;
  const word = (overrides?.[code] ?? errorMessages[locale][code]) as (params: unknown) => string;
  return word(error.params);
}
