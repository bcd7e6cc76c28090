import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { KeywardenSettings } from '../shared/protocol';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings';

/**
 * What the server knows about the client's workspace: its folders and the
 * `keywarden` settings per resource, pulled with `workspace/configuration`
 * when the client supports it and cached until the configuration changes.
 */
export class WorkspaceContext {
  folders: string[] = [];
  canPullConfiguration = false;
  /** Settings pushed with `workspace/didChangeConfiguration`, for clients that cannot be asked. */
  pushedSettings: KeywardenSettings = DEFAULT_SETTINGS;
  private readonly settingsCache = new Map<string, Promise<KeywardenSettings>>();

  constructor(private readonly connection: Connection) {}

  setFolders(folders: WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const uris = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    this.folders = uris.map(uriToPath).filter((p): p is string => p !== null);
  }

  /** The workspace folder containing a file (the deepest one), if any. */
  folderOf(filePath: string | null): string | null {
    if (!filePath) return this.folders[0] ?? null;
    let best: string | null = null;
    for (const folder of this.folders) {
      const relative = path.relative(folder, filePath);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  settingsFor(uri: string): Promise<KeywardenSettings> {
    if (!this.canPullConfiguration) return Promise.resolve(this.pushedSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'keywarden' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** `files.exclude` globs that are switched on for a folder. */
  async filesExclude(folderPath: string): Promise<string[]> {
    if (!this.canPullConfiguration) return [];
    try {
      const files = (await this.connection.workspace.getConfiguration({
        scopeUri: URI.file(folderPath).toString(),
        section: 'files',
      })) as { exclude?: Record<string, unknown> } | null;
      return Object.entries(files?.exclude ?? {})
        .filter(([, on]) => on === true)
        .map(([glob]) => glob);
    } catch {
      return [];
    }
  }

  configurationChanged(pushed: unknown): void {
    this.settingsCache.clear();
    const section = (pushed as { keywarden?: unknown } | null)?.keywarden;
    if (section !== undefined) this.pushedSettings = normalizeSettings(section);
  }
}

export function uriToPath(uri: string): string | null {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : null;
  } catch {
    return null;
  }
}

export function pathToUri(filePath: string): string {
  return URI.file(filePath).toString();
}
