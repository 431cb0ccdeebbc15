import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies point one way. Every folder of src/ has a layer; a file may import its own
 * folder and the layers below it, never one above. The order (README "Architecture"):
 *
 *   core < config < knowledge < render < nlu < redis < stats < chat < terminal < wechat < bot < console < index < cli
 *
 * - core: pure types and helpers (normalise, privacy, errors, logger); imports nothing of ours above it.
 * - render: answers → the text a citizen reads (needs knowledge types; nlu calls it).
 * - chat: the platform-free message chain (MessageContext, the steps, ChatPlatform, createChatService).
 * - terminal, wechat: chat platforms (ChatPlatform implementations) and their edges; bot: the WeChat bot assembled on the chat service.
 * - index: the library entry (exports library functions only); cli: the `pufa` commands on top.
 *
 * Imports are read with the TypeScript parser: static imports and re-exports (type-only
 * ones too: a type is a dependency) and `import()` calls.
 */
const LAYERS = ['types', 'core', 'config', 'knowledge', 'render', 'nlu', 'redis', 'stats', 'chat', 'terminal', 'wechat', 'bot', 'console', 'index', 'cli'] as const;

/** Packages a folder must not use: the chat layer stays platform-free, the bot reaches Redis and files through interfaces. */
const FORBIDDEN_PACKAGES: Record<string, readonly string[]> = {
  chat: ['wechaty', 'wechaty-puppet', 'wechaty-puppet-mock', 'ioredis', 'file-box', 'bullmq'],
  bot: ['ioredis', 'file-box'],
  core: ['ioredis', 'wechaty', 'file-box'],
};


const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return /\.(ts|mts)$/.test(e.name) ? [full] : [];
  });
}

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? rel[0]!.replace(/\.(d\.)?ts$/, '') : rel[0]!;
}

function specifiers(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

interface Edge {
  file: string;
  spec: string;
  from: string;
  to: string;
}

function edges(): { internal: Edge[]; packages: Edge[] } {
  const internal: Edge[] = [];
  const packages: Edge[] = [];
  for (const file of walk(SRC)) {
    const from = layerOf(file);
    const rel = path.relative(ROOT, file);
    for (const spec of specifiers(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        internal.push({ file: rel, spec, from, to: layerOf(target) });
      } else if (!spec.startsWith('node:')) {
        packages.push({ file: rel, spec, from, to: packageName(spec) });
      }
    }
  }
  return { internal, packages };
}

function rank(layer: string): number {
  const i = (LAYERS as readonly string[]).indexOf(layer);
  if (i < 0) throw new Error(`src/${layer} has no layer: add it to LAYERS in test/architecture/imports.test.ts (and to the README's layer order)`);
  return i;
}

describe('layers', () => {
  const { internal, packages } = edges();
  const upward = internal.filter((e) => e.from !== e.to && rank(e.to) > rank(e.from)).map((e) => `${e.file} → ${e.spec}`);
  const forbidden = packages.filter((e) => (FORBIDDEN_PACKAGES[e.from] ?? []).includes(e.to)).map((e) => `${e.file} → ${e.spec}`);

  it('reads the imports of every source file', () => {
    expect(internal.length).toBeGreaterThan(200);
    // The parser sees type-only imports, re-exports and import() calls.
    expect(internal.some((e) => e.file === path.join('src', 'cli', 'commands', 'start.ts') && e.to === 'bot')).toBe(true);
  });

  it('no file imports a layer above its own', () => {
    // No allowlist: every upward import fails, named file → import.
    expect(upward, `upward imports (layer order: ${LAYERS.join(' < ')}):\n${upward.join('\n')}`).toEqual([]);
  });

  it('the chat layer is platform-free; the bot reaches Redis and files through interfaces', () => {
    expect(forbidden, `forbidden packages:\n${forbidden.join('\n')}`).toEqual([]);
  });

  it('sees every kind of import in a made-up core file, and ranks each one upward', () => {
    const text = [
      "import type { KnowledgeBase } from '../knowledge/types.js';",
      "export { createBot } from '../bot/create-bot.js';",
      "const lazy = () => import('../cli/main.js');",
      "type T = import('../chat/context.js').MessageContext;",
      "import { x } from './same-folder.js';",
    ].join('\n');
    const specs = specifiers(path.join(SRC, 'core', 'made-up.ts'), text);
    expect(specs).toEqual(['../knowledge/types.js', '../bot/create-bot.js', '../cli/main.js', '../chat/context.js', './same-folder.js']);
    const up = specs.map((spec) => layerOf(path.resolve(SRC, 'core', spec))).filter((to) => to !== 'core' && rank(to) > rank('core'));
    expect(up).toEqual(['knowledge', 'bot', 'cli', 'chat']);
  });
});
