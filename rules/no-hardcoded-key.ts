import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getApiCalls, type ApiCall } from '../src/analysis/api-calls';
import { namedRegistrations } from '../src/analysis/dependency-injection';
import { isTestFile } from '../src/analysis/file-kind';
import { isDerivationLabel } from '../src/analysis/label-keyed-derivation';
import { besideLoopbackEndpoint } from '../src/analysis/loopback-endpoint';
import { PUBLIC_CLIENT_KEY_SERVICES, PUBLIC_KEY_ROLE_WORDS } from '../src/model/public-client-keys';
import { isEntryNameProperty, isExplicitSecretName } from '../src/analysis/key-names';
import { hardcodedKeyPieces, isOnlyAKeyPiece, soleWrittenKeyPart } from '../src/analysis/key-pieces';
import { isSecretKeyName, namesAuthToken, namesFieldLevelKey, namesNonSecretValue, namesSeveralKeys, namesUnqualifiedKey, withoutEncodingTails, words } from '../src/analysis/names';
import { memberName, propertyName, unwrapExpression } from '../src/analysis/scope';
import { arrayElements, constantPreview, constantText, importsPublicKey, isFallbackSecret, isPasswordHash, judgeConstant, keyNamedArguments, secretConstants } from '../src/analysis/secret-constants';
import { findSelfDescribingKey, mayHoldSelfDescribingKey } from '../src/analysis/private-key-formats';
import { findPrivateKeyPem, hasPlaceholderSegment, mayHoldPrivateKeyBlock, isPlaceholder, isPublishedDevKey, isUnsetSentinel, judgeKeyMaterial, redact } from '../src/analysis/secrets';
import { destructuredEnvVar, envVarName, fallbackEnvName, mapInitializerEntries, resolveValues, type Constant, type ResolveContext } from '../src/analysis/values';
import { cliOptionDefault, schemaDefaults } from '../src/analysis/config-schema';
import { pluginKeyOptions } from '../src/analysis/schema-plugins';
import { sqlKeys } from '../src/analysis/sql-crypto';
import type { ArgRole } from '../src/model/types';
import { envelopeRewrite } from '../src/fix/envelope';
import { toFix } from '../src/fix/edits';
import { envKeyFix } from '../src/fix/env-key';
import { removeSchemaDefault } from '../src/fix/schema-default';
import { isTypeScriptFile } from '../src/fix/source-shape';
import { createRule } from '../src/util/create-rule';
import { describeArgUse, isInFile, reportOncePerNode } from '../src/util/rule-report';

export type Options = [
  {
    /** Skip test, spec, fixture and mock files. */
    ignoreTestFiles?: boolean;
    /** Report key-looking constants bound to key-named variables even when no sink is visible. */
    checkKeyNamedConstants?: boolean;
  },
];
export type MessageIds = 'hardcodedKey' | 'hardcodedFallback' | 'embeddedPrivateKey' | 'keyLikeConstant' | 'rewriteToEnvelope' | 'readFromEnvironment' | 'removeSchemaDefault';

/** Argument roles that carry secret material. */
const SECRET_ROLES: ReadonlySet<ArgRole> = new Set(['key', 'passphrase', 'secret', 'credential']);

/** How written text becomes key bytes (`decodeBase64('…')`, `hexToBytes('…')`), and the lengths keys have in bytes. */
const DECODED_ENCODINGS: ReadonlySet<string> = new Set(['hex', 'base64', 'base64url']);
const KEY_BYTE_LENGTHS: ReadonlySet<number> = new Set([16, 24, 32, 64]);
const HEX_TEXT = /^(?:[0-9a-f]{2})+$|^(?:[0-9A-F]{2})+$/;
const BASE64_TEXT = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Key bytes written without a decoding call, under a name that says `…Key` after a word of its own (`networkKey`,
 * `HEALTH_EXPORT_KEY`): hex or base64 text, or a list of byte values, that is exactly a key's length (16, 24, 32 or 64
 * bytes). A lookup key written as text is a path, a label or an id, not a key's length of hex or base64; a bare `key` is
 * left to a decoding call, since records and option objects use it for any field. The constant to judge: the text as
 * written, the list as the bytes it holds.
 */
