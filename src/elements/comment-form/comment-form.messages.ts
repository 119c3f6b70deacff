import type { CommentField, CommentProblem } from '../../core/comment-validation.js';
import type { Locale } from '../../core/messages.js';

/** Interface text of `comment-form`; a page overrides any of it through the element's `strings`. */
export interface CommentFormMessages {
  name: string;
  email: string;
  website: string;
  comment: string;
  preview: string;
  /** Shown in the preview before anything is typed. */
  previewEmpty: string;
  /** The name of a display formula in the preview wider than its column, which the keyboard can then focus and scroll. */
  scrollableFormula: string;
  /** Shown instead of the preview when the body is over the limit. */
  previewRefused(length: number, maxLength: number): string;
  submit: string;
  sending: string;
  replyingTo(author: string): string;
  cancelReply: string;
  nameRequired: string;
  emailRequired: string;
  emailInvalid: string;
  websiteInvalid: string;
  commentRequired: string;
  commentTooLong(length: number, maxLength: number): string;
  /** The counter shown near the length limit. */
  characterCount(length: number, maxLength: number): string;
  draftRestored: string;
  posted: string;
  /** Why sending failed: `reason` is `networkError`, `httpError(…)`, `noAnswer(…)` or the server's own words. */
  sendFailed(reason: string): string;
  networkError: string;
  httpError(status: number, statusText: string): string;
  /** The reason when the server gave no answer in time. */
  noAnswer(seconds: number): string;
  /** Shown when the page gave the form no `action`, `backend` or `respondWith`: the text stays. */
  nowhereToSend: string;
  /** Success, when the server holds the comment for approval. */
  awaitingApproval: string;
  /** Shown while the browser refuses to store the draft (storage full or disabled). */
  draftNotSaved: string;
  retry: string;
}

const en = (n: number) => n.toLocaleString('en-US');

export const commentFormMessages: Record<Locale, CommentFormMessages> = {
  en: {
    name: 'Name',
    email: 'Email',
    website: 'Website (optional)',
    comment: 'Comment',
    preview: 'Preview',
    previewEmpty: 'Your comment will appear here as you type. Markdown and math ($…$, $$…$$) work.',
    scrollableFormula: 'Formula, scrolls sideways',
    previewRefused: (length, max) => `Too long to preview: ${en(length)} characters, the limit is ${en(max)}.`,
    submit: 'Post comment',
    sending: 'Sending…',
    replyingTo: (author) => `Replying to ${author}`,
    cancelReply: 'Cancel reply',
    nameRequired: 'Please enter your name.',
    emailRequired: 'Please enter your email address.',
    emailInvalid: 'This does not look like an email address (name@example.org).',
    websiteInvalid: 'A website must start with http:// or https://.',
    commentRequired: 'Please write a comment.',
    commentTooLong: (length, max) => `Your comment is ${en(length - max)} characters over the limit of ${en(max)}.`,
    characterCount: (length, max) => `${en(length)} / ${en(max)}`,
    draftRestored: 'Your unsent draft was restored.',
    posted: 'Thank you, your comment was sent.',
    sendFailed: (reason) => `Your comment was not sent (${reason}). Everything you typed is still here.`,
    networkError: 'network error',
    httpError: (status, statusText) => `HTTP ${status}${statusText ? ` ${statusText}` : ''}`,
    noAnswer: (seconds) => `no answer in ${seconds} s`,
    nowhereToSend: 'This form has nowhere to send comments yet (the site gave it no server). Your text is kept.',
    awaitingApproval: 'Thank you: your comment was received and will appear once it is approved.',
    draftNotSaved: 'This browser does not let the page store your draft (storage is full or turned off): it is not kept if you leave. Send or copy it before you go.',
    retry: 'Retry',
  },
  zh: {
    name: '名字',
    email: '邮箱',
    website: '网站（可选）',
    comment: '评论',
    preview: '预览',
    previewEmpty: '输入时在此预览评论，支持 Markdown 和公式（$…$、$$…$$）。',
    scrollableFormula: '公式（可左右滚动）',
    previewRefused: (length, max) => `评论过长，无法预览：${length}字，上限为${max}字。`,
    submit: '提交评论',
    sending: '正在提交…',
    replyingTo: (author) => `回复 ${author}`,
    cancelReply: '取消回复',
    nameRequired: '请填写名字。',
    emailRequired: '请填写邮箱。',
    emailInvalid: '邮箱格式不正确（例如 name@example.org）。',
    websiteInvalid: '网站须以 http:// 或 https:// 开头。',
    commentRequired: '请填写评论内容。',
    commentTooLong: (length, max) => `评论超出上限${max}字，多了${length - max}字。`,
    characterCount: (length, max) => `${length} / ${max}`,
    draftRestored: '已恢复未提交的草稿。',
    posted: '谢谢，评论已提交。',
    sendFailed: (reason) => `评论未能提交（${reason}），已输入的内容都还在。`,
    networkError: '网络错误',
    httpError: (status, statusText) => `HTTP ${status}${statusText ? ` ${statusText}` : ''}`,
    noAnswer: (seconds) => `${seconds} 秒内没有响应`,
    nowhereToSend: '此表单还没有可提交的服务器（网站未设置），已输入的内容都还在。',
    awaitingApproval: '谢谢，评论已收到，审核通过后显示。',
    draftNotSaved: '浏览器不允许本页保存草稿（存储已满或已停用），离开后草稿不会保留，请先提交或复制。',
    retry: '重试',
  },
};

/** The text for what is wrong with a field; `length` is the comment's, for `tooLong`. */
export function problemMessage(m: CommentFormMessages, field: CommentField, problem: CommentProblem, length: number, maxLength: number): string {
  if (problem === 'tooLong') return m.commentTooLong(length, maxLength);
  if (problem === 'invalid') return field === 'email' ? m.emailInvalid : m.websiteInvalid;
  return { name: m.nameRequired, email: m.emailRequired, url: m.websiteInvalid, body: m.commentRequired }[field];
}
