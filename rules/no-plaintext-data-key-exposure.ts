import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type TSLintFixer = TSESLint.RuleFixer;
import { callsTakingArgument, getApiCalls, type ApiCall } from '../src/analysis/api-calls';
import { programNodes } from '../src/analysis/ast';
import { isFunction } from '../src/analysis/expression-names';
import { findKeyBytes, handsOutDataKey, holdsDataKey, keyReferences, unboundKmsPlaintexts, WRAPPED_KEY_TEXT, type KeyBytes } from '../src/analysis/key-material';
import { isExplicitSecretName, isPasswordName, isSecretName, isSecretSeedName, nameWords } from '../src/analysis/key-names';
import { mayMakeLoggingFunctions, returnedThroughSameMethod, sinkOf, type SinkKind } from '../src/analysis/key-sinks';
import { trackKeys } from '../src/analysis/key-tracking';
import { namesNonSecretValue } from '../src/analysis/names';
import { secretPropertyPath } from '../src/analysis/object-literals';
import { holdsSecretManagerKey } from '../src/analysis/secret-manager-values';
import { findProperty, memberName, resolveObjectLiteral, singleInitializer, unwrapExpression, variableOf } from '../src/analysis/scope';
import type { SourceCode } from '../src/analysis/scope';
import { isKeyReference } from '../src/analysis/secrets';
import { envVarName, fallbackEnvName, type ResolveContext } from '../src/analysis/values';
import { requestFieldValue, responseFieldRefs, vaultTransitCalls, type VaultTransitCall } from '../src/analysis/vault-transit';
import { createRule } from '../src/util/create-rule';

export type Options = [{ checkLoggedSecrets?: boolean }];
export type MessageIds = 'dataKeyExposed' | 'localDataKeyExposed' | 'secretLogged' | 'keepWrappedKey';

const SINK_TEXT: Record<SinkKind, string> = {
  log: 'written to a log',
  disk: 'written to disk',
  database: 'stored in a database',
  response: 'sent in a response',
  export: 'returned from an exported function',
  queue: 'put in a job or message payload',
  error: 'put in an error message',
  telemetry: 'sent to error tracking or tracing',
  environment: 'put in the process environment (readable by every module and child process)',
  storage: 'written to browser storage',
  session: 'kept in the session (a session store or a cookie)',
  global: 'kept on the global object (readable by every module of the process)',
  'command-line': 'passed on a command line (readable by every user of the host)',
  url: 'sent in a request URL (kept in access and proxy logs)',
};

const LOGGING = /console\.|log(?:ger)?\.|\.log\b/;
/** Words of a secret-named binding (see isSecretName): files without any skip the logger walk. */
const SECRET_WORD = /secret|key|dek|kek|seed|passphrase|passw(?:or)?d|pwd/i;
/** Node's TLS sockets, servers and agents emit each session's secrets as a `'keylog'` event (NSS key log format). */
const KEYLOG_EVENT = 'keylog';
const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