function keyLengthBytesWritten(constant: Constant): Constant | undefined {
  if (constant.kind === 'array') {
    const elements = constant.value as readonly Constant[];
    if (!KEY_BYTE_LENGTHS.has(elements.length) || !elements.every(isByteValue)) return undefined;
    // Bytes that spell printable text are a label written as bytes (Zigbee's published "ZigBeeAlliance09" link key), not
    // random key bytes: 16 random bytes are all printable once in millions.
    if (elements.every((e) => (e.value as number) >= 0x20 && (e.value as number) < 0x7f)) return undefined;
    return { ...constant, kind: 'bytes', value: Uint8Array.from(elements.map((e) => e.value as number)), encoding: 'array', text: undefined };
  }
  if (constant.kind !== 'string') return undefined;
  const text = constant.value as string;
  const encoding = HEX_TEXT.test(text) ? 'hex' : BASE64_TEXT.test(text) && text.length % 4 === 0 ? 'base64' : undefined;
  if (!encoding) return undefined;
  // Judged as written (the text's own alphabet and mix of classes), like any key-named text.
  return KEY_BYTE_LENGTHS.has(Buffer.from(text, encoding).length) ? constant : undefined;
}

/**
 * `networkKey`, `HEALTH_EXPORT_KEY`: a word of its own before `key` (not a bare `key`), and nothing saying the key is one
 * of the public client keys that analytics, monitoring and search services issue for browsers and apps (Segment's
 * `writeKey`, `ALGOLIA_SEARCH_KEY`, `AMPLITUDE_KEY`): those are written as hex or base64 of a key's length too.
 */
function namesKeyForUse(name: string): boolean {
  const parts = withoutEncodingTails(words(name));
  return parts.length > 1 && !parts.some((w) => PUBLIC_KEY_ROLE_WORDS.has(w) || PUBLIC_CLIENT_KEY_SERVICES.has(w));
}

function isByteValue(element: Constant): boolean {
  return element.kind === 'number' && Number.isInteger(element.value) && (element.value as number) >= 0 && (element.value as number) <= 255;
}

