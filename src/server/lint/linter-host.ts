import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Linter, type SourceCode } from 'eslint';
import type { KeywardenSettings } from '../../shared/protocol';
import { normalizedConfigArray, normalizesOnce } from './config-array';
import { flattenRuleContexts } from './flat-rule-contexts';
import { IncrementalParser, type ParseResult } from './incremental-parser';
import { buildLintConfig } from './lint-config';
import { keywardenParser } from '../../util/parser';
import { serverParser } from './server-parser';
import { ServerSourceCode } from './server-source-code';


function serverSourceCode(text: string, parsed: ParseResult): SourceCode | undefined {
  if (!parsed.scopeManager) return undefined;
  return new ServerSourceCode({
    text,
    ast: parsed.ast as never,
    parserServices: (parsed.services ?? {}) as never,
    scopeManager: parsed.scopeManager as never,
    visitorKeys: parsed.visitorKeys as never,
  });
}

/** The config ESLint resolves for a file (one object for all the files the same configs match), when the array is normalized. */
function resolvedConfig(config: Linter.Config[], fileName: string): object | undefined {
  const getConfig = (config as { getConfig?: (filePath: string) => unknown }).getConfig;
  const resolved = typeof getConfig === 'function' ? getConfig.call(config, fileName) : undefined;
  return typeof resolved === 'object' && resolved !== null ? resolved : undefined;
}

/** Documents whose config is remembered (the incremental parser keeps fewer). */
const MAX_DOCUMENTS = 64;

export interface LintOutcome {
  /** keywarden findings and, at most one, the parse error (ruleId null, fatal). */
  messages: Linter.LintMessage[];
  /** The parsed file (scopes, tokens) when parsing succeeded; for related locations and the key inventory. */
  sourceCode: SourceCode | null;
  lintMs: number;
  /** Rules that threw on this file and were skipped (their findings are missing). */
  failedRules: string[];
}

export interface LintRequest {
  text: string;
  fileName: string;
  settings: KeywardenSettings;
  policy?: object;
  /**
   * A document being typed in: parse again only the statements the edit
   * touched since its last lint (see IncrementalParser). Files linted once
   * (workspace scan) are parsed in full and not kept.
   */
  incremental?: boolean;
}

type Logger = (message: string) => void;

/** `Linter` options that ESLint supports at runtime but its type declarations omit. */
interface VerifyOptions extends Linter.LintOptions {
  ruleFilter?: (rule: { ruleId: string; severity: number }) => boolean;
  fix?: boolean | ((message: Linter.LintMessage) => boolean);
}

/**
 * Runs ESLint's `Linter` with keywarden's rules on one text. A rule that throws
 * is logged once and skipped, and the file is linted again without it, so one
 * broken rule never hides the others' findings nor takes the server down.
 */
export class LinterHost {
  /** One Linter per filesystem root: flat config only matches files under the linter's cwd. */
  private readonly linters = new Map<string, Linter>();
  private readonly reportedFailures = new Set<string>();
  /** Normalized configs by filesystem root, settings and policy (few distinct ones: a workspace has one or two). */
  private readonly configs = new Map<string, Linter.Config[]>();
  /** Keeps the last parse of the documents being typed in. */
  readonly incrementalParser = new IncrementalParser();
  /** The config each kept document was last linted with by ESLint itself (its parser options are the incremental parser's). */
  private readonly configOfDocument = new Map<string, Linter.Config[]>();
  /** The parser options ESLint passed for files of each resolved config (`getConfig`'s object, shared by the files it matches). */
  private readonly parserOptionsOf = new WeakMap<object, Record<string, unknown>>();
  private lastParserOptions: Record<string, unknown> | undefined;
  /** Files linted once: keywarden's parser, JavaScript scopes analysed by the server (javascript-scopes.ts), not by ESLint. */
  private readonly fullParser = {
    meta: { name: 'keywarden/server-parser', version: keywardenParser.meta.version },
    parseForESLint: (code: string, options: Record<string, unknown> = {}) => {
      this.lastParserOptions = options;
      return serverParser.parseForESLint(code, options);
    },
  };

  constructor(
    private readonly log: Logger,
    /** Configs added after keywarden's (tests); built once per settings and policy, like the rest. */
    private readonly extraConfig: (settings: KeywardenSettings) => Linter.Config[] = () => [],
    /** Always let ESLint parse and traverse (tests comparing the server's SourceCode with ESLint's own). */
    private readonly eslintTraversalOnly = false,
  ) {
    if (!normalizesOnce) log("keywarden: ESLint's FlatConfigArray could not be loaded; the config is normalized on every lint (slower)");
    if (!flattenRuleContexts()) log("keywarden: ESLint's FileContext is not the expected one; each lint's source code is kept longer by V8 (more garbage-collection work)");
  }

