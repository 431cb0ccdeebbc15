// `node --import ./module-recorder.mjs …` with PUFA_MODULES_OUT=<file>: at exit, <file> lists
// every module the process loaded, one per line (ES modules as resolved URLs, CommonJS
// modules as file paths). Used to assert what a command does NOT load.
import Module, { register } from 'node:module';
import { appendFileSync, writeFileSync } from 'node:fs';

const out = process.env.PUFA_MODULES_OUT;
if (out) {
  writeFileSync(out, '');
  const hooks = [
    "import { appendFileSync } from 'node:fs';",
    'let out;',
    'export function initialize(data) { out = data.out; }',
    'export async function resolve(specifier, context, next) {',
    '  const result = await next(specifier, context);',
    "  appendFileSync(out, result.url + '\\n');",
    '  return result;',
    '}',
  ].join('\n');
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { out } });
  process.on('exit', () => {
    appendFileSync(out, `${Object.keys(Module._cache ?? {}).join('\n')}\n`);
  });
}
