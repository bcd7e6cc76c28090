import type { Linter } from 'eslint';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KeywardenDiagnosticData, TextEdit } from '../shared/protocol';
import { keywardenRule } from './lint/lint-config';
import type { LintOutcome } from './lint/linter-host';
import { relatedSpans, useSiteSpans } from './related-locations';

export const DIAGNOSTIC_SOURCE = 'keywarden';

/**
 * Turns one lint of a document into LSP diagnostics: `code` is the rule id,
 * `codeDescription.href` its documentation, `data` the fix and suggestions as
 * edits for this document version, related information the key's definition
 * and uses. A parse error becomes a single diagnostic without a code, as
 * vscode-eslint shows it: findings cannot be computed until the file parses.
 */
export function toDiagnostics(document: TextDocument, outcome: LintOutcome): Diagnostic[] {
  return outcome.messages.map((message) => toDiagnostic(document, outcome, message));
}

function toDiagnostic(document: TextDocument, outcome: LintOutcome, message: Linter.LintMessage): Diagnostic {
  const range = messageRange(document, message);
  if (message.fatal || !message.ruleId) {
    return { range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: message.message };
  }
  const diagnostic: Diagnostic = {
    range,
    severity: message.severity === 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: message.ruleId,
    message: message.message,
  };
  const href = keywardenRule(message.ruleId)?.meta.docs?.url;
  if (href) diagnostic.codeDescription = { href };
  const related = relatedInformation(document, outcome, range, message);
  if (related.length) diagnostic.relatedInformation = related;
  const data: KeywardenDiagnosticData = {
    ruleId: message.ruleId,
    version: document.version,
    suggestions: (message.suggestions ?? []).map((s) => ({
      desc: s.desc,
      messageId: s.messageId,
      edits: [toTextEdit(document, s.fix)],
    })),
  };
  if (message.messageId) data.messageId = message.messageId;
  if (message.fix) data.fix = [toTextEdit(document, message.fix)];
  diagnostic.data = data;
  return diagnostic;
}

/** An ESLint fix as an LSP edit. ESLint's offsets exclude a leading byte-order mark; the document's include it. */
export function toTextEdit(document: TextDocument, fix: Linter.LintMessage['fix'] & object): TextEdit {
  const bom = document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
  return {
    range: { start: document.positionAt(fix.range[0] + bom), end: document.positionAt(fix.range[1] + bom) },
    newText: fix.text,
  };
}

function messageRange(document: TextDocument, message: Linter.LintMessage): Diagnostic['range'] {
  const line = Math.max(0, (message.line ?? 1) - 1);
  const start = { line, character: Math.max(0, (message.column ?? 1) - 1) };
  if (message.endLine === undefined || message.endColumn === undefined) {
    // No end (parse errors): underline to the end of the line, at least one character.
    const lineEnd = document.positionAt(document.offsetAt({ line: line + 1, character: 0 }));
    const end = lineEnd.line > line ? { line, character: Math.max(start.character + 1, lineLength(document, line)) } : lineEnd;
    return { start, end };
  }
  return { start, end: { line: message.endLine - 1, character: message.endColumn - 1 } };
}

function lineLength(document: TextDocument, line: number): number {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$/, '').length;
}

/** Messages that list a key's use sites by purpose (see useSiteSpans). */
const LISTS_USE_SITES = new Set(['keywarden/no-key-reuse-across-purposes:reused', 'keywarden/no-key-reuse-across-purposes:reusedKeyPair']);

function relatedInformation(
  document: TextDocument,
  outcome: LintOutcome,
  range: Diagnostic['range'],
  message: Linter.LintMessage,
): DiagnosticRelatedInformation[] {
  if (!outcome.sourceCode) return [];
  let spans = relatedSpans(outcome.sourceCode, [document.offsetAt(range.start), document.offsetAt(range.end)]);
  if (LISTS_USE_SITES.has(`${message.ruleId}:${message.messageId}`)) {
    const sites = useSiteSpans(outcome.sourceCode, message.message);
    // The definition from the variable, then each use with its purpose (instead of a bare "is used here").
    if (sites.length) spans = [...spans.filter((s) => s.message.endsWith('is defined here')), ...sites];
  }
  return spans.map((span) => ({
    location: {
      uri: document.uri,
      range: { start: document.positionAt(span.range[0]), end: document.positionAt(span.range[1]) },
    },
    message: span.message,
  }));
}
