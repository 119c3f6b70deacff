/** The languages with built-in interface text. */
export type Locale = 'zh' | 'en';

/** Interface text of the elements, per language. */
export interface Messages {
  loading: string;
  /** Shown when a `src` could not be fetched. */
  loadFailed(url: string, reason: string): string;
  copied: string;
}

export const messages: Record<Locale, Messages> = {
  en: {
    loading: 'Loading…',
    loadFailed: (url, reason) => `Could not load ${url} (${reason}).`,
    copied: 'Copied',
  },
  zh: {
    loading: '正在加载…',
    loadFailed: (url, reason) => `无法加载 ${url}（${reason}）。`,
    copied: '已复制',
  },
};

/** Picks the built-in language for a BCP 47 tag: Chinese for `zh`, `zh-CN`, `zh-Hant`…, English otherwise. */
export function resolveLocale(lang: string | null | undefined): Locale {
  return /^zh(?:-|$)/i.test(lang ?? '') ? 'zh' : 'en';
}
