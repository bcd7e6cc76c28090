import { Linter } from 'eslint';
import plugin = require('../../rules');

/** Lints with keywarden's recommended config, the way users run it. */
export function lintWithKeywarden(source: string, filename: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const sourceType = /\.cjs$/.test(filename) ? 'commonjs' : 'module';
  const config = { ...plugin.configs.recommended, languageOptions: { ...plugin.configs.recommended.languageOptions, sourceType } };
  return linter.verify(source, [config as never], { filename });
}

/** Applies the first suggestion of the first message that offers `rewriteToEnvelope`. */
export function applyEnvelopeSuggestion(source: string, filename: string): string | undefined {
  const message = lintWithKeywarden(source, filename).find((m) => m.suggestions?.some((s) => s.messageId === 'rewriteToEnvelope'));
  const suggestion = message?.suggestions?.find((s) => s.messageId === 'rewriteToEnvelope');
  if (!suggestion) return undefined;
  const { range, text } = suggestion.fix;
  return source.slice(0, range[0]) + text + source.slice(range[1]);
}
