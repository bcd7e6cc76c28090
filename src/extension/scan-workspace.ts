import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { ScanWorkspaceRequest, type ScanResult, type ScanWorkspaceParams } from '../shared/protocol';
import type { ServerController } from './server-controller';

let nextToken = 0;

/**
 * "Keywarden: Scan Workspace": asks the server to lint every JS/TS file of the
 * workspace and shows its progress in a cancellable notification. The server
 * reports through `$/progress` on a token we create; cancelling the
 * notification cancels the request (`$/cancelRequest`).
 */
export async function scanWorkspace(server: ServerController): Promise<ScanResult> {
  const client = await server.ready();
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keywarden: scanning workspace', cancellable: true },
    async (progress, cancellation) => {
      const token = `keywarden-scan-${process.pid}-${++nextToken}`;
      let reportedPercent = 0;
      const onProgress = client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') return;
        const { message, percentage } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
        // withProgress wants increments; the server sends absolute percentages.
        const increment = typeof percentage === 'number' && percentage > reportedPercent ? percentage - reportedPercent : undefined;
        if (increment !== undefined) reportedPercent = percentage as number;
        progress.report({ message, increment });
      });
      try {
        const params: ScanWorkspaceParams = { folders, workDoneToken: token };
        return await client.sendRequest<ScanResult>(ScanWorkspaceRequest, params, cancellation);
      } catch (error) {
        if (cancellation.isCancellationRequested) return { files: 0, findings: 0, durationMs: 0, cancelled: true };
        throw error;
      } finally {
        onProgress.dispose();
      }
    },
  );
}

/** The message shown when a scan from the command palette finishes. */
export function describeScan(result: ScanResult): string {
  const files = `${result.files} file${result.files === 1 ? '' : 's'}`;
  const findings = `${result.findings} finding${result.findings === 1 ? '' : 's'}`;
  const seconds = (result.durationMs / 1000).toFixed(1);
  return result.cancelled
    ? `Keywarden: scan cancelled after ${files} (${findings} so far).`
    : `Keywarden: scanned ${files} in ${seconds} s, ${findings}.`;
}
