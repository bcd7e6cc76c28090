import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getApiCalls } from '../src/analysis/api-calls';
import { CodePathRecorder, enclosingFunction } from '../src/analysis/code-paths';
import { absentKeyBranches, escapesOf, heldByLocalContainer, keyUsingCalls, stringConversions, wipeCalls } from '../src/analysis/key-lifetime';
import { findKeyBytes, keyReferences, type KeyBytes } from '../src/analysis/key-material';
import { wipeAfterUseFix, wipeExpression } from '../src/fix/wipe-after-use';
import { memberName, unwrapExpression } from '../src/analysis/scope';
import { keyFieldsForgottenAtTeardown, type ForgottenKeyField } from '../src/analysis/teardown-wipes';
import { createRule } from '../src/util/create-rule';

/** Which implicit exceptions a wipe must survive: the key's uses and awaits (default), every call, or none (only ESLint's explicit paths). */
export type ExceptionModel = 'key-uses' | 'all-calls' | 'explicit-only';
export type Options = [{ checkStringConversion?: boolean; exceptions?: ExceptionModel; assumeCallsMayThrow?: boolean }];
export type MessageIds = 'notWiped' | 'wipedOnHappyPathOnly' | 'droppedBeforeHandOver' | 'notWipedAtTeardown' | 'keyToString' | 'wrapInTryFinally' | 'wipeAtTeardown';

const SOURCE_TEXT: Record<KeyBytes['source'], string> = {
  random: 'random key bytes',
  kdf: 'a derived key',
  'kms-plaintext': 'a plaintext KMS data key',
  unwrapped: 'an unwrapped key',
  'buffer-from': 'a copy of a secret',
  keypair: 'a secret key of a key pair',
  'shared-key': 'a shared key',
  keygen: 'a generated key',
  export: 'exported secret key bytes',
  file: 'key bytes read from a file',
};

