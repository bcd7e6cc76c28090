import type { KeywardenSettings } from '../shared/protocol';

/** What the server uses when the client sends nothing (zero configuration). */
export const DEFAULT_SETTINGS: KeywardenSettings = {
  enable: true,
  config: 'recommended',
  rules: {},
  policyFile: null,
  scanOnStartup: false,
};

const SEVERITIES = new Set(['off', 'warn', 'error']);

/**
 * Turns whatever `workspace/configuration` returned for the `keywarden` section
 * into valid settings: unknown values fall back to the defaults, rule ids are
 * normalised to carry the `keywarden/` prefix.
 */
export function normalizeSettings(raw: unknown): KeywardenSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: KeywardenSettings['rules'] = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity !== 'string' || !SEVERITIES.has(severity)) continue;
      rules[id.startsWith('keywarden/') ? id : `keywarden/${id}`] = severity as 'off' | 'warn' | 'error';
    }
  }
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    config: value.config === 'strict' ? 'strict' : 'recommended',
    rules,
    policyFile: typeof value.policyFile === 'string' && value.policyFile.trim() ? value.policyFile : null,
    scanOnStartup: value.scanOnStartup === true,
  };
}

/** Server tuning passed by the client (or a test/bench) in `initializationOptions`. */
export interface ServerOptions {
  /** Delay between the last change of a document and its lint. */
  debounceMs: number;
  /** Files larger than this are skipped by the workspace scan. */
  maxFileBytes: number;
  /** A lint superseded by a newer version that has already run this long is stopped (the lint worker is restarted). */
  restartStaleLintAfterMs: number;
}

export const DEFAULT_SERVER_OPTIONS: ServerOptions = { debounceMs: 200, maxFileBytes: 1024 * 1024, restartStaleLintAfterMs: 1500 };

export function readServerOptions(initializationOptions: unknown): ServerOptions {
  const value = (initializationOptions && typeof initializationOptions === 'object' ? initializationOptions : {}) as Record<
    string,
    unknown
  >;
  const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    debounceMs: number(value.debounceMs, DEFAULT_SERVER_OPTIONS.debounceMs),
    maxFileBytes: number(value.maxFileBytes, DEFAULT_SERVER_OPTIONS.maxFileBytes),
    restartStaleLintAfterMs: number(value.restartStaleLintAfterMs, DEFAULT_SERVER_OPTIONS.restartStaleLintAfterMs),
  };
}
