/**
 * The typed protocol shared by the keywarden language server (`src/server/`)
 * and the VS Code client (`src/extension/`). Types and string constants only:
 * no runtime dependencies, so both bundles can import it freely.
 */

/** An LSP position (zero-based line and UTF-16 character). */
export interface Position {
  line: number;
  character: number;
}

/** An LSP range. */
export interface Range {
  start: Position;
  end: Position;
}

/** Commands the server registers through `executeCommandProvider`. */
export const ServerCommands = {
  applyFixAll: 'keywarden.server.applyFixAll',
  applySuggestion: 'keywarden.server.applySuggestion',
  disableForLine: 'keywarden.server.disableForLine',
  /** Opens a rule's documentation (the server asks the client with `window/showDocument`). */
  showDocumentation: 'keywarden.server.showDocumentation',
} as const;

export type ServerCommand = (typeof ServerCommands)[keyof typeof ServerCommands];

/**
 * Scans every JS/TS file of the given workspace folders (default: all), honouring
 * `.gitignore` and `files.exclude`, and publishes diagnostics for each. Reports
 * progress through `window/workDoneProgress` when the client passes a
 * `workDoneToken`, and honours cancellation.
 */
export const ScanWorkspaceRequest = 'keywarden/scanWorkspace';

export interface ScanWorkspaceParams {
  /** Folder URIs or paths; default: every workspace folder. */
  folders?: string[];
  workDoneToken?: string | number;
}

export interface ScanResult {
  files: number;
  findings: number;
  durationMs: number;
  cancelled: boolean;
}

/** Every key the analysis found in the scanned/open files (the CEK-11 key inventory). */
export const KeyInventoryRequest = 'keywarden/keyInventory';

/** The request takes no parameters (`{}`). */
export type KeyInventoryParams = Record<string, never>;

export type KeyOrigin = 'hardcoded' | 'environment' | 'kms' | 'derived' | 'generated' | 'unknown';

export type ZeroizationStatus = 'wiped' | 'not-wiped' | 'not-applicable';

export interface KeyFinding {
  ruleId: string;
  message: string;
  uri: string;
  range: Range;
}

export interface KeyLocation {
  uri: string;
  range: Range;
}

export interface KeyInventoryEntry {
  id: string;
  name: string;
  origin: KeyOrigin;
  purposes: string[];
  algorithms: string[];
  zeroization: ZeroizationStatus;
  findings: KeyFinding[];
  locations: KeyLocation[];
}

/** Sent by the server after each lint of a document. */
export const StatusNotification = 'keywarden/status';

export interface StatusParams {
  uri: string;
  findings: number;
  lintMs: number;
}

/** The `keywarden` configuration section, pulled with `workspace/configuration`. */
export interface KeywardenSettings {
  enable: boolean;
  config: 'recommended' | 'strict';
  rules: Record<string, 'off' | 'warn' | 'error'>;
  policyFile: string | null;
  scanOnStartup: boolean;
}

/** An LSP text edit. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * What the server keeps for each keywarden diagnostic: everything a code
 * action needs, as LSP edits valid for one version of the document. The
 * published diagnostic carries only a `PublishedDiagnosticData` reference to
 * it: an envelope rewrite's edit can span most of the file, and sending it
 * with every keystroke's diagnostics (to be parsed and held by the client,
 * and never used unless that action is picked) costs more than it serves.
 */
export interface KeywardenDiagnosticData {
  ruleId: string;
  messageId?: string;
  /** The document version the edits apply to; stale edits are never applied. */
  version: number;
  /** The rule's autofix, when it has one. */
  fix?: TextEdit[];
  /** The rule's suggestions, in the rule's order. */
  suggestions: { desc: string; messageId?: string; edits: TextEdit[] }[];
}

/**
 * The `data` of a published keywarden diagnostic: which of the server's
 * diagnostics of that document version it is. Code action requests send it
 * back, and the server answers from what it kept (see KeywardenDiagnosticData).
 */
export interface PublishedDiagnosticData {
  ruleId: string;
  messageId?: string;
  version: number;
  /** Position of the diagnostic in the server's list for that version. */
  index: number;
}
