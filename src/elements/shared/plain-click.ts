/**
 * A primary-button click with no modifier: the one a page may turn into
 * in-page navigation. Ctrl/Cmd/Shift/Alt clicks keep their browser meaning
 * (new tab, new window, download).
 */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
