import type { BlockKind } from './block-kinds.js';

/** The languages with built-in interface text. */
export type Locale = 'zh' | 'en';

/** Interface text of the elements, per language. Each element lets a page override any of it. */
export interface Messages {
  loading: string;
  /** Shown when a `src` could not be fetched. */
  loadFailed(url: string, reason: string): string;
  /** The reason when a `src` gave no answer in time. */
  noAnswer(seconds: number): string;
  /** The reason when a `src` is longer than the element takes. */
  tooLarge(bytes: number): string;
  /** Byline separator between author, date, readers and cite. */
  byline: string;
  /** Between a label and its value: `Next: …`, `下一篇：…`. */
  colon: string;
  cite: string;
  readMore: string;
  untitled: string;
  noPosts: string;
  /** Labels of the pagination of `post-list`. */
  pagination: string;
  previousPage: string;
  nextPage: string;
  page(n: number): string;
  /** `archive-list`. */
  archive: string;
  postCount(n: number): string;
  /** A heading with its number of posts: `2024 (37 posts)`, `2024年（37篇）`. */
  withCount(label: string, n: number): string;
  filterPlaceholder: string;
  tag: string;
  allTags: string;
  noMatches: string;
  /** `series-nav`. */
  series(name: string): string;
  previousPost: string;
  nextPost: string;
  /** `post-toc`. */
  contents: string;
  /** `post-cite`. */
  citeAs: string;
  plainText: string;
  bibtex: string;
  copy: string;
  copied: string;
  copyFailed: string;
  /** `comment-list`. */
  comments: string;
  /** A byline's comment count, a link to the comments: `12 comments`, `12 条评论`. */
  commentCount(n: number): string;
  recentComments: string;
  reply: string;
  replyTo(author: string): string;
  noComments: string;
  commentRefused: string;
  /** `comment-list` with many comments: the button that shows the next ones. */
  showMoreComments(remaining: number): string;
  /** Above a comment opened by a link far down a thread: the button that shows the ones before it. */
  showEarlierComments(before: number): string;
  /** Why a comment server could not be read or written, by the kind of failure; `detail` is the server's own words. */
  commentServerFailed(kind: 'network' | 'timeout' | 'http' | 'refused' | 'invalid' | 'unsupported', detail: string): string;
  /** Footnotes of `post-body`: the list's accessible name, and each back link's. */
  footnotes: string;
  footnoteBack: string;
  /** Citations and the reference list of `post-body` (written into the article's HTML). */
  references: string;
  /** Between the names of two authors: `Vaswani and Shazeer`. */
  authorsAnd: string;
  /** After the first author of three or more: `Vaswani et al.`. */
  etAl: string;
  /** A post's numbered blocks (`figure`, `table`, theorem-like blocks) and equations, by the name captions and `@` references show. */
  blockNames: Record<BlockKind | 'equation', string>;
  /** A block's name with its number: `Figure 1`, `图 1`; an equation's `Eq. (3)`, `式 (3)`. */
  blockNumber(name: string, number: string, kind: BlockKind | 'equation'): string;
  /** Around a theorem's title, after its name: `Theorem 1 (Cauchy)`, `定理 1（Cauchy）`. */
  blockTitleBrackets: readonly [string, string];
  /** After a theorem's name and title, before its text: `Theorem 1.`, `定理 1`. */
  blockHeadEnd: string;
  /** The copy button of each code block in `post-body`, and what it says once it has copied (or could not). */
  copyCode: string;
  codeCopied: string;
  codeNotCopied: string;
  /** The name of a display formula wider than its column, which the keyboard can then focus and scroll. */
  scrollableFormula: string;
  /** `site-search`: the field's name and placeholder, and what it says while it works, finds or fails. */
  search: string;
  searchPlaceholder: string;
  searching: string;
  searchResults(n: number): string;
  searchNothingFound(query: string): string;
  searchFailed(reason: string): string;
}

