import { eslintInternal } from './eslint-internals';

/** ESLint's FileContext, as far as this module touches it. */
interface FileContextClass {
  prototype: { extend(extension: object): object };
}

/**
 * Rule contexts that do not keep their lint alive.
 *
 * ESLint (10.x) makes one FileContext per lint (the file's source code,
 * settings, language options) and each rule's `context` as
 * `Object.create(fileContext)`. V8 keeps an object that has been used as a
 * prototype, with everything it references, through every young-generation
 * collection until the next full one (src/analysis/lint-scoped.ts explains
 * why that matters). Here that is the lint's SourceCode: its tree, tokens,
 * scopes and traversal steps. In the server, which lints on every keystroke,
 * each lint's SourceCode therefore lived until V8's next full collection:
 * measured over 30 lints of the 100-line bench file, 5.8 MB survived two
 * scavenges, against 0.9 MB once rule contexts are plain objects. The survivors
 * made each scavenge copy and promote megabytes of garbage, and the full
 * collections they brought on also discarded V8's optimized code for the rules.
 *
 * The server's bundled ESLint gets an `extend` that copies the FileContext's
 * fields into the rule context instead. Rules see the same properties (own
 * instead of inherited), and `extend` stays callable. Only done when the class
 * is what this was written against: fields and `extend`, no other methods.
 * ESLint does not export the class (eslint-internals.ts). Returns whether the
 * change was made.
 */
export function flattenRuleContexts(): boolean {
  const FileContext = eslintInternal<FileContextClass>('FileContext', 'linter', 'file-context.js');
  if (!FileContext) return false;
  const methods = Object.getOwnPropertyNames(FileContext.prototype).filter((name) => name !== 'constructor');
  if (methods.length !== 1 || methods[0] !== 'extend') return false;
  const extend = FileContext.prototype.extend;
  if ((extend as { flat?: boolean }).flat) return true;
  const flatExtend = function (this: object, extension: object): object {
    return Object.freeze({ ...this, extend: flatExtend, ...extension });
  };
  (flatExtend as { flat?: boolean }).flat = true;
  FileContext.prototype.extend = flatExtend;
  return true;
}
