import type { CommentFormElement } from '../../../src/comment-form.js';

// What a visitor does to a comment-form, for the tests: find its parts and type into it.

export type Field = 'name' | 'email' | 'url' | 'body';

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
export const control = (el: CommentFormElement, field: Field) => el.shadowRoot!.getElementById(field) as HTMLInputElement | HTMLTextAreaElement;

/** Types as a visitor does: the control's value changes, then `input` fires. */
export async function type(el: CommentFormElement, field: Field, text: string): Promise<void> {
  const input = control(el, field);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
