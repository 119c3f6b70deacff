import { decodeEntities } from './html-scan.js';
import type { TexMacros } from './render-math.js';
import { extractDefinitions, mayDefineMacros } from './tex-definitions.js';
import { stripTexComments } from './tex-scan.js';

export interface FormulaSource {
  /** The TeX as KaTeX and numbering should read it. */
  tex: string;
  /** The macros in force for this formula: the site's, then the post's so far. */
  macros: TexMacros | undefined;
}

export interface FormulaSources {
  formulas: FormulaSource[];
  /** The macros the post's own formulas defined, in order of definition. */
  defined: Record<string, string>;
}

/**
 * Reads a post's formulas in order the way a MathJax page sees them:
 * character references decoded (posts migrated from HTML have `&lt;` in their
 * TeX, which the browser decodes before MathJax runs), `%` comments dropped,
 * and each macro definition in force for every later formula of the post.
 * Formulas between two definitions share one macros object, so the formula
 * cache (keyed by the object's contents) still hits.
 */
export function readFormulaSources(rawTex: readonly string[], siteMacros: TexMacros | undefined): FormulaSources {
  const defined: Record<string, string> = {};
  let inForce = siteMacros;
  const formulas = rawTex.map((raw): FormulaSource => {
    const tex = stripTexComments(decodeEntities(raw));
    if (!mayDefineMacros(tex)) return { tex, macros: inForce };
    const extracted = extractDefinitions(tex, (name) => inForce !== undefined && Object.hasOwn(inForce, name));
    if (Object.keys(extracted.macros).length > 0) {
      Object.assign(defined, extracted.macros);
      inForce = { ...inForce, ...extracted.macros };
    }
    return { tex: extracted.tex, macros: inForce };
  });
  return { formulas, defined };
}
