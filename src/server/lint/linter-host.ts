import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Linter, type SourceCode } from 'eslint';
import type { KeywardenSettings } from '../../shared/protocol';
import { buildLintConfig } from './lint-config';

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

  constructor(
    private readonly log: Logger,
    private readonly extraConfig: (settings: KeywardenSettings) => Linter.Config[] = () => [],
  ) {}

  lint(request: LintRequest): LintOutcome {
    const linter = this.linterFor(request.fileName);
    const config = buildLintConfig(request.settings, request.policy, this.extraConfig(request.settings));
    const failedRules: string[] = [];
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const options: VerifyOptions = { filename: request.fileName };
        if (failedRules.length) options.ruleFilter = ({ ruleId }) => !failedRules.includes(ruleId);
        const messages = linter.verify(request.text, config, options);
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
   * The text after applying every keywarden autofix (never suggestions), as
   * `eslint --fix` would: fixes are applied in passes until none is left.
   */
  fixAll(request: LintRequest): { output: string; fixed: boolean } {
    const linter = this.linterFor(request.fileName);
    const config = buildLintConfig(request.settings, request.policy, this.extraConfig(request.settings));
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

  private linterFor(fileName: string): Linter {
    const root = path.parse(path.resolve(fileName)).root;
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new Linter({ configType: 'flat', cwd: root });
      this.linters.set(root, linter);
    }
    return linter;
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
