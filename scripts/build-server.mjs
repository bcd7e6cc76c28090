// Bundles the language server (src/server/server.ts) into one file, dist/server.js,
// that runs with nothing else installed: ESLint's Linter, keywarden's rules,
// @typescript-eslint/parser and TypeScript are all inside.
//
// ESLint is bundled through `eslint/universal` (the Linter alone, no config-file
// loading, no jiti): the server never loads workspace configuration. The only
// thing that wants the Node-only ESLint classes is @typescript-eslint/utils'
// `ESLint`/`FlatESLint`/`LegacyESLint` wrappers, evaluated at load time but
// never used by rules; they get a stand-in that throws if ever constructed.
//
// Usage: node scripts/build-server.mjs [--outfile=path] [--no-minify]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

const universal = require.resolve('eslint/universal');
/** A file of ESLint's own `lib`, for the classes it does not export. */
const eslintLib = (file) => path.join(path.dirname(require.resolve('eslint/package.json')), 'lib', file);
// The real SourceCode class (the Linter uses it too, so it is in the bundle anyway).
const sourceCode = eslintLib('languages/js/source-code/index.js');
// ESLint's FlatConfigArray (also in the bundle already): the server normalizes its
// config once instead of on every lint (src/server/lint/config-array.ts).
const flatConfigArray = eslintLib('config/flat-config-array.js');
// ESLint's FileContext (in the bundle already): the server gives rule contexts its
// fields as their own (src/server/lint/flat-rule-contexts.ts).
const fileContext = eslintLib('linter/file-context.js');
const unavailable = `class Unavailable {
  static version = require(${JSON.stringify(universal)}).Linter.version;
  constructor() { throw new Error('the ESLint Node API is not part of the keywarden server bundle'); }
}`;
const eslintLinterOnly = {
  name: 'eslint-linter-only',
  setup(b) {
    b.onResolve({ filter: /^eslint(\/use-at-your-own-risk)?$/ }, (args) => ({ path: args.path, namespace: 'keywarden-stand-in' }));
    b.onLoad({ filter: /^eslint$/, namespace: 'keywarden-stand-in' }, () => ({
      contents: `${unavailable}
module.exports = { ...require(${JSON.stringify(universal)}), SourceCode: require(${JSON.stringify(sourceCode)}).SourceCode, FlatConfigArray: require(${JSON.stringify(flatConfigArray)}).FlatConfigArray, FileContext: require(${JSON.stringify(fileContext)}).FileContext, ESLint: Unavailable, RuleTester: Unavailable };`,
      loader: 'js',
      resolveDir: root,
    }));
    b.onLoad({ filter: /^eslint\/use-at-your-own-risk$/, namespace: 'keywarden-stand-in' }, () => ({
      contents: `${unavailable}\nmodule.exports = { FlatESLint: Unavailable, LegacyESLint: Unavailable, ESLint: Unavailable };`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// `mainFields: module` (needed for packages whose `main` is a UMD build esbuild
// cannot follow) would give ESLint the ESM build of esquery, whose namespace has
// no `parse`: pin esquery to its CommonJS build, which ESLint requires.
const esqueryCommonJs = {
  name: 'esquery-commonjs',
  setup(b) {
    b.onResolve({ filter: /^esquery$/ }, () => ({ path: require.resolve('esquery') }));
  },
};

// ESLint's code-path analysis calls a `debug` logger on every node it enters and
// leaves (`debug.dumpState`), and the parsers log each parse: with logging off,
// as it always is in the server (it cannot be switched on through the editor),
// each call still goes through the `debug` package's checks, some 3% of a
// 2,000-line lint. The bundle gets loggers that do nothing.
const silentDebug = {
  name: 'silent-debug',
  setup(b) {
    b.onResolve({ filter: /^debug$/ }, (args) => ({ path: args.path, namespace: 'keywarden-silent-debug' }));
    b.onLoad({ filter: /^debug$/, namespace: 'keywarden-silent-debug' }, () => ({
      contents: `function createDebug(namespace) {
  const log = function () {};
  log.namespace = namespace;
  log.enabled = false;
  log.extend = (suffix) => createDebug(namespace + ':' + suffix);
  log.log = log;
  log.destroy = () => true;
  return log;
}
createDebug.enable = () => {};
createDebug.disable = () => '';
createDebug.enabled = () => false;
createDebug.formatters = {};
createDebug.default = createDebug;
module.exports = createDebug;`,
      loader: 'js',
    }));
  },
};

// src/server/lint/typescript-referencer.ts loads @typescript-eslint/scope-manager's
// Referencer (not exported by the package) through `createRequire` from the
// installed package; the bundle has no node_modules, so it gets a plain require
// of the same file instead, which esbuild bundles (the very module `analyze` uses).
const referencerFile = path.join(path.dirname(require.resolve('@typescript-eslint/scope-manager')), 'referencer', 'Referencer.js');
const typescriptReferencer = {
  name: 'typescript-referencer',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]server[\\/]lint[\\/]typescript-referencer\.ts$/ }, () => ({
      contents: `module.exports = { Referencer: require(${JSON.stringify(referencerFile)}).Referencer };`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const started = Date.now();
const outfile = path.resolve(root, arg('outfile') ?? 'dist/server.js');
const result = await build({
  entryPoints: [path.join(root, 'src/server/server.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  minify: !process.argv.includes('--no-minify'),
  outfile,
  plugins: [eslintLinterOnly, esqueryCommonJs, silentDebug, typescriptReferencer],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`built ${path.relative(root, outfile)} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${Date.now() - started} ms`);