/** A compact JWS/JWT (`eyJ…` header, payload, signature): a signed token, not a key. */
const COMPACT_JWS = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const ROLE_WORDS: Partial<Record<ArgRole, string>> = {
  key: 'key',
  passphrase: 'passphrase',
  secret: 'secret',
  credential: 'credential',
};

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow hardcoded cryptographic keys, secrets and private keys',
      recommended: 'recommended',
      cwe: [321, 798],
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test, spec, fixture and mock files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `fixtures/`…). Default false: a real key committed with a test is still a leaked key.',
          },
          checkKeyNamedConstants: {
            type: 'boolean',
            description:
              'Also report key-looking constants (hex/base64 key material) bound to key-named variables or properties when no crypto call is visible in the file. Default true.',
          },
        },
      },
    ],
    messages: {
      hardcodedKey:
        'Hardcoded {{role}} {{preview}} is used by {{sink}} (line {{line}}). Anyone with the source has the key: load it at run time from a KMS or secret store (keywarden/kms), then rotate it.',
      hardcodedFallback:
        'Hardcoded fallback {{role}} {{preview}} is used by {{sink}} (line {{line}}) whenever {{source}} is missing. Fail at start-up instead of falling back to a key that is in the source.',
      embeddedPrivateKey:
        'A {{label}} is embedded in the source. Keep private keys in a KMS/HSM or secret store, and rotate this one: it is in your history.',
      keyLikeConstant:
        '`{{name}}` holds hardcoded key material ({{reason}}, {{preview}}). Load it at run time from a KMS or secret store (keywarden/kms), then rotate it.',
      readFromEnvironment:
        'Read the key from the environment variable {{envVar}}, checked at start-up (the service refuses to start without it). Move the current value there ({{format}}): the key itself does not change, so nothing needs re-encrypting; then rotate it, since it stays in the repository history.',
      removeSchemaDefault:
        'Remove the default so that {{name}} is required: the service then refuses to start without it instead of running with a key that is in the source. Set it where the service runs (the key itself does not change), then rotate it.',
      rewriteToEnvelope:
        'Rewrite to envelope encryption with keywarden/kms (key from KEYWARDEN_KEY_URI; the functions become async). Existing ciphertexts still decrypt only with the old key in KEYWARDEN_LEGACY_KEY: migrate them, then rotate the old key.',
    },
  },
  defaultOptions: [{ ignoreTestFiles: false, checkKeyNamedConstants: true }],
  create(context, [options]) {
    if (options.ignoreTestFiles === true && isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    // Every entry of a keyring (`KEYS[kid]`, `KEYS.get(version)`) is a key in use.
    const ctx: ResolveContext = { sourceCode, parserServices: sourceCode.parserServices, everyTableEntry: true };
    const reportOnce = reportOncePerNode<MessageIds>((descriptor) => context.report(descriptor));
    /** Key-named bindings, checked after the sinks so a proven sink finding wins the message. */
    const named: { name: string; init: TSESTree.Expression; envName?: string }[] = [];
    /** Strings that may hold a private key in a self-describing format (see private-key-formats.ts). */
    const selfDescribing: { node: TSESTree.Node; text: string }[] = [];

    const typescript = isTypeScriptFile(context.filename);
    const report = (node: TSESTree.Node, messageId: MessageIds, data: Record<string, string | number>, calls?: readonly ApiCall[], sink?: ApiCall) => {
      if (reportOnce.has(node)) return; // one finding per constant: its suggestions are built once
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      const edits = calls && envelopeRewrite(sourceCode, calls, node);
      if (edits) suggest.push({ messageId: 'rewriteToEnvelope', fix: toFix(edits) });
      const env = messageId === 'embeddedPrivateKey' ? undefined : envKeyFix(sourceCode, node, typescript, envNameForSink(sink));
      if (env) suggest.push({ messageId: 'readFromEnvironment', data: { envVar: env.envVar, format: env.format }, fix: toFix(env.edits) });
      reportOnce({ node, messageId, data, suggest: suggest.length > 0 ? suggest : null });
    };

    /** Constant secrets reaching a modelled sink: the precise, proven case. */
    function checkSinks(calls: readonly ApiCall[]): void {
      for (const call of calls) {
        // `importKey('spki', …)`: a public key by its format, whatever its bytes look like.
        if (importsPublicKey(ctx, call)) continue;
        for (const arg of call.args) {
          if (!SECRET_ROLES.has(arg.role)) continue;
          // `pbkdf2Sync(password, salt, …).toString('hex')`: a password being hashed, not a key's passphrase.
          if (arg.role === 'passphrase' && isPasswordHash(call)) continue;
          const constants = secretConstants(ctx, arg.node);
          if (constants.length === 0 && arg.role !== 'credential') checkKeyPieces(call, arg);
          for (const constant of constants) {
            const text = constantText(constant) ?? '';
            // Cloud credentials such as 'test'/'test' only ever work against a local emulator: not a leaked secret.
            if (arg.role === 'credential' && (isPlaceholder(text) || hasPlaceholderSegment(text))) continue;
            // The dummy key a local OpenAI-compatible server (Ollama, vLLM) or emulator is given beside its loopback endpoint.
            if (arg.role === 'credential' && besideLoopbackEndpoint(arg.node) && !judgeKeyMaterial(text).looksLikeKey) continue;
            // `let key = 'uninitialised'` replaced before use: a sentinel, not a key.
            if (constant.fallback && isUnsetSentinel(text)) continue;
            // Hardhat/Anvil's funded development accounts: published keys of a local chain.
            if (isPublishedDevKey(text)) continue;
            // `createHmac('sha256', 'WebAppData').update(botToken)` keying another MAC: a label, the token is the secret.
            if (isDerivationLabel(sourceCode, constant.origin, text)) continue;
            const inFile = !constant.external && isInFile(sourceCode, constant.origin);
            // `${CLIENT_SECRET}&`: the key is the constant written in the binding, reported there once.
            const written = inFile ? soleWrittenKeyPart(ctx, constant.origin, looksLikeWrittenKey) : undefined;
            const at = written && isInFile(sourceCode, written.origin) ? written.origin : inFile ? constant.origin : arg.node;
            const data = {
              role: ROLE_WORDS[arg.role] ?? 'key',
              preview: constantPreview(constant),
              ...describeArgUse(call, arg),
              source: fallbackSource(constant, arg.node),
            };
            report(at, constant.fallback ? 'hardcodedFallback' : 'hardcodedKey', data, inFile && !constant.fallback ? calls : undefined, call);
          }
        }
      }
    }

    /**
     * A key assembled at run time from a piece written here and a piece read elsewhere (a split key: one half in the
     * code, the other in the environment): the written piece is key material in the source, reported where it is written.
     */
    function checkKeyPieces(call: ApiCall, arg: ApiCall['args'][number]): void {
      const pieces = hardcodedKeyPieces(ctx, arg.node, (constant) => {
        const text = constantText(constant);
        return text !== undefined && !isPlaceholder(text) && judgeConstant(constant, text).looksLikeKey;
      });
      for (const constant of pieces) {
        if (constant.external || !isInFile(sourceCode, constant.origin)) continue;
        const data = { role: `${ROLE_WORDS[arg.role] ?? 'key'} piece`, preview: constantPreview(constant), ...describeArgUse(call, arg), source: '' };
        report(constant.origin, 'hardcodedKey', data, undefined, call);
      }
    }

    return {
      'Program:exit'() {
        checkSinks(getApiCalls(sourceCode));
        // Keys given to schema encryption plugins (`schema.plugin(encrypt, { encryptionKey: '…' })`).
        for (const option of pluginKeyOptions(sourceCode)) {
          for (const constant of secretConstants(ctx, option.value)) {
            const text = constantText(constant) ?? '';
            if (constant.external || !isInFile(sourceCode, constant.origin) || isPlaceholder(text) || (constant.fallback && isUnsetSentinel(text))) continue;
            const role = option.option === 'secret' ? 'secret' : 'key';
            const data = { role, preview: constantPreview(constant), sink: `${option.module} \`${option.option}\``, line: option.registration.loc.start.line, source: fallbackSource(constant, option.value) };
            report(constant.origin, constant.fallback ? 'hardcodedFallback' : 'hardcodedKey', data);
          }
        }
        // Keys written into SQL text the database encrypts with (pgcrypto, MySQL AES_ENCRYPT, SQLCipher's PRAGMA key).
        for (const found of sqlKeys(ctx)) {
          if (isPublishedDevKey(found.key)) continue;
          // No suggestion: the literal is SQL text (or a constant holding an SQL expression), not the key alone to move to the environment.
          if (!reportOnce.has(found.node)) reportOnce({ node: found.node, messageId: 'hardcodedKey', data: { role: 'key', preview: redact(found.key), sink: `\`${found.sink}\` in SQL`, line: found.use.loc.start.line }, suggest: null });
        }
        // A value registered in a DI container is named by its token (`register(RECEIPT_SIGNING_KEY, { useValue: … })`).
        if (options.checkKeyNamedConstants !== false) {
          for (const { name, value } of namedRegistrations(sourceCode)) named.push({ name, init: value as TSESTree.Expression });
        }
        for (const { name, init, envName } of named) checkNamedValue(name, init, envName);
        for (const { node, text } of selfDescribing) {
          const key = findSelfDescribingKey(text);
          if (key) report(node, 'embeddedPrivateKey', { label: key.label });
        }
      },
      // Private keys in a format that names itself (PEM, PGP, age, BIP32…) anywhere: strings and templates.
      Literal(node) {
        if (typeof node.value === 'string') checkEmbedded(node, node.value);
      },
      TemplateLiteral(node) {
        checkEmbedded(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(''));
      },
      // A PEM block split over concatenated lines: check the whole chain once, at its top.
      BinaryExpression(node) {
        if (node.operator !== '+' || (node.parent?.type === 'BinaryExpression' && node.parent.operator === '+')) return;
        const chain = sourceCode.getText(node);
        if (!mayHoldPrivateKeyBlock(chain) && !mayHoldSelfDescribingKey(chain)) return;
        for (const constant of resolveValues(ctx, node).values) {
          if (constant.kind === 'string') checkEmbedded(node, constant.value as string);
        }
      },
      // `process.env.SESSION_SECRET ?? '…'` wherever it is written (inside `new TextEncoder().encode(…)`, an argument…).
      LogicalExpression(node) {
        if (options.checkKeyNamedConstants === false || node.operator === '&&') return;
        const envName = envVarName(node.left);
        if (envName !== undefined && isSecretKeyName(envName)) named.push({ name: envName, init: node });
      },
      // `exports.SIGNING_KEY = …`, `this.hmacKey = …`, `config.secret = …`
      AssignmentExpression(node) {
        if (options.checkKeyNamedConstants === false || node.left.type !== 'MemberExpression') return;
        // `process.env.JWT_SECRET ||= '…'` / `??=`: the value whenever the variable is unset, like `?? '…'`.
        const envName = node.operator === '||=' || node.operator === '??=' ? envVarName(node.left) : undefined;
        if (envName !== undefined) {
          if (isSecretKeyName(envName)) named.push({ name: envName, init: node.right, envName });
          return;
        }
        if (node.operator !== '=' && node.operator !== '||=' && node.operator !== '??=') return;
        const name = memberName(node.left);
        if (name) named.push({ name, init: node.right });
      },
      VariableDeclarator(node) {
        if (options.checkKeyNamedConstants === false || node.id.type !== 'Identifier' || !node.init) return;
        // `const SECRET_HEAD = '…'` only ever joined into `${SECRET_HEAD}${SECRET_TAIL}`: one key, reported where it is assembled.
        if (isOnlyAKeyPiece(sourceCode, node.id)) return;
        named.push({ name: node.id.name, init: node.init });
      },
      Property(node) {
        if (options.checkKeyNamedConstants === false || node.kind !== 'init' || node.computed) return;
        const name = qualifiedPropertyName(node);
        if (!name || isEntryNameProperty(node)) return;
        if (node.value.type !== 'AssignmentPattern') named.push({ name, init: node.value as TSESTree.Expression });
        else {
          // `const { SESSION_SECRET = '…' } = process.env`: a fallback for that variable.
          const envName = destructuredEnvVar(node.value);
          if (envName) named.push({ name, init: node.value.right, envName });
        }
      },
      // A command-line option's default (`.option('--key <hex>', '…', '8f3a…')`): the key whenever the flag is omitted.
      CallExpression(node) {
        checkJoinedLines(node);
        if (options.checkKeyNamedConstants === false) return;
        const option = cliOptionDefault(node);
        if (option) for (const fallback of option.defaults) named.push({ name: option.name, init: fallback as TSESTree.Expression });
        for (const { name, value } of keyNamedArguments(sourceCode, node)) named.push({ name, init: value });
      },
      NewExpression(node) {
        if (options.checkKeyNamedConstants === false) return;
        for (const { name, value } of keyNamedArguments(sourceCode, node)) named.push({ name, init: value });
      },
      PropertyDefinition(node) {
        if (options.checkKeyNamedConstants === false || node.computed || !node.value) return;
        const name = propertyName(node.key);
        if (name) named.push({ name, init: node.value });
      },
    };

    /**
     * A PEM block written as an array of its lines joined at run time (`['-----BEGIN …', '…'].join('\n')`), like a
     * `+` chain: the joined text is checked once, and reported where the array starts. Only lines written there as
     * literals: an array that interpolates a key written elsewhere (a config file rendered from `${HUB.privateKey}`)
     * is reported where that key is written, and a line holding a whole key is reported as that line.
     */
    function checkJoinedLines(node: TSESTree.CallExpression): void {
      const callee = node.callee;
      if (callee.type !== 'MemberExpression' || callee.object.type !== 'ArrayExpression' || memberName(callee) !== 'join') return;
      const separator = node.arguments[0];
      const lines = callee.object.elements;
      if (!lines.every(isStringLiteral) || (separator !== undefined && !isStringLiteral(separator))) return;
      // A line that holds a whole key by itself (`'PresharedKey = …'`) is reported as that literal.
      if (lines.some((line) => findSelfDescribingKey(line.value) || (mayHoldPrivateKeyBlock(line.value) && findPrivateKeyPem(line.value)))) return;
      const text = lines.map((line) => line.value).join(separator === undefined ? ',' : separator.value);
      if (mayHoldPrivateKeyBlock(text) || mayHoldSelfDescribingKey(text)) checkEmbedded(callee.object, text);
    }

    function checkEmbedded(node: TSESTree.Node, text: string): void {
      if (mayHoldPrivateKeyBlock(text)) {
        const pem = findPrivateKeyPem(text);
        if (pem) report(node, 'embeddedPrivateKey', { label: pem.description });
      }
      // Checked once the sinks are: where one of these reaches a sink (`addIdentity('AGE-SECRET-KEY-1…')`),
      // the finding says where it is used.
      if (mayHoldSelfDescribingKey(text)) selfDescribing.push({ node, text });
    }

    /**
     * A key-named binding whose value is key material, or a hardcoded fallback
     * for a key-named environment variable, even when the sink is elsewhere.
     */
    function checkNamedValue(name: string, init: TSESTree.Expression, destructuredEnv?: string): void {
      const expr = unwrapExpression(init);
      const envName = destructuredEnv ?? fallbackEnvName(expr);
      // A field-level key (`ssnFieldKey`) is named weakly: judged below by its value like any key-named constant.
      const keyNamed = isSecretKeyName(name) || namesFieldLevelKey(name) || (envName !== undefined && isSecretKeyName(envName));
      if (!keyNamed) {
        // `const DEMO_ROOM_KEY = decodeBase64('…')`: a key of no stated kind, decoded from written text to a key's length.
        if (namesUnqualifiedKey(name)) checkDecodedKeyBytes(name, expr, namesKeyForUse(name));
        return;
      }
      // A configuration schema's default for a secret setting (`JWT_SECRET: z.string().default('…')`).
      const defaults = schemaDefaults(expr);
      if (defaults.length > 0) {
        for (const fallback of defaults) checkFallback(name, fallback, 'the configured value');
        return;
      }
      // A key-named list (`app.keys = ['…', '…']`, a keyring) holds one key per element,
      // a key-named `Map` (`new Map().set('2024-H1', '…')`) one per entry.
      const mapEntries = mapInitializerEntries(expr) ?? keyTableEntries(name, expr);
      const values = mapEntries ? mapEntries.flatMap((entry) => resolveValues(ctx, entry.value).values) : resolveValues(ctx, expr).values;
      for (const constant of values.flatMap(arrayElements)) {
        // A constant written in another file (`parse(environment.key)`) is reported where this file uses it as a key, not on its decoding.
        if (constant.external || !isInFile(sourceCode, constant.origin) || constant.viaCallSite) continue;
        const text = constantText(constant);
        if (text === undefined) continue;
        if ((constant.fallback || destructuredEnv !== undefined) && envName !== undefined) {
          if (isFallbackSecret(constant, text) && !isReferenceDefault(envName, constant, text)) {
            report(constant.origin, 'hardcodedFallback', { role: 'key', preview: redact(text), sink: `\`${name}\``, line: init.loc.start.line, source: `process.env.${envName}` });
          }
          continue;
        }
        // An `authToken` written as a JWT is a user's bearer token (a test's fixture), not a CPaaS account's shared secret.
        if (namesAuthToken(name) && COMPACT_JWS.test(text)) continue;
        const verdict = judgeConstant(constant, text);
        if (verdict.looksLikeKey) report(constant.origin, 'keyLikeConstant', { name, reason: verdict.reason, preview: redact(text) });
      }
    }

    /**
     * A binding named only `…Key` whose value is bytes decoded from hex or base64 text, 16, 24, 32 or 64 of them: a lookup
     * key (cache, storage, React) is text, never decoded into a key's length of bytes. `namedForUse` (a word before `key`,
     * `networkKey`): text or a byte list written at a key's length counts without the decoding call too.
     */
    function checkDecodedKeyBytes(name: string, expr: TSESTree.Node, namedForUse: boolean): void {
      for (const written of resolveValues(ctx, expr).values) {
        if (written.external || !isInFile(sourceCode, written.origin) || written.viaCallSite || written.fallback || written.derived) continue;
        const asWritten = namedForUse ? keyLengthBytesWritten(written) : undefined;
        const constant = asWritten ?? written;
        if (!asWritten && !isDecodedKeyBytes(constant)) continue;
        const text = constantText(constant);
        if (text === undefined) continue;
        const verdict = judgeConstant(constant, text);
        if (verdict.looksLikeKey) report(constant.origin, 'keyLikeConstant', { name, reason: verdict.reason, preview: redact(text) });
      }
    }

    /**
     * The default of a secret setting: used whenever the setting is missing, so the same finding as a fallback.
     * A setting called just `key` is as often a cookie's or a cache's name (koa-session's
     * `key: z.string().default('koa.sess')`): its default must look like key material itself.
     */
    function checkFallback(name: string, fallback: TSESTree.Node, source: string): void {
      const explicit = isExplicitSecretName(name);
      for (const constant of resolveValues(ctx, fallback).values.flatMap(arrayElements)) {
        if (constant.external || !isInFile(sourceCode, constant.origin) || constant.viaCallSite) continue;
        const text = constantText(constant);
        if (text === undefined || !isFallbackSecret(constant, text)) continue;
        if (!explicit && !judgeKeyMaterial(text).looksLikeKey) continue;
        if (reportOnce.has(constant.origin)) continue;
        // Not the environment-variable fix: the schema already reads the setting; the default is what must go.
        const edits = removeSchemaDefault(constant.origin);
        const suggest = edits ? [{ messageId: 'removeSchemaDefault' as const, data: { name }, fix: toFix(edits) }] : null;
        const data = { role: 'key', preview: redact(text), sink: `\`${name}\``, line: fallback.loc.start.line, source };
        reportOnce({ node: constant.origin, messageId: 'hardcodedFallback', data, suggest });
      }
    }
  },
});

