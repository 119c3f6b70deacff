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
  /** Why sending failed: `reason` is `networkError` or `httpError(…)`. */
  sendFailed(reason: string): string;
  networkError: string;
  httpError(status: number, statusText: string): string;
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
    retry: 'Retry',
  },
  zh: {
    name: '名字',
    email: '邮箱',
    website: '网站（可选）',
    comment: '评论',
    preview: '预览',
    previewEmpty: '输入时在此预览评论，支持 Markdown 和公式（$…$、$$…$$）。',
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
    retry: '重试',
  },
};

/** The text for what is wrong with a field; `length` is the comment's, for `tooLong`. */
export function problemMessage(m: CommentFormMessages, field: CommentField, problem: CommentProblem, length: number, maxLength: number): string {
  if (problem === 'tooLong') return m.commentTooLong(length, maxLength);
  if (problem === 'invalid') return field === 'email' ? m.emailInvalid : m.websiteInvalid;
  return { name: m.nameRequired, email: m.emailRequired, url: m.websiteInvalid, body: m.commentRequired }[field];
}
