import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cleanText } from './text.js';
import type { KbProblem } from './types.js';
import { readYamlFile } from './yaml-file.js';

/**
 * What a citizen is told first when a message tells of danger to a person (src/nlu/safety.ts
 * `dangerOf`): staff-edited lines in `knowledge/_emergency.yaml`, per kind of danger. These
 * are not the bureau's matters; the lines name the emergency numbers (110, 120, 119) and,
 * for some kinds, where help goes on (a crisis line, the women's federation).
 */
export const DANGER_KINDS = ['self_harm', 'violence', 'medical', 'traffic', 'fire', 'water'] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

export const EMERGENCIES_FILE = '_emergency.yaml';

export interface EmergencyTexts {
  /** First line, before the kind's lines. */
  intro: string;
  /** Kind → what to do, in order (numbered in the reply). A kind absent here gets no emergency reply. */
  kinds: ReadonlyMap<DangerKind, readonly string[]>;
  /** Last line of a reply that is the emergency lines alone (the message was not the bureau's matter). */
  outro: string;
}

export const NO_EMERGENCIES: EmergencyTexts = { intro: '', kinds: new Map(), outro: '' };

const text = z.string({ error: 'must be text' }).refine((s) => s.trim() !== '', { message: 'must not be empty' });
const lines = z.array(text).min(1, 'list at least one line');

export const emergenciesFileSchema = z.strictObject({
  intro: text,
  outro: text,
  kinds: z.strictObject(Object.fromEntries(DANGER_KINDS.map((k) => [k, lines.optional()])) as Record<DangerKind, z.ZodOptional<typeof lines>>),
});

/** Read `<knowledgeDir>/_emergency.yaml`: absent → no emergency lines; invalid → problems naming the file and line. */
export function readEmergencies(knowledgeDir: string, problems: KbProblem[]): EmergencyTexts {
  const file = path.join(knowledgeDir, EMERGENCIES_FILE);
  if (!existsSync(file)) return NO_EMERGENCIES;
  const parsed = readYamlFile(file, emergenciesFileSchema);
  problems.push(...parsed.problems);
  if (!parsed.data) return NO_EMERGENCIES;
  const kinds = new Map<DangerKind, readonly string[]>();
  for (const kind of DANGER_KINDS) {
    const list = parsed.data.kinds[kind];
    if (list) kinds.set(kind, list.map(cleanText));
  }
  return { intro: cleanText(parsed.data.intro), kinds, outro: cleanText(parsed.data.outro) };
}