/** A constant that is key material by itself (text of a key's shape, not a placeholder). */
function looksLikeWrittenKey(constant: Constant): boolean {
  const text = constantText(constant);
  return text !== undefined && !isPlaceholder(text) && judgeConstant(constant, text).looksLikeKey;
}

/** Bytes decoded from hex or base64 text to one of a key's lengths. */
function isDecodedKeyBytes(constant: Constant): boolean {
  return constant.kind === 'bytes' && DECODED_ENCODINGS.has(constant.encoding ?? '') && KEY_BYTE_LENGTHS.has((constant.value as Uint8Array).length);
}

/**
 * A key-named table written as an object literal (`const CONTENT_KEYS = { [kid]: '…' }`, a keyring by version): one
 * key per property, like a key-named `Map`. The name must say several keys (`…_KEYS`, `keyring`): a key-named
 * object with one key's settings (`signingKey = { id, alg }`) names its properties itself.
 */
function keyTableEntries(name: string, expr: TSESTree.Node): { key: TSESTree.Node | undefined; value: TSESTree.Node }[] | undefined {
  const object = unwrapExpression(expr);
  if (object.type !== 'ObjectExpression' || !namesSeveralKeys(name)) return undefined;
  const entries: { key: TSESTree.Node | undefined; value: TSESTree.Node }[] = [];
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.kind !== 'init' || property.method) return undefined;
    entries.push({ key: property.key, value: property.value });
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * A property's name, or for a bare `password` the name it has in its object's owner: `cookie: { password }`
 * is the cookie's password (`cookiePassword`), the key that seals it, not a user's password.
 */
