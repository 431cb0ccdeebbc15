import type { CommonTexts } from '../knowledge/types.js';

/**
 * The chat service's own short notices (not answers). Each names the hotline of
 * `knowledge/_common.yaml`, so the number lives in one place that staff can edit.
 */
export interface ServiceNotices {
  /** A private chat's apology when handling a message failed. */
  error: string;
  /** Sent once when a citizen writes faster than BOT_USER_RATE_PER_MIN. */
  rateLimited: string;
  /** After a 👎. */
  feedbackSorry: string;
  /** Instead of replies that waited longer than SEND_STALE_SEC in the send queue. */
  staleApology: string;
  /** The terminal chat's last line. */
  goodbye: string;
}

export function serviceNotices(common: Pick<CommonTexts, 'hotline'>): ServiceNotices {
  const hotline = common.hotline;
  return {
    error: `抱歉，系统开小差了，请稍后再试，或直接拨打${hotline}。`,
    rateLimited: `您的提问有点频繁，请稍等一分钟再问。紧急情况请直接拨打${hotline}。`,
    feedbackSorry: `谢谢反馈，我们会改进这个问题的解答。需要人工帮助请拨打${hotline}。`,
    staleApology: `抱歉，刚才咨询的人较多，回复晚了。如仍需帮助，请重新发送您的问题；紧急情况请直接拨打${hotline}。`,
    goodbye: `再见！如需人工服务请拨打${hotline}。`,
  };
}
