#!/usr/bin/env node
/**
 * keywarden command line. `keywarden kms …` manages keys and sealed data of
 * keywarden/kms (see `keywarden kms --help`).
 */
import * as readline from 'node:readline';
import { KMS_USAGE, runKmsCli, type CliIo } from '../src/kms/cli';

const USAGE = `usage: keywarden <command>\n\ncommands:\n  kms   key lifecycle for keywarden/kms (rotate, rewrap, backup, restore, inspect)\n\n${KMS_USAGE}`;

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'kms') {
    const io: CliIo = {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin,
      env: process.env,
      promptPassphrase: process.stdin.isTTY ? promptHidden : undefined,
    };
    return runKmsCli(rest, io);
  }
  if (command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`keywarden: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