function qualifiedPropertyName(node: TSESTree.Property): string | undefined {
  const name = lastPathSegment(propertyName(node.key));
  if (name === 'accounts' && isNetworkEntry(node)) return 'networkAccountKeys';
  // A JWK's secret members (`{ kty: 'oct', kid, k: '…' }`, `d` of an EC/RSA/OKP key) are the key itself, wherever the JWK goes.
  if ((name === 'k' || name === 'd') && node.parent?.type === 'ObjectExpression' && node.parent.properties.some((p) => p.type === 'Property' && !p.computed && propertyName(p.key) === 'kty')) {
    return name === 'k' ? 'jwkSecretKey' : 'jwkPrivateKey';
  }
  if (name === 'key') {
    // `SAMPLE_PUBLIC_KEY_RESPONSE = { key_id, key: '…' }`, `repoPublicKey: { key }`: the bare `key` of an object named
    // for a public key is that public key.
    const ownerName = objectOwnerName(node);
    return ownerName && namesPublicKey(ownerName) ? ownerName : name;
  }
  if (name !== 'password') return name;
  const ownerName = objectOwnerName(node);
  return ownerName ? `${ownerName}Password` : name;
}

/** The name of the property or variable an object literal is the value of (`cookie` for `cookie: { password }`). */
function objectOwnerName(node: TSESTree.Property): string | undefined {
  const owner = node.parent?.parent;
  return owner?.type === 'Property' && !owner.computed ? propertyName(owner.key) : owner?.type === 'VariableDeclarator' && owner.id.type === 'Identifier' ? owner.id.name : undefined;
}

