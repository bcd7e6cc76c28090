import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { KeywardenServer } from './keywarden-server';

/**
 * Entry point of the keywarden language server (bundled to dist/server.js).
 * The transport comes from the command line: `--node-ipc` when the VS Code
 * client launches it, `--stdio` for tests and other editors.
 */
const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', (error) => {
  connection.console.error(`keywarden: unexpected error: ${error.message.split('\n')[0].slice(0, 200)}`);
});

process.on('unhandledRejection', (reason) => {
  const message = reason instanceof Error ? reason.message : String(reason);
  connection.console.error(`keywarden: unhandled rejection: ${message.split('\n')[0].slice(0, 200)}`);
});

new KeywardenServer(connection).listen();