export const messages: Record<Locale, Messages> = {
  en: {
    loading: 'Loading…',
    loadFailed: (url, reason) => `Could not load ${url} (${reason}).`,
    noAnswer: (seconds) => `no answer after ${seconds} s`,
    tooLarge: (bytes) => `longer than ${formatBytes(bytes)}`,
    byline: ' | ',
    colon: ': ',
    cite: 'Cite',
    readMore: 'Read more…',
    untitled: 'Untitled',
    noPosts: 'No posts yet.',
    pagination: 'Pages',
    previousPage: 'Previous',
    nextPage: 'Next',
    page: (n) => `Page ${n}`,
    archive: 'Archive',
    postCount: (n) => (n === 1 ? '1 post' : `${n.toLocaleString('en')} posts`),
    withCount: (label, n) => `${label} (${n === 1 ? '1 post' : `${n.toLocaleString('en')} posts`})`,
    filterPlaceholder: 'Filter by title',
    tag: 'Tag',
    allTags: 'All tags',
    noMatches: 'No posts match.',
    series: (name) => `Series: ${name}`,
    previousPost: 'Previous',
    nextPost: 'Next',
    contents: 'Contents',
    citeAs: 'How to cite this post',
    plainText: 'Text',
    bibtex: 'BibTeX',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the text and copy it by hand.',
    comments: 'Comments',
    commentCount: (n) => (n === 0 ? 'No comments' : n === 1 ? '1 comment' : `${n.toLocaleString('en')} comments`),
    recentComments: 'Recent comments',
    reply: 'Reply',
    replyTo: (author) => `Reply to ${author}`,
    noComments: 'No comments yet.',
    commentRefused: 'This comment is too long to show.',
    showMoreComments: (remaining) => `Show more comments (${remaining.toLocaleString('en')} more)`,
    showEarlierComments: (before) => `Show earlier comments (${before.toLocaleString('en')} before)`,
    commentServerFailed: (kind, detail) =>
      ({
        network: 'The comment server cannot be reached.',
        timeout: 'The comment server did not answer in time.',
        http: `The comment server answered with an error (${detail}).`,
        refused: `The comment server refused: ${detail}`,
        invalid: `The comment server's answer could not be read (${detail}).`,
        unsupported: `The comment server cannot do this (${detail}).`,
      })[kind],
    footnotes: 'Footnotes',
    footnoteBack: 'Back to the text',
    references: 'References',
    authorsAnd: ' and ',
    etAl: ' et al.',
    blockNames: {
      equation: 'Eq.',
      figure: 'Figure',
      table: 'Table',
      theorem: 'Theorem',
      lemma: 'Lemma',
      proposition: 'Proposition',
      corollary: 'Corollary',
      definition: 'Definition',
      example: 'Example',
      remark: 'Remark',
      proof: 'Proof',
    },
    blockNumber: (name, number, kind) => (kind === 'equation' ? `${name} (${number})` : `${name} ${number}`),
    blockTitleBrackets: [' (', ')'],
    blockHeadEnd: '.',
    copyCode: 'Copy',
    codeCopied: 'Copied',
    codeNotCopied: 'Select to copy',
    scrollableFormula: 'Formula, scrolls sideways',
    search: 'Search',
    searchPlaceholder: 'Search the blog (press /)',
    searching: 'Searching…',
    searchResults: (n) => (n === 1 ? '1 post found' : `${n} posts found`),
    searchNothingFound: (query) => `No posts found for “${query}”.`,
    searchFailed: (reason) => `Search is not available (${reason}).`,
  },
  zh: {
    loading: '正在加载…',
    loadFailed: (url, reason) => `无法加载 ${url}（${reason}）。`,
    noAnswer: (seconds) => `${seconds} 秒内没有响应`,
    tooLarge: (bytes) => `超过 ${formatBytes(bytes)}`,
    byline: ' | ',
    colon: '：',
    cite: '引用',
    readMore: '点击阅读全文...',
    untitled: '（无标题）',
    noPosts: '还没有文章。',
    pagination: '分页',
    previousPage: '上一页',
    nextPage: '下一页',
    page: (n) => `第${n}页`,
    archive: '文章归档',
    postCount: (n) => `${n}篇`,
    withCount: (label, n) => `${label}（${n}篇）`,
    filterPlaceholder: '按标题筛选',
    tag: '标签',
    allTags: '全部标签',
    noMatches: '没有符合条件的文章。',
    series: (name) => `系列：${name}`,
    previousPost: '上一篇',
    nextPost: '下一篇',
    contents: '目录',
    citeAs: '转载与引用',
    plainText: '文本',
    bibtex: 'BibTeX',
    copy: '复制',
    copied: '已复制到剪贴板。',
    copyFailed: '无法复制：请选中文字后手动复制。',
    comments: '评论',
    commentCount: (n) => (n === 0 ? '暂无评论' : `${n.toLocaleString('zh')} 条评论`),
    recentComments: '最近评论',
    reply: '回复',
    replyTo: (author) => `回复${author}`,
    noComments: '还没有评论。',
    commentRefused: '这条评论太长，无法显示。',
    showMoreComments: (remaining) => `显示更多评论（还有 ${remaining.toLocaleString('zh')} 条）`,
    showEarlierComments: (before) => `显示之前的评论（前面还有 ${before.toLocaleString('zh')} 条）`,
    commentServerFailed: (kind, detail) =>
      ({
        network: '无法连接评论服务器。',
        timeout: '评论服务器没有及时响应。',
        http: `评论服务器返回了错误（${detail}）。`,
        refused: `评论服务器拒绝了：${detail}`,
        invalid: `无法读取评论服务器的响应（${detail}）。`,
        unsupported: `评论服务器不支持此操作（${detail}）。`,
      })[kind],
    footnotes: '脚注',
    footnoteBack: '返回正文',
    references: '参考文献',
    authorsAnd: ' 和 ',
    etAl: ' 等',
    blockNames: {
      equation: '式',
      figure: '图',
      table: '表',
      theorem: '定理',
      lemma: '引理',
      proposition: '命题',
      corollary: '推论',
      definition: '定义',
      example: '例',
      remark: '注',
      proof: '证明',
    },
    blockNumber: (name, number, kind) => (kind === 'equation' ? `${name} (${number})` : `${name} ${number}`),
    blockTitleBrackets: ['（', '）'],
    blockHeadEnd: '',
    copyCode: '复制',
    codeCopied: '已复制',
    codeNotCopied: '请手动复制',
    scrollableFormula: '公式（可左右滚动）',
    search: '搜索',
    searchPlaceholder: '站内搜索（按 / 键）',
    searching: '正在搜索…',
    searchResults: (n) => `找到 ${n} 篇文章`,
    searchNothingFound: (query) => `没有找到“${query}”相关的文章。`,
    searchFailed: (reason) => `搜索暂不可用（${reason}）。`,
  },
};

/** Picks the built-in language for a BCP 47 tag: Chinese for `zh`, `zh-CN`, `zh-Hant`…, English otherwise. */
export function resolveLocale(lang: string | null | undefined): Locale {
  return /^zh(?:-|$)/i.test(lang ?? '') ? 'zh' : 'en';
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 100) / 10} KB`;
}