/** `repoPublicKey`, `SAMPLE_PUBLIC_KEY_RESPONSE`: a name with the words `public key` in it. */
function namesPublicKey(name: string): boolean {
  const parts = words(name);
  return parts.some((w, i) => w === 'public' && parts[i + 1] === 'key');
}

/**
 * `accounts` of an entry of `networks` (Hardhat's `networks: { sepolia: { url, accounts: ['0x…'] } }`): the private
 * keys, or the `{ mnemonic }`, the tool signs that network's transactions with.
 */
function isNetworkEntry(node: TSESTree.Property): boolean {
  const network = node.parent?.parent;
  const networks = network?.type === 'Property' ? network.parent?.parent : undefined;
  if (networks?.type === 'VariableDeclarator') return networks.id.type === 'Identifier' && networks.id.name === 'networks'; // `const networks = { … }`
  return networks?.type === 'Property' && !networks.computed && propertyName(networks.key) === 'networks';
}

/**
 * A dotted property name is a path, and names what its last segment names: a bundler's `define` entry
 * `'process.env.BEACON_HMAC_KEY'` (webpack `DefinePlugin`, Vite, esbuild) replaces that variable with its value.
 */
function lastPathSegment(name: string | undefined): string | undefined {
  if (!name || !name.includes('.')) return name;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last || name;
}

