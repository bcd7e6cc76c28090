import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerCommands, type KeywardenDiagnosticData, type Range, type TextEdit } from '../shared/protocol';
import { disableForLineEdit } from './code-actions';
import { minimalEdit } from './envelope-edits';

/** What command handlers need from the server. */
export interface CommandContext {
  connection: Connection;
  document(uri: string): TextDocument | undefined;
  /** The text with every keywarden autofix applied, or null when nothing changes. */
  fixAll(document: TextDocument): Promise<string | null>;
  /** The data of the current diagnostics of a document. */
  diagnosticData(uri: string): Promise<{ range: Range; data: KeywardenDiagnosticData }[]>;
  /** Extra files an envelope rewrite in this document touches. */
  envelopeCompanions(uri: string): Record<string, TextEdit[]>;
}

interface FixAllArgs {
  uri: string;
  version?: number;
}
interface SuggestionArgs {
  uri: string;
  version: number;
  ruleId: string;
  range: Range;
  index: number;
}
interface DisableArgs {
  uri: string;
  line: number;
  ruleId: string;
}

/**
 * `workspace/executeCommand`: each command computes a `WorkspaceEdit` from the
 * server's own state for the current document version and asks the client
 * to apply it. Returns whether an edit was applied; stale or malformed
 * arguments apply nothing.
 */
export async function executeCommand(context: CommandContext, command: string, args: unknown[] = []): Promise<boolean> {
  const edit = await editFor(context, command, args[0]);
  if (!edit) return false;
  const result = await context.connection.workspace.applyEdit({ label: labelOf(command), edit });
  return result.applied;
}

async function editFor(context: CommandContext, command: string, arg: unknown): Promise<WorkspaceEdit | null> {
  if (!arg || typeof arg !== 'object') return null;
  const { uri } = arg as { uri?: unknown };
  if (typeof uri !== 'string') return null;
  const document = context.document(uri);
  if (!document) return null;
  switch (command) {
    case ServerCommands.applyFixAll: {
      const { version } = arg as FixAllArgs;
      if (version !== undefined && version !== document.version) return null;
      const fixed = await context.fixAll(document);
      return fixed === null ? null : { changes: { [uri]: [minimalEdit(document.getText(), fixed)] } };
    }
    case ServerCommands.applySuggestion: {
      const { version, ruleId, range, index } = arg as SuggestionArgs;
      if (version !== document.version || typeof index !== 'number') return null;
      const match = (await context.diagnosticData(uri)).find((d) => d.data.ruleId === ruleId && range && sameRange(d.range, range) && d.data.version === version);
      const suggestion = match?.data.suggestions[index];
      if (!suggestion) return null;
      const changes: Record<string, TextEdit[]> = { [uri]: suggestion.edits };
      if (suggestion.messageId === 'rewriteToEnvelope') Object.assign(changes, context.envelopeCompanions(uri));
      return { changes };
    }
    case ServerCommands.disableForLine: {
      const { line, ruleId } = arg as DisableArgs;
      if (typeof line !== 'number' || typeof ruleId !== 'string' || !ruleId.startsWith('keywarden/') || line < 0 || line >= document.lineCount) return null;
      return { changes: { [uri]: [disableForLineEdit(document, line, ruleId)] } };
    }
    default:
      return null;
  }
}

function labelOf(command: string): string {
  if (command === ServerCommands.applyFixAll) return 'Fix all safe keywarden issues';
  if (command === ServerCommands.disableForLine) return 'Disable keywarden rule for this line';
  return 'Apply keywarden suggestion';
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