export default createRule<Options, MessageIds>({
  name: 'no-plaintext-data-key-exposure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow plaintext data keys (and other keys and secrets) reaching logs, disk, databases, responses or other modules',
      recommended: 'recommended',
      cwe: [312, 532, 200],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkLoggedSecrets: { type: 'boolean', description: 'Also report any key or secret (not only KMS data keys) passed to console.* or a logger.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      dataKeyExposed:
        'The plaintext data key from this KMS call is {{sinks}}. Keep only the encrypted data key (`CiphertextBlob`) outside the function that uses it, and wipe the plaintext after use.',
      secretLogged: '{{name}} is a key or secret and is {{sink}} here. Log a key id or fingerprint instead, never the key.',
      localDataKeyExposed:
        '`{{name}}` is a data key (KMS wraps it at line {{line}}) and is {{sink}} here in clear. Send or store only the wrapped key, and wipe the plaintext after use.',
      keepWrappedKey:
        'Use the encrypted data key (`{{wrapped}}`) here instead of the plaintext. Whoever reads this value must then unwrap it with KMS Decrypt (update those readers; values already written hold the plaintext and must be replaced).',
    },
  },
  defaultOptions: [{ checkLoggedSecrets: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    let kmsKeyIds: Set<unknown> | undefined;
    return {
      'Program:exit'() {
        // Without crypto calls there can still be a configured secret in a log line.
        if (getApiCalls(sourceCode).length === 0 && !(options.checkLoggedSecrets && LOGGING.test(sourceCode.text)) && vaultTransitCalls(sourceCode).length === 0) return;
        const ctx = { sourceCode, parserServices: sourceCode.parserServices };
        const reported = new Set<TSESTree.Node>();
        // The KMS calls already reported for each sink: two calls whose keys reach one sink (a helper that decrypts
        // a stored key or generates a new one, `return { key: Plaintext }` on both paths) are two findings.
        const reportedCalls = new Map<TSESTree.Node, Set<TSESTree.Node>>();
        for (const bytes of findKeyBytes(ctx)) {
          if (bytes.source !== 'kms-plaintext' || !isDataKey(bytes)) continue;
          const refs = keyReferences(sourceCode, bytes);
          const kmsCall = bytes.api?.node ?? bytes.producer;
          // One finding per KMS call, naming every place the key goes out.
          const exposures: { ref: TSESTree.Node; sink: NonNullable<ReturnType<typeof sinkOf>>; wrapped?: string }[] = [];
          for (const ref of [...refs.bytes, ...refs.holders]) {
            const sink = sinkOf(sourceCode, ref, refs.holderPaths.get(ref));
            // A caller's binding of what a local helper returns (`const key = await unwrap(…)`) reaches the sinks the
            // helper's own KMS call was already reported for: one finding, on that call (decision 5).
            const callsForSink = sink ? reportedCalls.get(sink.node) : undefined;
            if (!sink || callsForSink?.has(kmsCall) || (callsForSink && bytes.producer !== kmsCall) || exposures.some((e) => e.sink.node === sink.node) || (bytes.api && returnedThroughSameMethod(bytes.api, sink))) continue;
            // `return { CiphertextBlob, … }` of a holder only leaks when the holder itself goes out. Through a
            // variable (`const copy = Buffer.from(key)`), the ref also feeds the key's real uses: no swap there.
            exposures.push({ ref, sink, wrapped: sink.kind === 'export' || sink.indirect ? undefined : wrappedKeyText(bytes, ref) });
            reported.add(sink.node);
            reportedCalls.set(sink.node, new Set([...(callsForSink ?? []), kmsCall]));
          }
          if (exposures.length === 0) continue;
          const where = exposures.map((e) => `${SINK_TEXT[e.sink.kind]} (line ${e.sink.node.loc.start.line})`);
          // The swap is offered only when it covers every exposure: half a swap would leave the key out.
          const swappable = exposures.every((e) => e.wrapped !== undefined);
          const wrappedNames = [...new Set(exposures.map((e) => e.wrapped))].join('`, `');
          context.report({
            node: bytes.producer,
            messageId: 'dataKeyExposed',
            data: { sinks: [...new Set(where)].join(' and ') },
            suggest: swappable
              ? [{ messageId: 'keepWrappedKey', data: { wrapped: wrappedNames }, fix: (fixer) => exposures.map((e) => replaceRef(fixer, e.ref, e.wrapped!)) }]
              : [],
          });
        }
        // A data key made here (`const dataKey = randomBytes(32)`) and wrapped by a KMS encrypt is a data key too. No KMS
        // call produced it, so each place it goes out in clear is reported on that sink (decision 5, as a logged secret is).
        for (const bytes of findKeyBytes(ctx)) {
          if (bytes.source !== 'random' && bytes.source !== 'keygen') continue;
          const refs = keyReferences(sourceCode, bytes);
          const wrap = refs.bytes.flatMap((ref) => callsTakingArgument(sourceCode, ref)).find(isKmsEncryptOf(refs.bytes));
          if (!wrap) continue;
          for (const ref of [...refs.bytes, ...refs.holders]) {
            const sink = sinkOf(sourceCode, ref, refs.holderPaths.get(ref));
            if (!sink || reported.has(sink.node)) continue;
            reported.add(sink.node);
            context.report({ node: sink.node, messageId: 'localDataKeyExposed', data: { name: bytes.id.name, line: wrap.node.loc.start.line, sink: SINK_TEXT[sink.kind] } });
          }
        }
        // A response no binding receives, handed straight on (`new DataKeyHandle(await kms.send(…))`, `return kms.send(…)`).
        for (const unbound of unboundKmsPlaintexts(ctx)) {
          if (!isDataKeyCall(unbound.api)) continue;
          const sink = sinkOf(sourceCode, unbound.response, unbound.path);
          if (!sink || reported.has(sink.node) || returnedThroughSameMethod(unbound.api, sink)) continue;
          reported.add(sink.node);
          context.report({ node: unbound.api.node, messageId: 'dataKeyExposed', data: { sinks: `${SINK_TEXT[sink.kind]} (line ${sink.node.loc.start.line})` } });
        }
        // Vault Transit over HTTP: a data key (or an unwrapped one) read from the response.
        for (const call of vaultTransitCalls(sourceCode)) {
          const { endpoint } = call;
          if (!endpoint.responseField || !(endpoint.dataKey || unwrapsKey(call))) continue;
          const sinks = responseFieldRefs(sourceCode, call, endpoint.responseField).flatMap((ref) => sinkOf(sourceCode, ref.node, ref.path) ?? []);
          if (sinks.length === 0) continue;
          for (const sink of sinks) reported.add(sink.node);
          const where = sinks.map((sink) => `${SINK_TEXT[sink.kind]} (line ${sink.node.loc.start.line})`);
          context.report({ node: call.node, messageId: 'dataKeyExposed', data: { sinks: [...new Set(where)].join(' and ') } });
        }
        // Keys and secrets (anything used as a key in this file, or a secret-named env var) in logs.
        if (!options.checkLoggedSecrets) return;
        const keys = keysInFile(ctx);
        // With no key in the file, only secret-named env vars and bindings can be logged: skip the walk for loggers otherwise.
        if (keys.names.size === 0 && !sourceCode.text.includes('env') && !SECRET_WORD.test(sourceCode.text)) return;
        for (const node of loggedExpressions(sourceCode)) {
          const name = secretName(node, keys);
          if (!name) continue;
          // A binding holding a KMS response holds its key at a path (`dataKey.Plaintext`): judged there (a redacting logger may censor it).
          const sink = sinkOf(sourceCode, node, node.type === 'Identifier' ? keys.paths.get(variableOf(sourceCode, node)) : undefined);
          if (!sink || sink.kind !== 'log' || reported.has(sink.node)) continue;
          reported.add(sink.node);
          context.report({ node: sink.node, messageId: 'secretLogged', data: { name: `\`${name}\``, sink: SINK_TEXT.log } });
        }
      },
    };

    /**
     * The encrypted form of the key at `ref`: `dk.CiphertextBlob` next to `dk.Plaintext` of a
     * GenerateDataKey result (or its destructured `CiphertextBlob`), the blob a Decrypt unwrapped.
     */
    function wrappedKeyText(bytes: KeyBytes, ref: TSESTree.Node): string | undefined {
      const bang = ref.type === 'TSNonNullExpression' ? '!' : '';
      const inner = unwrapExpression(ref);
      if (bytes.api?.api.facts?.dataKey) {
        if (inner.type === 'MemberExpression' && memberName(inner) === 'Plaintext' && inner.object.type === 'Identifier') return `${inner.object.name}.CiphertextBlob${bang}`;
        const pattern = bytes.id.parent?.type === 'Property' ? bytes.id.parent.parent : undefined;
        if (pattern?.type === 'ObjectPattern') {
          for (const p of pattern.properties) {
            if (p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === 'CiphertextBlob' && p.value.type === 'Identifier') return `${p.value.name}${bang}`;
          }
        }
        return undefined;
      }
      const blob = bytes.api?.args.find((a) => a.role === 'data');
      const node = blob && unwrapExpression(blob.node);
      const simple = (n: TSESTree.Node): boolean => n.type === 'Identifier' || (n.type === 'MemberExpression' && !n.computed && simple(n.object));
      return node && simple(node) ? sourceCode.getText(node) : undefined;
    }

    /** `{ dataKey }` keeps its property name: `{ dataKey: wrappedKey }`. */
    function replaceRef(fixer: TSLintFixer, ref: TSESTree.Node, text: string) {
      const parent = ref.parent;
      if (parent?.type === 'Property' && parent.shorthand && parent.value === ref) return fixer.replaceText(parent, `${sourceCode.getText(ref)}: ${text}`);
      return fixer.replaceText(ref, text);
    }

    /** GenerateDataKey and key unwrapping (Azure `unwrapKey`) always; Decrypt when the plaintext is a key (named so, or decrypting a wrapped key). */
    function isDataKey(bytes: KeyBytes): boolean {
      return holdsDataKey(sourceCode, bytes);
    }

    function isDataKeyCall(call: ApiCall): boolean {
      return handsOutDataKey(sourceCode, call);
    }

    /** Vault `transit/decrypt` of a wrapped data key (`ciphertext: row.wrappedKey`). */
    function unwrapsKey(call: VaultTransitCall): boolean {
      const ciphertext = requestFieldValue(call, call.endpoint.ciphertextField ?? 'ciphertext');
      return !!ciphertext && WRAPPED_KEY_TEXT.test(sourceCode.getText(ciphertext));
    }

    /** A KMS encrypt (a call naming a KMS key) whose plaintext is one of `refs`: envelope wrapping of that key. */
    function isKmsEncryptOf(refs: readonly TSESTree.Node[]): (call: ApiCall) => boolean {
      return (call) =>
        call.api.operation === 'encrypt' &&
        call.args.some((a) => a.role === 'kms-key-id') &&
        call.args.some((a) => a.role === 'data' && refs.includes(a.node));
    }

    /**
     * The property is set from an environment variable (`{ jwtSecret: process.env.JWT_SECRET ?? '' }`) that holds a
     * secret: not one whose name or fallback says it holds a reference to a key kept elsewhere (MongoDB's `masterKey:
     * { region, key: process.env.CMK_ARN ?? 'alias/app' }` names a KMS key; decision 22: logging it is not exposure).
     */
    function configuredFromEnv(object: TSESTree.Node, property: string): boolean {
      const literal = resolveObjectLiteral(sourceCode, object);
      let value = literal && findProperty(literal, property);
      const fallbacks: TSESTree.Node[] = [];
      while (value && value.type === 'LogicalExpression') {
        fallbacks.push(value.right);
        value = value.left;
      }
      const env = value && envVarName(unwrapExpression(value));
      if (!env || namesNonSecretValue(env)) return false;
      return !fallbacks.some((fallback) => {
        const text = unwrapExpression(fallback);
        return text.type === 'Literal' && typeof text.value === 'string' && isKeyReference(text.value);
      });
    }

    /**
     * What this file uses as a key (not KMS key ids, not parameters, whose values the
     * callers decide): the bindings that hold one, and the names of the rest
     * (`process.env.X`, `this.key`). Bindings, not names: a `key` logged in one function
     * is not the `key` another function decrypts with (a record's keys in a loop).
     */
    function keysInFile(ctx: ResolveContext): { names: ReadonlySet<string>; variables: ReadonlySet<unknown>; paths: ReadonlyMap<unknown, readonly string[]> } {
      const names = new Set<string>();
      const variables = new Set<unknown>();
      const paths = new Map<unknown, readonly string[]>();
      const holder = (node: TSESTree.Node | undefined) => {
        const inner = node && unwrapExpression(node);
        const variable = inner?.type === 'Identifier' ? variableOf(sourceCode, inner) : undefined;
        if (variable) variables.add(variable);
      };
      for (const key of trackKeys(ctx)) {
        if (key.uses.length === 0 || key.origin === 'kms' || key.origin === 'parameter') continue;
        names.add(key.name);
        holder(key.definition);
        for (const use of key.uses) holder(use.arg);
      }
      for (const bytes of findKeyBytes(ctx)) {
        names.add(bytes.id.name);
        variables.add(bytes.variable);
        if (bytes.path.length > 0) paths.set(bytes.variable, bytes.path);
      }
      return { names, variables, paths };
    }

    /**
     * The first parameter of a `'keylog'` listener (`server.on('keylog', (line, socket) => …)`, also on a TLS socket or
     * agent): an NSS key log line, the secrets of a TLS session (`CLIENT_RANDOM …` and its master secret, or the TLS 1.3
     * traffic secrets). Whoever reads it decrypts that session's recorded traffic.
     */
    function isKeylogLine(def: { type: string; node: TSESTree.Node } | undefined): boolean {
      if (def?.type !== 'Parameter') return false;
      const fn = def.node;
      const listen = fn.parent;
      if (!isFunction(fn) || fn.params[0]?.type !== 'Identifier' || listen?.type !== 'CallExpression' || listen.arguments[1] !== fn) return false;
      const event = listen.arguments[0];
      const callee = unwrapExpression(listen.callee);
      return (
        event?.type === 'Literal' &&
        event.value === KEYLOG_EVENT &&
        callee.type === 'MemberExpression' &&
        LISTENER_METHODS.has(memberName(callee) ?? '') &&
        (def as { name?: TSESTree.Node }).name === fn.params[0]
      );
    }

    /** Bindings passed as the KMS key of a modelled call (`KeyId: kekArn`, `SourceKeyId: fromKek`, GCP `name`). */
    function kmsKeyIdVariables(): ReadonlySet<unknown> {
      if (kmsKeyIds) return kmsKeyIds;
      kmsKeyIds = new Set();
      for (const call of getApiCalls(sourceCode)) {
        for (const arg of call.args) {
          if (arg.role !== 'kms-key-id') continue;
          const inner = unwrapExpression(arg.node);
          const variable = inner.type === 'Identifier' ? variableOf(sourceCode, inner) : undefined;
          if (variable) kmsKeyIds.add(variable);
        }
      }
      return kmsKeyIds;
    }

    /**
     * A binding initialised from an environment variable whose name says it holds something other than a secret
     * (`process.env.SWANCTL_SECRETS_FILE ?? '/etc/…'`, `process.env.SIGNING_KEY_PATH`): it holds what that variable
     * holds, a path or an id, whatever the binding is called.
     */
    function readsNonSecretEnvVar(variable: NonNullable<ReturnType<typeof variableOf>>): boolean {
      const init = singleInitializer(variable);
      if (!init) return false;
      const expr = unwrapExpression(init);
      const env = envVarName(expr) ?? fallbackEnvName(expr);
      return env !== undefined && namesNonSecretValue(env);
    }

    function secretName(node: TSESTree.Node, keys: ReturnType<typeof keysInFile>): string | undefined {
      const env = envVarName(node);
      if (env) return isSecretName(env) || isPasswordName(env) || keys.names.has(`process.env.${env}`) ? `process.env.${env}` : undefined;
      if (node.type === 'Identifier') {
        const variable = variableOf(sourceCode, node);
        if (!variable) return undefined;
        // A binding this file hands to KMS as the key to use (`KeyId`, ReEncrypt's `SourceKeyId`) names a KMS key,
        // whatever it is called (`fromKek`, `masterKey`): an id, alias or ARN, not key material.
        if (kmsKeyIdVariables().has(variable)) return undefined;
        if (keys.variables.has(variable)) return node.name;
        // `const SWANCTL_SECRETS = process.env.SWANCTL_SECRETS_FILE ?? '…'`: the variable it is read from says it holds a path.
        if (readsNonSecretEnvVar(variable)) return undefined;
        // A binding named as a secret (`jwtSigningSecret`, `dataKey`, `smtpPassword`, a casino's `serverSeed`; not `secretName`,
        // `keyId`, a bare `key`, a player's `clientSeed`) holds one, wherever it came from.
        if (isExplicitSecretName(node.name) || isPasswordName(node.name) || isSecretSeedName(node.name)) return node.name;
        // A key or token a secret manager returned (`const publisherKey = (await readSecret(id)).trim()`, `readSecret`
        // returning `out.SecretString`): the source says what `Key` names here (decision 25).
        if (holdsSecretManagerKey(sourceCode, variable, node.name)) return `${node.name} (a secret manager's value)`;
        if (isKeylogLine(variable.defs[0])) return `${node.name} (a TLS key log line)`;
        // `for (const [name, value] of Object.entries(secrets))`: each value is one of the collection's secrets.
        const collection = iteratedCollection(variable.defs[0]);
        const owner = collection ? secretName(collection, keys) : undefined;
        if (owner) return `${node.name} (a value of ${owner})`;
        // An options object built here around such a binding (`{ kmsProviders: { local: { key: localMasterKey } } }`) carries it.
        const held = secretPropertyPath(sourceCode, node, (id) => isExplicitSecretName(id.name) || isPasswordName(id.name));
        return held ? `${node.name}.${held.join('.')}` : undefined;
      }
      if (node.type === 'MemberExpression') {
        const text = sourceCode.getText(node);
        if (keys.names.has(text)) return text;
        // `config.jwtSecret` where `config = { jwtSecret: process.env.JWT_SECRET ?? '' }`.
        const name = memberName(node);
        if (name && isSecretName(name) && configuredFromEnv(node.object, name)) return text;
        // A record's member named as a shared secret (`rp.clientSecret`, `account.webhookSecret`) or a service password holds
        // one wherever the record came from (a secret store's JSON, a database row), as a binding so named does. Not
        // `secretArn`, nor a member ending in `key`: a secret manager's entry names its secret `secretKey`, and a wallet
        // CLI's result printed to its user is the program's output.
        return name && (namesSharedSecret(name) || isPasswordName(name)) && !isMemberOfNameList(node) ? text : undefined;
      }
      return undefined;
    }
  },
});

