import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, restoreBackup } from './backup';
import { createEnvelopeClient } from './client';
import { KeywardenError } from './errors';
import { hasMagic } from './format';
import { inspectSealed } from './inspect';
import { DEFAULT_LOCAL_KEY_URI, KEY_URI_ENV, schemeOf } from './key-uri';
import { createProvider } from './providers';
import { LocalProvider } from './providers/local';

/** Where the CLI reads and writes; injectable for tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Buffer>;
  env: NodeJS.ProcessEnv;
  /** Asks for a passphrase on the terminal; undefined when there is none. */
  promptPassphrase?(question: string): Promise<string>;
}

export const KMS_USAGE = `usage: keywarden kms <command> [options]

  rotate   [--key URI]                 new KEK version (local keyring; provider-side where supported)
  retire   --key local://NAME#vN       stop an old local KEK version from unwrapping
  rewrap   [--to URI] FILE... | -      re-wrap the data keys of sealed files (or base64 records on
                                       stdin, one per line) under the current KEK; data untouched
  backup   --out FILE                  encrypt the local keyring under a passphrase (scrypt)
  restore  --in FILE [--force]         restore a backup into the local keyring
  inspect  FILE | -                    print a sealed blob's header (never plaintext)
  list                                 local keys and versions

  --keyring PATH          local keyring (default: $KEYWARDEN_LOCAL_KEYRING or .keywarden/keyring.json)
  --passphrase-file PATH  backup passphrase (else $KEYWARDEN_BACKUP_PASSPHRASE, else a prompt)
`;

