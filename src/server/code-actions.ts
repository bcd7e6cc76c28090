import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerCommands, type KeywardenDiagnosticData, type PublishedDiagnosticData, type TextEdit } from '../shared/protocol';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { ENVELOPE_MESSAGE_ID } from './envelope-edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.keywarden`;
export const FIX_ALL_TITLE = 'Fix all safe keywarden issues in this file';
/**
 * The envelope rewrite's title, short and always the same; the rule's longer
 * suggestion text (what changes, what migration it needs) is in the hover.
 */
export const ENVELOPE_TITLE = 'Rewrite to envelope encryption (keywarden/kms)';
export const DISABLE_REASON_PLACEHOLDER = '<reason>';

export interface CodeActionInputs {
  document: TextDocument;
  /** The diagnostics the client sent for the requested range. */
  diagnostics: readonly Diagnostic[];
  /** Their data with the edits (the server's own); default: what the diagnostic carries. */
  dataOf?: (diagnostic: Diagnostic) => KeywardenDiagnosticData | null;
  /** Whether the file's latest lint has any autofix (for the "fix all" action). */
  hasAutofix: boolean;
  /** Extra files an envelope rewrite touches (package.json, .env.example), by URI. */
  envelopeCompanions: () => Record<string, TextEdit[]>;
  /**
   * Whether the client applies snippet edits in a WorkspaceEdit (LSP 3.18
   * `workspace.workspaceEdit.snippetEditSupport`, with `documentChanges`):
   * then the disable action leaves the cursor on a selected `reason` to type over.
   */
  snippets?: boolean;
}

/**
 * Quick fixes in vscode-eslint's predictable order, per finding: the rule's
 * fix (preferred), its suggestions (an envelope rewrite also edits
 * package.json and .env.example), disable for this line with a reason, show
 * the documentation; then once: fix all safe issues in the file. Edits are
 * only offered for the document version they were computed for.
 */
export function quickFixes(inputs: CodeActionInputs): CodeAction[] {
  const { document } = inputs;
  const actions: CodeAction[] = [];
  const seenRules = new Set<string>();
  const dataOf = inputs.dataOf ?? keywardenData;
  for (const diagnostic of inputs.diagnostics) {
    const data = dataOf(diagnostic);
    if (!data) continue;
    const current = data.version === document.version;
    if (current && data.fix) {
      actions.push({
        title: `Fix this ${data.ruleId} problem`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: editOf(document.uri, data.fix),
      });
    }
    if (current) {
      for (const suggestion of data.suggestions) {
        const edit = editOf(document.uri, suggestion.edits);
        const envelope = suggestion.messageId === ENVELOPE_MESSAGE_ID;
        if (envelope) {
          for (const [uri, edits] of Object.entries(inputs.envelopeCompanions())) edit.changes![uri] = edits;
        }
        actions.push({ title: envelope ? ENVELOPE_TITLE : suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
      }
    }
    if (seenRules.has(data.ruleId)) continue;
    seenRules.add(data.ruleId);
    const disable = disableForLineEdit(document, diagnostic.range.start.line, data.ruleId);
    actions.push({
      title: `Disable ${data.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: inputs.snippets && disable.newText.includes(DISABLE_REASON_PLACEHOLDER) ? reasonSnippetEdit(document, disable) : editOf(document.uri, [disable]),
    });
    if (diagnostic.codeDescription?.href) {
      actions.push({
        title: `Show documentation for ${data.ruleId}`,
        kind: CodeActionKind.QuickFix,
        command: { title: `Show documentation for ${data.ruleId}`, command: ServerCommands.showDocumentation, arguments: [diagnostic.codeDescription.href] },
      });
    }
  }
  if (seenRules.size > 0 && inputs.hasAutofix) {
    actions.push({
      title: FIX_ALL_TITLE,
      kind: CodeActionKind.QuickFix,
      command: { title: FIX_ALL_TITLE, command: ServerCommands.applyFixAll, arguments: [{ uri: document.uri, version: document.version }] },
    });
  }
  return actions;
}

/** The `source.fixAll.keywarden` action (fix on save): every autofix, never suggestions. */
export function fixAllAction(document: TextDocument, fixedText: string | null): CodeAction | null {
  if (fixedText === null) return null;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: editOf(document.uri, [wholeDocumentEdit(document, fixedText)]) };
}

/**
 * `// eslint-disable-next-line keywarden/<rule> -- <reason>` above the line,
 * indented like it; when the line above already disables rules for this
 * line, the rule is added to that comment instead.
 */
export function disableForLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = lineText(document, line);
  const indent = /^\s*/.exec(text)![0];
  if (line > 0) {
    const above = lineText(document, line - 1);
    const existing = /^(\s*\/\/\s*eslint-disable-next-line\s+)([^\n]*?)(\s+--\s.*)?$/.exec(above);
    if (existing && !existing[2].split(/\s*,\s*/).includes(ruleId)) {
      const at = existing[1].length + existing[2].length;
      return { range: { start: { line: line - 1, character: at }, end: { line: line - 1, character: at } }, newText: `, ${ruleId}` };
    }
  }
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}// eslint-disable-next-line ${ruleId} -- ${DISABLE_REASON_PLACEHOLDER}${eol(document)}`,
  };
}

/** LSP 3.18's SnippetTextEdit; vscode-languageserver 9 (LSP 3.17) has no type for it. */
interface SnippetTextEdit {
  range: TextEdit['range'];
  snippet: { kind: 'snippet'; value: string };
}

/**
 * The disable comment as a snippet edit: its `<reason>` becomes the
 * placeholder `${1:reason}`, so the editor selects "reason" for the user to
 * type over. Only sent to clients that declared snippet edit support.
 */
export function reasonSnippetEdit(document: TextDocument, edit: TextEdit): WorkspaceEdit {
  const value = edit.newText.split(DISABLE_REASON_PLACEHOLDER).map(escapeSnippetText).join('${1:reason}');
  const snippetEdit: SnippetTextEdit = { range: edit.range, snippet: { kind: 'snippet', value } };
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [snippetEdit as unknown as TextEdit] }] };
}