/**
 * The object whose values a `for…of` binding takes: `secrets` for `value` in `for (const [name, value] of
 * Object.entries(secrets))` and for `value` in `for (const value of Object.values(secrets))`. Not the entry's name.
 */
function iteratedCollection(def: { type: string; node: TSESTree.Node; name: TSESTree.Node } | undefined): TSESTree.Node | undefined {
  if (def?.type !== 'Variable' || def.node.type !== 'VariableDeclarator') return undefined;
  const declarator = def.node;
  const loop = declarator.parent?.parent;
  if (loop?.type !== 'ForOfStatement' || loop.left !== declarator.parent) return undefined;
  const right = unwrapExpression(loop.right);
  if (right.type !== 'CallExpression' || right.arguments.length !== 1 || right.arguments[0].type === 'SpreadElement') return undefined;
  const callee = right.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.object.name !== 'Object' || callee.property.type !== 'Identifier') return undefined;
  const takesValue =
    (callee.property.name === 'entries' && declarator.id.type === 'ArrayPattern' && declarator.id.elements[1] === def.name) ||
    (callee.property.name === 'values' && declarator.id === def.name);
  return takesValue ? right.arguments[0] : undefined;
}

/** Last words of an object that lists names: `ManagedIdentityEnvironmentVariableNames`, `SECRET_NAMES`, `configLabels`. */
const NAME_LIST_WORDS: ReadonlySet<string> = new Set(['names', 'name', 'ids', 'labels']);

