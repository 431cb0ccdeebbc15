import type { KnowledgeBase } from './types.js';
export interface ReviewItem {
    /** What to check, in Chinese. */
    claim: string;
    /** Why, or what exactly to confirm. */
    check: string;
    /** Where: answer ids or files. */
    where: string[];
}
export interface ReviewList {
    sections: {
        title: string;
        items: ReviewItem[];
    }[];
}
export declare function buildReviewList(kb: KnowledgeBase): ReviewList;
/** The list as markdown, the content of docs/legal-review.md. */
export declare function renderReviewList(list: ReviewList): string;
