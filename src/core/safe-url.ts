const allowedSchemes = new Set(['http', 'https', 'mailto']);

/**
 * Whether a URL written by a visitor may become a link: `http`, `https`,
 * `mailto`, or relative (including `#fragment` and `?query`).
 *
 * Browsers ignore ASCII whitespace and control characters inside a scheme
 * (`java\tscript:`), so they are removed before the scheme is read.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return scheme === null || allowedSchemes.has(scheme[1].toLowerCase());
}
