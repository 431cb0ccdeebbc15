import { z } from 'zod';
import type { Citation } from '../core/types.js';
export declare const citationSchema: z.ZodPipe<z.ZodObject<{
    law: z.ZodString;
    article: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodNumber, z.ZodString]>, z.ZodTransform<number, string | number>>>;
    local: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>, z.ZodTransform<Citation, {
    law: string;
    article?: number | undefined;
    local?: boolean | undefined;
}>>;
export declare function parseCiteString(raw: string): Citation | string;
/** 行政处罚法 → 中华人民共和国行政处罚法 (national laws are cited under their full title). */
export declare function fullTitle(law: string): string;
export declare const pointSchema: z.ZodObject<{
    say: z.ZodString;
    cite: z.ZodOptional<z.ZodUnion<readonly [z.ZodPipe<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>, z.ZodTransform<Citation[], Citation>>, z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>>]>>;
    short: z.ZodOptional<z.ZodBoolean>;
    advice: z.ZodOptional<z.ZodBoolean>;
    review: z.ZodOptional<z.ZodString>;
    matter: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const intentsFileSchema: z.ZodObject<{
    topic: z.ZodString;
    terms: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>, z.ZodTransform<string, string | number | boolean | null>>>>;
    intents: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        utterances: z.ZodArray<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>, z.ZodTransform<string, string | number | boolean | null>>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type IntentsFile = z.output<typeof intentsFileSchema>;
export declare const answerSchema: z.ZodObject<{
    intent: z.ZodString;
    title: z.ZodString;
    short: z.ZodOptional<z.ZodString>;
    full: z.ZodOptional<z.ZodString>;
    points: z.ZodOptional<z.ZodArray<z.ZodObject<{
        say: z.ZodString;
        cite: z.ZodOptional<z.ZodUnion<readonly [z.ZodPipe<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>, z.ZodTransform<Citation[], Citation>>, z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>>]>>;
        short: z.ZodOptional<z.ZodBoolean>;
        advice: z.ZodOptional<z.ZodBoolean>;
        review: z.ZodOptional<z.ZodString>;
        matter: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
    review: z.ZodOptional<z.ZodArray<z.ZodString>>;
    next_steps: z.ZodOptional<z.ZodArray<z.ZodString>>;
    citations: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>>>;
    urgent: z.ZodOptional<z.ZodBoolean>;
    disclaimer: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const knowledgeFileSchema: z.ZodObject<{
    topic: z.ZodString;
    answers: z.ZodArray<z.ZodObject<{
        intent: z.ZodString;
        title: z.ZodString;
        short: z.ZodOptional<z.ZodString>;
        full: z.ZodOptional<z.ZodString>;
        points: z.ZodOptional<z.ZodArray<z.ZodObject<{
            say: z.ZodString;
            cite: z.ZodOptional<z.ZodUnion<readonly [z.ZodPipe<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>, z.ZodTransform<Citation[], Citation>>, z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>>]>>;
            short: z.ZodOptional<z.ZodBoolean>;
            advice: z.ZodOptional<z.ZodBoolean>;
            review: z.ZodOptional<z.ZodString>;
            matter: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>>>;
        review: z.ZodOptional<z.ZodArray<z.ZodString>>;
        next_steps: z.ZodOptional<z.ZodArray<z.ZodString>>;
        citations: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>>>;
        urgent: z.ZodOptional<z.ZodBoolean>;
        disclaimer: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type KnowledgeFile = z.output<typeof knowledgeFileSchema>;
export declare const topicsFileSchema: z.ZodObject<{
    topics: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        name: z.ZodString;
        chitchat: z.ZodOptional<z.ZodBoolean>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type TopicsFile = z.output<typeof topicsFileSchema>;
export declare const commonFileSchema: z.ZodObject<{
    bureau: z.ZodString;
    hotline: z.ZodString;
    other_matters: z.ZodOptional<z.ZodString>;
    disclaimer: z.ZodString;
}, z.core.$strict>;
export declare const authoritiesFileSchema: z.ZodObject<{
    authorities: z.ZodRecord<z.ZodString, z.ZodObject<{
        name: z.ZodString;
        aliases: z.ZodOptional<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>;
    matters: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        name: z.ZodString;
        keywords: z.ZodOptional<z.ZodArray<z.ZodString>>;
        authority: z.ZodString;
        cite: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>>>;
        review: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type AuthoritiesFile = z.output<typeof authoritiesFileSchema>;
export declare const qualifiersFileSchema: z.ZodObject<{
    qualifiers: z.ZodArray<z.ZodObject<{
        cite: z.ZodPipe<z.ZodUnknown, z.ZodTransform<Citation, unknown>>;
        term: z.ZodString;
        keep: z.ZodOptional<z.ZodString>;
        may: z.ZodOptional<z.ZodBoolean>;
        avoid: z.ZodOptional<z.ZodArray<z.ZodString>>;
        when: z.ZodOptional<z.ZodArray<z.ZodString>>;
        note: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type QualifiersFile = z.output<typeof qualifiersFileSchema>;