  lint(request: LintRequest): LintOutcome {
    const { linter, config } = this.linterAndConfig(request);
    const failedRules: string[] = [];
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const options: VerifyOptions = { filename: request.fileName };
        if (failedRules.length) options.ruleFilter = ({ ruleId }) => !failedRules.includes(ruleId);
        const sourceCode = this.eslintTraversalOnly ? undefined : request.incremental ? this.documentSourceCode(request, config) : this.fileSourceCode(request, config);
        this.lastParserOptions = undefined;
        const messages = linter.verify(sourceCode ?? request.text, config, options);
        if (request.incremental) this.rememberConfig(request.fileName, config);
        else if (!sourceCode) this.rememberParserOptions(request.fileName, config);
        const parseFailed = messages.some((m) => m.fatal);
        return {
          messages: messages.filter((m) => m.fatal || m.ruleId?.startsWith('keywarden/')),
          sourceCode: parseFailed ? null : linter.getSourceCode(),
          lintMs: performance.now() - started,
          failedRules,
        };
      } catch (error) {
        const ruleId = (error as { ruleId?: unknown }).ruleId;
        if (typeof ruleId !== 'string' || failedRules.includes(ruleId) || attempt > 20) {
          this.logFailure('(linter)', error);
          return { messages: [], sourceCode: null, lintMs: performance.now() - started, failedRules };
        }
        failedRules.push(ruleId);
        this.logFailure(ruleId, error);
      }
    }
  }

  /**
   * For a document typed in and linted before with this config: the server's
   * SourceCode (cheaper traversal, code paths on demand: server-source-code.ts)
   * of its new text, parsed incrementally with the parser options ESLint
   * passed last time. Undefined when ESLint must parse it: the first lint, a
   * new config, a BOM or shebang (ESLint strips them before parsing), a syntax
   * error (ESLint reports it).
   */
  private documentSourceCode(request: LintRequest, config: Linter.Config[]): SourceCode | undefined {
    const { text, fileName } = request;
    if (!request.incremental || this.configOfDocument.get(fileName) !== config) return undefined;
    if (text.charCodeAt(0) === 0xfeff || text.startsWith('#!')) return undefined;
    let parsed;
    try {
      parsed = this.incrementalParser.parseAgain(fileName, text);
    } catch {
      return undefined;
    }
    return parsed && serverSourceCode(text, parsed);
  }

  /**
   * For a file linted once (workspace scan): the server's SourceCode, parsed
   * with the parser options ESLint passed for an earlier file of the same
   * resolved config; undefined when ESLint must parse it (the first such file,
   * a BOM or shebang, a syntax error).
   */
  private fileSourceCode(request: LintRequest, config: Linter.Config[]): SourceCode | undefined {
    const { text, fileName } = request;
    const resolved = resolvedConfig(config, fileName);
    const options = resolved && this.parserOptionsOf.get(resolved);
    if (!options || text.charCodeAt(0) === 0xfeff || text.startsWith('#!')) return undefined;
    try {
      return serverSourceCode(text, serverParser.parseForESLint(text, { ...options, filePath: fileName }));
    } catch {
      return undefined;
    }
  }

  private rememberParserOptions(fileName: string, config: Linter.Config[]): void {
    const resolved = resolvedConfig(config, fileName);
    const options = this.lastParserOptions;
    if (resolved && options?.filePath === fileName) this.parserOptionsOf.set(resolved, options);
  }

  private rememberConfig(fileName: string, config: Linter.Config[]): void {
    this.configOfDocument.delete(fileName);
    this.configOfDocument.set(fileName, config);
    if (this.configOfDocument.size > MAX_DOCUMENTS) this.configOfDocument.delete(this.configOfDocument.keys().next().value!);
  }

  /**
   * The text after applying every keywarden autofix (never suggestions), as
   * `eslint --fix` would: fixes are applied in passes until none is left.
   */
  fixAll(request: LintRequest): { output: string; fixed: boolean } {
    const { linter, config } = this.linterAndConfig(request);
    try {
      const options: VerifyOptions = {
        filename: request.fileName,
        fix: (message: Linter.LintMessage) => Boolean(message.ruleId?.startsWith('keywarden/')),
      };
      const report = linter.verifyAndFix(request.text, config, options as Linter.FixOptions);
      return { output: report.output, fixed: report.fixed };
    } catch (error) {
      this.logFailure('(fix all)', error);
      return { output: request.text, fixed: false };
    }
  }

  private linterAndConfig(request: LintRequest): { linter: Linter; config: Linter.Config[] } {
    const root = path.parse(path.resolve(request.fileName)).root;
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new Linter({ configType: 'flat', cwd: root });
      this.linters.set(root, linter);
    }
    const incremental = request.incremental === true;
    const key = JSON.stringify([root, request.settings, request.policy ?? null, incremental]);
    let config = this.configs.get(key);
    if (!config) {
      const configs = buildLintConfig(request.settings, request.policy, this.extraConfig(request.settings));
      // No `files`: it applies to every file the configs before it match.
      configs.push({ languageOptions: { parser: incremental ? this.incrementalParser.parser : this.fullParser } });
      config = normalizedConfigArray(configs, root);
      if (this.configs.size >= 16) this.configs.delete(this.configs.keys().next().value!);
      this.configs.set(key, config);
    }
    return { linter, config };
  }

  /** Drops the kept parse of a file (its document was closed). */
  forget(fileName: string): void {
    this.incrementalParser.forget(fileName);
    this.configOfDocument.delete(fileName);
  }

  /** Logs a rule failure once per rule (first line and location only: messages may quote source text). */
  private logFailure(ruleId: string, error: unknown): void {
    if (this.reportedFailures.has(ruleId)) return;
    this.reportedFailures.add(ruleId);
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split('\n')[0].slice(0, 200);
    const where = /Occurred while linting (.*)/.exec(message)?.[1] ?? '';
    this.log(`keywarden: rule ${ruleId} failed and was skipped: ${firstLine} ${where}`.trim());
  }
}