/** Text inside a snippet: `$`, `}` and `\` are syntax there. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * A diagnostic as published: the same, with `data` reduced to a reference
 * (`index` in the server's list for that version) instead of the edits.
 */
export function publishedDiagnostic(diagnostic: Diagnostic, index: number): Diagnostic {
  const data = keywardenData(diagnostic);
  if (!data) return diagnostic;
  const reference: PublishedDiagnosticData = { ruleId: data.ruleId, version: data.version, index };
  if (data.messageId) reference.messageId = data.messageId;
  return { ...diagnostic, data: reference };
}

/** Published diagnostics with their edits put back (`details` by index, as the lint worker sends them). */
export function withDetails(diagnostics: readonly Diagnostic[], details: readonly (KeywardenDiagnosticData | null)[] | null): Diagnostic[] {
  return diagnostics.map((diagnostic, i) => (details?.[i] ? { ...diagnostic, data: details[i] } : diagnostic));
}

/**
 * The data the server kept for a diagnostic a client sent back (code action
 * context): found by the reference in its `data` when it is of the version
 * the server holds, at the same place with the same rule. Otherwise (a stale
 * version, a diagnostic published before) it keeps its rule id and no edits,
 * so only disable and documentation are offered for it.
 */
export function resolveData(
  sent: Diagnostic,
  held: readonly Diagnostic[] | undefined,
  heldVersion: number | undefined,
): KeywardenDiagnosticData | null {
  const complete = keywardenData(sent);
  if (complete) return complete; // already carries its edits
  if (sent.source !== DIAGNOSTIC_SOURCE || !sent.data || typeof sent.data !== 'object') return null;
  const reference = sent.data as Partial<PublishedDiagnosticData>;
  if (typeof reference.ruleId !== 'string' || typeof reference.version !== 'number') return null;
  const candidate = typeof reference.index === 'number' && reference.version === heldVersion ? held?.[reference.index] : undefined;
  const data = candidate ? keywardenData(candidate) : null;
  if (candidate && data && data.ruleId === reference.ruleId && sameRange(candidate.range, sent.range)) return data;
  return { ruleId: reference.ruleId, version: reference.version, suggestions: [] };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

export function keywardenData(diagnostic: Diagnostic): KeywardenDiagnosticData | null {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !diagnostic.data || typeof diagnostic.data !== 'object') return null;
  const data = diagnostic.data as KeywardenDiagnosticData;
  return typeof data.ruleId === 'string' && typeof data.version === 'number' && Array.isArray(data.suggestions) ? data : null;
}

export function wholeDocumentEdit(document: TextDocument, newText: string): TextEdit {
  return { range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, newText };
}

function editOf(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function eol(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}