/** The environment variable for a key written inline at its sink, named after what the sink does. */
function envNameForSink(sink: ApiCall | undefined): string {
  // The variable the library itself documents (`AZURE_CLIENT_SECRET` for an Entra client secret).
  if (typeof sink?.api.facts?.envVar === 'string') return sink.api.facts.envVar;
  switch (sink?.api.operation) {
    case 'jwt-sign':
    case 'jwt-verify':
      return 'JWT_SECRET';
    case 'mac':
    case 'mac-verify':
      return 'HMAC_KEY';
    case 'encrypt':
    case 'decrypt':
      return 'ENCRYPTION_KEY';
    case 'sign':
      return 'SIGNING_KEY';
    default:
      return 'SECRET_KEY';
  }
}

/** Names what the fallback stands in for: the env var beside the literal, or the argument. */
function fallbackSource(constant: Constant, argument: TSESTree.Node): string {
  const parent = constant.origin.parent;
  const env =
    (parent?.type === 'LogicalExpression' && parent.right === constant.origin ? envVarName(parent.left) : undefined) ??
    fallbackEnvName(unwrapExpression(argument));
  if (env) return `process.env.${env}`;
  if (parent?.type === 'AssignmentPattern') {
    const destructured = destructuredEnvVar(parent);
    return destructured ? `process.env.${destructured}` : 'the argument';
  }
  return 'the configured value';
}

function isStringLiteral(node: TSESTree.Node | null): node is TSESTree.StringLiteral {
  return node?.type === 'Literal' && typeof node.value === 'string';
}

/**
 * `githubKey: process.env.GITHUB_KEY_SECRET_ID ?? 'team/ci/github-key'`: the environment variable names where the
 * key is kept (a secret manager id, a path, an ARN), so the value written after it is the default of that reference,
 * whatever the binding is called. Key-shaped text is still key material, whichever variable it stands in for.
 */
function isReferenceDefault(envName: string, constant: Parameters<typeof judgeConstant>[0], text: string): boolean {
  return namesNonSecretValue(envName) && !judgeConstant(constant, text).looksLikeKey;
}