/**
 * `ManagedIdentityEnvironmentVariableNames.MSI_SECRET` (msal-node's enum of variable names, written into "… is not
 * defined" messages): a member of an object named as a list of names is the name of a secret, not the secret.
 */
function isMemberOfNameList(node: TSESTree.MemberExpression): boolean {
  const object = node.object;
  const objectName = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' ? memberName(object) : undefined;
  const last = objectName ? nameWords(objectName).at(-1) : undefined;
  return last !== undefined && NAME_LIST_WORDS.has(last);
}

/** `clientSecret`, `webhookSigningSecret`, `archivePassphrase`: a secret-named value whose last word says secret. */
function namesSharedSecret(name: string): boolean {
  const last = nameWords(name).at(-1);
  return (last === 'secret' || last === 'passphrase') && isExplicitSecretName(name);
}

/*
 * The generators below are module-level functions on purpose. A generator function made inside `create` is a new
 * function object on every lint, with its own `prototype` for the generators it makes, and V8's young-generation
 * collector keeps an object used as a prototype, and what its function's closure holds (this lint's source code, tree
 * and analyses), until the next full collection (see src/analysis/lint-scoped.ts). Measured: 5.6 MB of 30 lints kept
 * through each scavenge with them inside `create`, 0.7 MB at module level.
 */

