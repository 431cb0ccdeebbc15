export function serviceNotices(common) {
    const hotline = common.hotline;
    return {
        error: `抱歉，系统开小差了，请稍后再试，或直接拨打${hotline}。`,
        rateLimited: `您的提问有点频繁，请稍等一分钟再问。紧急情况请直接拨打${hotline}。`,
        feedbackSorry: `谢谢反馈，我们会改进这个问题的解答。需要人工帮助请拨打${hotline}。`,
        staleApology: `抱歉，刚才咨询的人较多，回复晚了。如仍需帮助，请重新发送您的问题；紧急情况请直接拨打${hotline}。`,
        goodbye: `再见！如需人工服务请拨打${hotline}。`,
    };
}
//# sourceMappingURL=notices.js.map