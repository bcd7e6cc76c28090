import type * as vscode from 'vscode';

/** Methods of a LogOutputChannel that write text; each call is also recorded. */
const WRITERS = new Set(['append', 'appendLine', 'trace', 'debug', 'info', 'warn', 'error']);

/**
 * A LogOutputChannel that keeps the last `limit` lines written to it, so the
 * extension's test API can return the server log (window/logMessage, the
 * server's stderr, client errors) without scraping the Output view.
 */
export function recordingLogChannel(
  channel: vscode.LogOutputChannel,
  limit = 2000,
): { channel: vscode.LogOutputChannel; lines: () => string[] } {
  const recorded: string[] = [];
  const record = (level: string, args: unknown[]) => {
    const text = args
      .map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : safeJson(a)))
      .join(' ');
    for (const line of text.split(/\r?\n/)) {
      if (line.length === 0) continue;
      recorded.push(level === 'append' || level === 'appendLine' ? line : `[${level}] ${line}`);
    }
    if (recorded.length > limit) recorded.splice(0, recorded.length - limit);
  };
  const proxy = new Proxy(channel, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      if (!WRITERS.has(property)) return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        record(property, args);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { channel: proxy, lines: () => [...recorded] };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