/** Identifiers and member expressions inside logger calls' arguments. */
function* loggedExpressions(sourceCode: SourceCode): Generator<TSESTree.Node> {
  for (const call of callsNamedLikeLoggers(sourceCode)) for (const arg of call.arguments) yield* loggedParts(unwrapExpression(arg));
}

function* loggedParts(node: TSESTree.Node): Generator<TSESTree.Node> {
  if (node.type === 'Identifier' || node.type === 'MemberExpression') {
    yield node;
    return;
  }
  if (node.type === 'TemplateLiteral') {
    for (const e of node.expressions) yield* loggedParts(e);
  } else if (node.type === 'ObjectExpression') {
    for (const p of node.properties) if (p.type === 'Property') yield* loggedParts(p.value);
  } else if (node.type === 'CallExpression') {
    // `key.toString('hex')`, `toHex(raw)`: the sink check decides whether the call carries the value.
    if (node.callee.type === 'MemberExpression') yield* loggedParts(unwrapExpression(node.callee.object));
    for (const arg of node.arguments) yield* loggedParts(unwrapExpression(arg));
  } else if (node.type === 'BinaryExpression') {
    yield* loggedParts(node.left);
    yield* loggedParts(node.right);
  }
}

/**
 * Method calls in the file, and calls of plain functions when the file makes logging functions
 * (`debug('options %O', options)` with `const debug = require('debug')('db')`): the sink check decides which are loggers.
 */
function* callsNamedLikeLoggers(sourceCode: SourceCode): Generator<TSESTree.CallExpression> {
  const methods = LOGGING.test(sourceCode.text);
  const functions = mayMakeLoggingFunctions(sourceCode.text);
  if (!methods && !functions) return;
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'CallExpression') continue;
    if (methods && node.callee.type === 'MemberExpression') yield node;
    else if (functions && node.callee.type === 'Identifier') yield node;
  }
}
