import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { KeywardenServer } from './keywarden-server';
import { LINT_WORKER_FLAG } from './lint/lint-pool';
import { runLintWorker } from './lint/lint-worker';

/**
 * Entry point of the keywarden language server (bundled to dist/server.js).
 * The transport comes from the command line: `--node-ipc` when the VS Code
 * client launches it, `--stdio` for tests and other editors. The same file,
 * started by the server as a worker thread, is the lint worker.
 */
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[LINT_WORKER_FLAG]) {
  runLintWorker(parentPort);
} else {
  startServer();
}

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);

  process.on('uncaughtException', (error) => {
    connection.console.error(`keywarden: unexpected error: ${error.message.split('\n')[0].slice(0, 200)}`);
  });

  process.on('unhandledRejection', (reason) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    connection.console.error(`keywarden: unhandled rejection: ${message.split('\n')[0].slice(0, 200)}`);
  });

  new KeywardenServer(connection, __filename).listen();
}
