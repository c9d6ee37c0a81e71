import { ErrorDetail } from '@jipin/core';

export const MESSAGE_MAX_LENGTH = 500;

/** One-tap messages; the seeker's are questions, the employer's short answers. */
export const QUICK_REPLIES = {
  still_hiring: '您好，这个岗位还招人吗？',
  interview_when: '请问什么时候可以面试？',
  pay_details: '请问工资怎么算，有没有试用期？',
  still_open: '还在招，欢迎来面试。',
  send_resume: '已收到您的申请，我们会尽快联系您。',
} as const;
export type QuickReplyCode = keyof typeof QUICK_REPLIES;

/** Links, phone numbers and chat handles: what a fraudster uses to move a seeker off the platform. */
const CONTACT_PATTERNS: [RegExp, string][] = [
  [/(https?:\/\/|www\.)\S+|[a-z0-9-]+\.(com|cn|net|top|xyz|cc)\b/i, '消息含有网址链接'],
  [/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/, '消息含有手机号码'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/, '消息含有电话号码'],
  [/(微信|vx|v信|wechat|qq|扣扣)\s*[:：号]?\s*[a-z0-9_-]{5,}/i, '消息含有微信或QQ号'],
];

/** Why an unverified employer's message must wait for staff, or undefined. */
export function contactFound(body: string): string | undefined {
  const compact = body.replace(/[\u3000]/g, ' ');
  return CONTACT_PATTERNS.find(([pattern]) => pattern.test(compact))?.[1];
}

/** The trimmed text, or the Chinese reason it cannot be sent. */
export function checkMessageBody(
  body: unknown,
):
  | { ok: true; text: string }
  | { ok: false; code: string; message: string; details: ErrorDetail[] } {
  const text = typeof body === 'string' ? body.trim() : '';
  if (!text)
    return {
      ok: false,
      code: 'message_empty',
      message: '消息内容不能为空',
      details: [{ field: 'body', message: '请输入消息内容' }],
    };
  if ([...text].length > MESSAGE_MAX_LENGTH)
    return {
      ok: false,
      code: 'message_too_long',
      message: `消息不能超过${MESSAGE_MAX_LENGTH}个字`,
      details: [{ field: 'body', message: `最多${MESSAGE_MAX_LENGTH}个字` }],
    };
  return { ok: true, text };
}

/** What a list shows of a message. */
export function preview(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('');
}
