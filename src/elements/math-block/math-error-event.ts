/** Fired by `math-block` when its TeX cannot be rendered. */
export class MathErrorEvent extends Event {
  static readonly eventName = 'math-error';

  constructor(
    /** The TeX that failed. */
    readonly tex: string,
    /** KaTeX's explanation, e.g. `KaTeX parse error: Undefined control sequence: \foo`. */
    readonly message: string,
  ) {
    super(MathErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'math-error': MathErrorEvent;
  }
}