export default createRule<Options, MessageIds>({
  name: 'require-key-zeroization',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require plaintext key bytes to be wiped on every path out of the function',
      recommended: 'recommended',
      strictOptions: [{ checkStringConversion: true }],
      cwe: [226, 244, 316],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkStringConversion: {
            type: 'boolean',
            description: 'Also report key bytes turned into strings (`key.toString("hex")`, template literals), which can never be wiped.',
          },
          exceptions: {
            type: 'string',
            enum: ['key-uses', 'all-calls', 'explicit-only'],
            description:
              'Which exceptions a wipe must survive besides returns, `throw`s, branches and loops. `key-uses` (default): any call that uses the key (or an object made from it, like a cipher) and any `await` after the first use may throw, so a wipe after them must sit in a `finally` block. `all-calls`: every call after the first use may throw. `explicit-only`: only explicit `throw`s and `try` blocks count (a straight-line wipe at the end passes).',
          },
          assumeCallsMayThrow: {
            type: 'boolean',
            description: 'Deprecated shorthand: `true` means `exceptions: "all-calls"`.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      notWiped: '`{{name}}` holds {{what}} and is never wiped. Overwrite it (`{{wipe}}`) in a `finally` block once it is no longer needed, or keep the key in a KeyObject/CryptoKey.',
      wipedOnHappyPathOnly:
        '`{{name}}` holds {{what}} but is wiped only on some paths: {{how}} skips the wipe. Wipe it in a `finally` block so every way out of the function, exceptions included, overwrites it.',
      droppedBeforeHandOver:
        '`{{name}}` holds {{what}} and is handed over at line {{line}}, but an early return or throw before that leaves the function with the key neither handed over nor wiped. Wipe it on that path too (a `try { … } catch { key.fill(0); throw … }` around the work before the hand-over).',
      notWipedAtTeardown:
        '`{{name}}` holds {{what}} on the object, and `{{teardown}}()` wipes the other keys of the class but not this one: it outlives the object. Wipe it there too (`{{wipe}}`).',
      keyToString: 'Key bytes of `{{name}}` are turned into a string, which stays in memory until garbage-collected and can never be wiped; keep them in a Buffer/Uint8Array.',
      wrapInTryFinally: 'Wrap the uses of `{{name}}` in `try { … } finally { {{wipe}}; }`.',
      wipeAtTeardown: 'Add `{{wipe}};` to `{{teardown}}()`.',
    },
  },
  defaultOptions: [{ checkStringConversion: false, exceptions: 'key-uses' }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // A wipe may need a type assertion, which only TypeScript files may contain.
    const typescript = /\.[cm]?tsx?$/i.test(context.filename);
    // ESLint has parsed and scoped the file before rules are created: when no
    // function holds key bytes, skip recording the code-path graph (a listener
    // on every call, every segment) for this file altogether.
    const ctx = { sourceCode, parserServices: sourceCode.parserServices };
    // module-level keys live as long as the process
    // A file with no modelled call can still decode a secret into bytes (`Buffer.from(process.env.X, 'base64')` handed
    // to an unmodelled signer): a text test keeps the shortcut for files that do neither.
    const mayHoldKeys = getApiCalls(sourceCode).length > 0 || /\bBuffer\s*\.\s*from\b|\bTextEncoder\b/.test(sourceCode.text);
    const keyBytes = mayHoldKeys ? findKeyBytes(ctx).filter((bytes) => bytes.scope.type !== 'Program') : [];
    if (keyBytes.length === 0) return { 'Program:exit': () => keyFieldsForgottenAtTeardown(sourceCode).forEach(reportForgottenField) };
    const recorder = new CodePathRecorder(sourceCode);
    const reported = new Set<TSESTree.Node>();
    const exceptions: ExceptionModel = options.assumeCallsMayThrow ? 'all-calls' : (options.exceptions ?? 'key-uses');
    return {
      ...recorder.listeners,
      'Program:exit'() {
        for (const bytes of keyBytes) {
          if (reported.has(bytes.id)) continue; // one finding per binding (kx session keys have two halves)
          if (options.checkStringConversion) {
            for (const node of stringConversions(sourceCode, bytes)) context.report({ node, messageId: 'keyToString', data: { name: bytes.id.name } });
          }
          const escapes = escapesOf(sourceCode, bytes);
          if (escapes.length === 0) check(bytes);
          else checkEscapes(bytes, escapes);
        }
        keyFieldsForgottenAtTeardown(sourceCode).forEach(reportForgottenField);
      },
    };

    /** A key field of a class whose teardown wipes its other key fields (decision 83). */
    function reportForgottenField(field: ForgottenKeyField): void {
      const teardown = sourceCode.getText(field.teardown.key);
      const wipe = `this.${field.name}.fill(0)`;
      const indent = ' '.repeat(field.lastWipe.loc.start.column);
      const data = { name: field.name, what: SOURCE_TEXT[field.source], teardown: field.teardown.computed ? `[${teardown}]` : teardown, wipe };
      context.report({
        node: field.node,
        messageId: 'notWipedAtTeardown',
        data,
        suggest: [{ messageId: 'wipeAtTeardown', data, fix: (fixer) => fixer.insertTextAfter(field.lastWipe, `\n${indent}${wipe};`) }],
      });
    }

    function check(bytes: KeyBytes): void {
      const wipes = wipeCalls(sourceCode, bytes);
      const data = { name: bytes.id.name, what: SOURCE_TEXT[bytes.source], wipe: wipeExpression(bytes, typescript) };
      const absent = absentKeyBranches(sourceCode, bytes);
      // A key kept in a local collection is still reachable when the loop makes the next one, and is used
      // through the collection after the statements that store it: wiping after those would break the code.
      const collected = heldByLocalContainer(sourceCode, bytes);
      let messageId: MessageIds = 'notWiped';
      let how = '';
      if (wipes.size > 0) {
        const start = recorder.pointOf(bytes.definition);
        if (!start) return;
        const stops = new Set([...wipes, ...absent]);
        const escaping = recorder.pathAvoiding(start, stops, bytes.scope as never, {
          restart: collected ? undefined : bytes.definition,
          // Awaits count from the moment the key exists (decision 18): a `try/finally` opened only after an
          // `await` leaves the key unwiped when that await rejects. Other calls count from the key's first use.
          throwsFrom: exceptions === 'key-uses' ? keyExistsFrom(bytes) : firstUse(bytes, wipes),
          implicitThrows: exceptions !== 'explicit-only',
          mayThrow: exceptions === 'key-uses' ? throwsWithKey(bytes, wipes) : undefined,
        });
        if (!escaping) return;
        messageId = 'wipedOnHappyPathOnly';
        how = describe(escaping.kind, escaping.node);
      }
      const fix = collected ? undefined : wipeAfterUseFix(sourceCode, bytes, wipes, absent, typescript);
      reported.add(bytes.id);
      context.report({
        node: bytes.id,
        messageId,
        data: { ...data, how },
        suggest: fix ? [{ messageId: 'wrapInTryFinally', data, fix }] : [],
      });
    }

    /**
     * Bytes that leave the function (handed to a worker, stored on `this` or in a cache) on one path
     * may still be dropped on another: an explicit `return`/`throw` before the hand-over that neither
     * hands them over nor wipes them. Only hand-overs that are calls or assignments of this function
     * are followed (a `return` of the key, a closure or a nested callback is taken as the whole story),
     * and only explicit exits: an exception a call may throw is not this check's business.
     */
    function checkEscapes(bytes: KeyBytes, escapes: readonly TSESTree.Node[]): void {
      if (!escapes.every((e) => (e.type === 'CallExpression' || e.type === 'NewExpression' || e.type === 'AssignmentExpression') && enclosingFunction(e) === bytes.scope && recorder.pointOf(e))) return;
      const start = recorder.pointOf(bytes.definition);
      if (!start) return;
      const stops = new Set([...escapes, ...wipeCalls(sourceCode, bytes), ...absentKeyBranches(sourceCode, bytes)]);
      const escaping = recorder.pathAvoiding(start, stops, bytes.scope as never, { restart: bytes.definition, implicitThrows: false });
      if (escaping?.kind !== 'exit') return;
      reported.add(bytes.id);
      context.report({ node: bytes.id, messageId: 'droppedBeforeHandOver', data: { name: bytes.id.name, what: SOURCE_TEXT[bytes.source], line: String(escapes[0].loc.start.line) } });
    }

    /**
     * Key uses and awaits/yields: where an exception can skip a happy-path wipe. Awaiting the promise whose `finally`
     * wipes (`await use(key).finally(() => key.fill(0))`) waits for that wipe: it has run before the await can reject.
     */
    function throwsWithKey(bytes: KeyBytes, wipes: ReadonlySet<TSESTree.Node>): (node: TSESTree.Node) => boolean {
      const { uses, handOvers } = keyUsingCalls(sourceCode, bytes);
      return (node) => {
        if (node.type === 'AwaitExpression' && wipes.has(unwrapExpression(node.argument))) return false;
        if (node.type === 'AwaitExpression') return !awaitsOnlyHandOvers(unwrapExpression(node.argument), handOvers);
        return node.type === 'YieldExpression' || uses.has(node);
      };
    }

    /**
     * `await subtle.importKey('raw', raw, …)`, and `await Promise.all([importKey(…raw…), importKey(…raw…)])` whose
     * elements are all imports or copies of the key: waiting for hand-overs is no work done with the key (decision 18).
     */
    function awaitsOnlyHandOvers(awaited: TSESTree.Node, handOvers: ReadonlySet<TSESTree.Node>): boolean {
      if (handOvers.has(awaited)) return true;
      if (awaited.type !== 'CallExpression' || awaited.callee.type !== 'MemberExpression') return false;
      const { object } = awaited.callee;
      if (object.type !== 'Identifier' || object.name !== 'Promise' || !/^(?:all|allSettled)$/.test(memberName(awaited.callee) ?? '')) return false;
      const list = awaited.arguments[0];
      return list?.type === 'ArrayExpression' && list.elements.length > 0 && list.elements.every((e) => !!e && e.type !== 'SpreadElement' && handOvers.has(unwrapExpression(e)));
    }

    /** Where the key exists: after its declaration, or from the start of the callback whose parameter it is. */
    function keyExistsFrom(bytes: KeyBytes): number {
      const def = bytes.definition;
      return def.type.includes('Function') && 'body' in def ? (def.body as TSESTree.Node).range[0] : def.range[1];
    }

    /** Where the key is first used (not counting its wipes). */
    function firstUse(bytes: KeyBytes, wipes: ReadonlySet<TSESTree.Node>): number {
      let first = Infinity;
      for (const ref of keyReferences(sourceCode, bytes).bytes) {
        if ([...wipes].some((w) => w.range[0] <= ref.range[0] && ref.range[1] <= w.range[1])) continue;
        if (ref.range[0] > bytes.definition.range[0] || bytes.definition.type.includes('Function')) first = Math.min(first, ref.range[0]);
      }
      return first === Infinity ? bytes.definition.range[1] : first;
    }

    function describe(kind: 'exit' | 'exception' | 'again', node: TSESTree.Node | undefined): string {
      if (kind === 'exception' && node) return `an exception thrown at line ${node.loc.start.line} (\`${shorten(sourceCode.getText(node))}\`)`;
      if (kind === 'again') return 'the next loop iteration';
      return 'an early return or throw';
    }
  },
});

const LONG_STRING = /(['"`])(?:\\.|(?!\1)[^\\]){12,}\1/g;

/** The quoted code on one line and at most 40 characters, its long string literals elided: they may be secrets. */
function shorten(text: string): string {
  const oneLine = text.replace(LONG_STRING, '$1…$1').replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}

export type { TSESLint };
