// What a fenced code block's info string says: ```python {linenos=5}. Read
// when code blocks are rendered; code-languages.ts tells, before that, which
// languages a post needs.

import { codedError } from './post-error-messages.js';
import type { CodedError } from './error-messages.js';

/** A fenced code block's info string, read. */
export interface FenceInfo {
  /** The language as written (first word, lower-cased), if any. */
  language?: string;
  /** The number of the first line when `{linenos}` or `{linenos=N}` asks for line numbers. */
  firstLine?: number;
  /** What could not be read in the `{…}` options, for the post's errors. */
  problems?: CodedError[];
}

const optionsPattern = /\{([^{}]*)\}\s*$/;

/** Reads an info string: `python`, `python {linenos}`, `{linenos=5}`, `js {linenos=0}`. */
export function parseFenceInfo(info: string): FenceInfo {
  const trimmed = info.trim();
  const options = optionsPattern.exec(trimmed);
  const head = (options ? trimmed.slice(0, options.index) : trimmed).trim();
  const language = head.split(/\s+/)[0]?.toLowerCase() || undefined;
  const read: FenceInfo = { language };
  if (!options) return read;
  const problems: CodedError[] = [];
  for (const option of options[1].split(/[\s,]+/).filter(Boolean)) {
    const linenos = /^linenos(?:=(.*))?$/.exec(option);
    if (!linenos) {
      problems.push(codedError('code-block-option', { option }));
    } else if (linenos[1] === undefined) {
      read.firstLine = 1;
    } else if (/^\d{1,9}$/.test(linenos[1])) {
      read.firstLine = Number(linenos[1]);
    } else {
      problems.push(codedError('code-block-linenos', { value: linenos[1] }));
    }
  }
  if (problems.length > 0) read.problems = problems;
  return read;
}