const OPTIONS = {
  key: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  in: { type: 'string' },
  keyring: { type: 'string' },
  'passphrase-file': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** Runs `keywarden kms …` (argv after "kms"); returns the exit code. */
export async function runKmsCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${KMS_USAGE}`);
    return 2;
  }
  const values = parsed.values as Values;
  const [command, ...rest] = parsed.positionals;
  if (values.help || !command) {
    (command ? io.stdout : io.stderr)(KMS_USAGE);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'rotate':
        return await rotate(values, io);
      case 'retire':
        return await retire(values, io);
      case 'rewrap':
        return await rewrap(values, rest, io);
      case 'backup':
        return await backup(values, io);
      case 'restore':
        return await restore(values, io);
      case 'inspect':
        return await inspect(rest, io);
      case 'list':
        return await list(values, io);
      default:
        io.stderr(`unknown command "${command}"\n\n${KMS_USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof KeywardenError) io.stderr(`keywarden kms ${command}: ${error.code}: ${error.message}\n`);
    else io.stderr(`keywarden kms ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}

function local(values: Values, io: CliIo): LocalProvider {
  return new LocalProvider({ keyringPath: values.keyring, env: io.env });
}

function keyUriOf(values: Values, io: CliIo): string {
  return values.key ?? io.env[KEY_URI_ENV] ?? DEFAULT_LOCAL_KEY_URI;
}

async function rotate(values: Values, io: CliIo): Promise<number> {
  const keyUri = keyUriOf(values, io);
  const scheme = schemeOf(keyUri);
  const provider = scheme === 'local' ? local(values, io) : createProvider(scheme);
  try {
    if (typeof provider.rotate !== 'function') {
      io.stderr(`the ${scheme} provider has no rotation API here: rotate ${keyUri} in the provider itself, then run "keywarden kms rewrap"\n`);
      return 2;
    }
    io.stdout(`rotated: ${await provider.rotate(keyUri)} is now current\n`);
    return 0;
  } finally {
    await provider.close?.();
  }
}

async function retire(values: Values, io: CliIo): Promise<number> {
  if (!values.key) {
    io.stderr('retire needs --key local://NAME#vN\n');
    return 2;
  }
  const provider = local(values, io);
  try {
    await provider.retire(values.key);
    io.stdout(`retired: ${values.key} no longer unwraps data keys\n`);
    return 0;
  } finally {
    await provider.close();
  }
}

async function rewrap(values: Values, files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) {
    io.stderr('rewrap needs FILE... or - (base64 records on stdin)\n');
    return 2;
  }
  const client = createEnvelopeClient({
    keyUri: values.to ?? keyUriOf(values, io),
    providerOptions: { local: { keyringPath: values.keyring, env: io.env } },
  });
  const options = { toKeyUri: values.to };
  let failures = 0;
  try {
    if (files.length === 1 && files[0] === '-') {
      const lines = (await io.readStdin()).toString('utf8').split(/\r?\n/);
      for (const line of lines) {
        if (line.trim() === '') continue;
        io.stdout(`${(await client.rewrap(line.trim(), options)).toString('base64')}\n`);
      }
      return 0;
    }
    for (const file of files) {
      try {
        const raw = await fs.readFile(file);
        const text = !hasMagic(raw);
        const sealed = text ? Buffer.from(raw.toString('utf8').trim(), 'base64') : raw;
        if (!hasMagic(sealed)) throw new KeywardenError('UNSUPPORTED_FORMAT', 'not a keywarden sealed blob');
        const before = inspectSealed(sealed).keyUri;
        const rewrapped = await client.rewrap(sealed, options);
        await writeAtomically(file, text ? `${rewrapped.toString('base64')}\n` : rewrapped);
        io.stdout(`${file}: ${before} -> ${inspectSealed(rewrapped).keyUri}\n`);
      } catch (error) {
        failures++;
        const code = error instanceof KeywardenError ? `${error.code}: ` : '';
        io.stderr(`${file}: ${code}${(error as Error).message}\n`);
      }
    }
    return failures === 0 ? 0 : 1;
  } finally {
    await client.close();
  }
}

async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const mode = (await fs.stat(file)).mode & 0o777;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temp, content, { mode, flag: 'wx' });
  await fs.rename(temp, file);
}

async function passphrase(values: Values, io: CliIo, confirm: boolean): Promise<string> {
  if (values['passphrase-file']) return (await fs.readFile(values['passphrase-file'], 'utf8')).replace(/\r?\n$/, '');
  if (io.env.KEYWARDEN_BACKUP_PASSPHRASE) return io.env.KEYWARDEN_BACKUP_PASSPHRASE;
  if (!io.promptPassphrase) throw new TypeError('no passphrase: use --passphrase-file or KEYWARDEN_BACKUP_PASSPHRASE');
  const first = await io.promptPassphrase('backup passphrase: ');
  if (confirm && (await io.promptPassphrase('repeat passphrase: ')) !== first) throw new TypeError('passphrases differ');
  return first;
}

async function backup(values: Values, io: CliIo): Promise<number> {
  if (!values.out) {
    io.stderr('backup needs --out FILE\n');
    return 2;
  }
  const provider = local(values, io);
  try {
    const text = await createBackup(provider, await passphrase(values, io, true));
    await fs.writeFile(values.out, text, { mode: 0o600, flag: values.force ? 'w' : 'wx' });
    io.stdout(`backed up ${provider.keyringPath} to ${values.out} (scrypt N=2^17, AES-256-GCM)\n`);
    return 0;
  } finally {
    await provider.close();
  }
}

async function restore(values: Values, io: CliIo): Promise<number> {
  if (!values.in) {
    io.stderr('restore needs --in FILE\n');
    return 2;
  }
  const provider = local(values, io);
  try {
    const text = await fs.readFile(values.in, 'utf8');
    const count = await restoreBackup(provider, text, await passphrase(values, io, false), values.force === true);
    io.stdout(`restored ${count} KEK version(s) into ${provider.keyringPath}\n`);
    return 0;
  } finally {
    await provider.close();
  }
}

async function inspect(files: string[], io: CliIo): Promise<number> {
  if (files.length !== 1) {
    io.stderr('inspect needs one FILE or -\n');
    return 2;
  }
  const raw = files[0] === '-' ? await io.readStdin() : await fs.readFile(files[0]);
  const sealed = hasMagic(raw) ? raw : Buffer.from(raw.toString('utf8').trim(), 'base64');
  io.stdout(`${JSON.stringify(inspectSealed(sealed), null, 2)}\n`);
  return 0;
}

async function list(values: Values, io: CliIo): Promise<number> {
  const provider = local(values, io);
  try {
    for (const key of await provider.list()) {
      for (const v of key.versions) {
        const flags = [v.version === key.current ? 'current' : '', v.retired ? `retired ${v.retired}` : ''].filter(Boolean).join(', ');
        io.stdout(`local://${key.name}#v${v.version}  created ${v.created}${flags ? `  (${flags})` : ''}\n`);
      }
    }
    return 0;
  } finally {
    await provider.close();
  }
}
