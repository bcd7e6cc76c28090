import type { TSESTree } from '@typescript-eslint/utils';
import {
  BROWSER_STORAGE_NAME,
  CHILD_PROCESS_MODULES,
  COMMAND_LINE_ARGUMENTS,
  HTTP_CLIENT_INSTANCE_FACTORIES,
  HTTP_CLIENT_QUERY_OPTIONS,
  URL_FIRST_GLOBALS,
  URL_QUERY_PROPERTY,
  URL_QUERY_SETTERS,
  URL_FIRST_HTTP_MODULES,
  METRIC_CLASSES,
  METRIC_INSTRUMENT_FACTORY,
  METRIC_LABEL_METHODS,
  METRIC_RECORD_METHODS,
  STORE_CLIENT_FACTORIES,
  DEVICE_STORE_FACTORIES,
  STORAGE_OPTION_WRITES,
  TELEMETRY_CLIENT_METHODS,
  CLUSTER_STORE_METHODS,
  CONNECTION_EVENTS,
  DECORATE_METHODS,
  HTTP2_SERVER_FACTORIES,
  HTTP2_STREAM_EVENT,
  HTTP2_STREAM_WRITES,
  JOB_LOG_METHODS,
  JOB_PROCESS_METHOD,
  JOB_PROCESSING_QUEUES,
  JOB_PROCESSOR_CLASSES,
  LAMBDA_CLIENT_CLASSES,
  LAMBDA_INVOKE_METHODS,
  RUNTIME_DISK_WRITES,
  JOB_STORE_METHODS,
  COOKIE_JAR_NAME,
  INSPECT_FUNCTIONS,
  RECORD_BUILD_METHODS,
  RECORD_SAVE_METHODS,
  RESPONSE_FUNCTIONS,
  DB_METHODS,
  DISK_WRITES,
  ERROR_CONSTRUCTOR,
  ERROR_THROW_METHODS,
  ERROR_THROW_RECEIVER,
  FS_MODULES,
  HANDLER_OPTION,
  HEADER_RESPONSE_NAME,
  KEY_USE_FIELDS,
  LISTENER_METHODS,
  LOG_METHODS,
  LOGGER_FACTORY_FUNCTIONS,
  LOGGER_FACTORY_MODULES,
  LOGGER_NAME,
  MAIL_METHODS,
  NAMED_LOGGER,
  JWT_SIGN_DECORATIONS,
  JWT_SIGN_METHODS,
  JWT_SIGNER_NAME,
  PAYLOAD_BUILDER_METHODS,
  PAYLOAD_BUILDERS,
  PAYLOAD_CARRIER_FACTORIES,
  PAYLOAD_CARRIERS,
  PERSISTENT_STORE_NAME,
  QUEUE_CLASSES,
  QUEUE_COMMANDS,
  QUEUE_FACTORIES,
  QUEUE_METHODS,
  QUEUE_NAME,
  STORE_CLASSES,
  STORE_COMMANDS,
  SQL_TAG_NAME,
  STORE_QUERY_METHODS,
  STORE_WRITE_METHODS,
  REQUEST_STATE_NAME,
  CONTEXT_VARIABLE_OWNER,
  OBJECT_METADATA_OPTION,
  OBJECT_UPLOAD_METHODS,
  RESOLVER_MAP_OPTION,
  PLUGIN_REGISTRATION,
  RETURNING_ROUTER_MODULES,
  RETURNING_ROUTER_PARAM,
  RETURNING_ROUTER_TYPES,
  ROUTE_METHODS,
  RESPONDING_HANDLER_REGISTRATIONS,
  RESPONSE_CALLBACK_TYPES,
  RESPONSE_CONSTRUCTOR,
  RESPONSE_HEADER_METHODS,
  RESPONSE_METHODS,
  RESPONSE_NAME,
  SESSION_NAME,
  SOCKET_CLIENTS_PROPERTY,
  SOCKET_METHODS,
  SOCKET_NAME,
  SOCKET_STATE_PROPERTY,
  STD_STREAMS,
  STORAGE_MODULE_WRITES,
  TELEMETRY_METHODS,
  TELEMETRY_NAME,
  WRITE_BUILDER_ROW_METHODS,
  WRITE_BUILDER_STARTS,
} from '../model/sinks';
import { apiCallAt, type ApiCall } from './api-calls';
import { descendants, programNodes } from './ast';
import { callsOf, getterReads, localMethodOf } from './call-sites';
import { isFunction } from './expression-names';
import { GLOBAL_OBJECT_NAMES, resolveImportPath } from './imports';
import { accessorReturn, isPromiseExecutor, localCalleeOf, localFunctionOf, parameterNameAt } from './local-functions';
import { redactedByLogger } from './logger-redaction';
import { isTextEncoding } from './text-encoders';
import { isAlwaysTruthy } from './truthiness';
import { perFileCache } from './file-cache';
import { isSqlFunctionKeyParameter } from './sql-parameters';
import { isSqlStatementKey } from './sql-crypto';
import { annotatedTypeName, classMemberKeyName, classMemberName, initializedExpression, memberName, propertyName, singleInitializer, unwrapExpression, variableOf, writesOf, type SourceCode } from './scope';

export type SinkKind = 'log' | 'disk' | 'database' | 'response' | 'export' | 'queue' | 'error' | 'telemetry' | 'environment' | 'storage' | 'session' | 'global' | 'command-line' | 'url';

export interface Sink {
  kind: SinkKind;
  /** The call/assignment/return that lets the value out. */
  node: TSESTree.Node;
  /** Reached through a local variable that received the value (a copy, an object holding it). */
  indirect?: true;
}

/**
 * A key handed back by a function that implements the producing method itself (`unwrap: (r) => inner.unwrap(r)`, a
 * provider decorator's `async generateDataKey(r) { …; return dataKey; }`, also through a callback such as
 * `timed('unwrap', () => inner.unwrap(r))`): the interface requires the key back, and its caller (keywarden's
 * envelope client) wipes it. Only for producers modelled as such an interface (`providerInterface`); whatever
 * else the decorator does with the key (a log line, a cache) is still judged.
 */
export function returnedThroughSameMethod(producer: ApiCall, sink: Sink): boolean {
  if (sink.kind !== 'export' || producer.api.facts?.providerInterface !== true) return false;
  const method = producer.api.path[producer.api.path.length - 1];
  for (let node: TSESTree.Node | undefined = sink.node; node; node = node.parent) {
    if (!node.type.includes('Function')) continue;
    const holder = node.parent;
    const name = holder?.type === 'Property' && holder.value === node ? propertyName(holder.key) : holder?.type === 'MethodDefinition' ? classMemberKeyName(holder.key) : undefined;
    if (name === method) return true;
  }
  return false;
}

/** How many local variables (or helper returns) a value may pass through on its way to a sink (`const job = { key }` → `queue.add(job)`). */
const MAX_HOPS = 3;

/**
 * What climbing from a value reaches: a sink, or, while judging whether a local helper hands its
 * argument back (`toBase64(key)`), that helper's own return.
 */
type Reach = (Sink | { kind: 'returned'; path: readonly string[] }) & {
  /**
   * Inside a helper: the value got there only as the right side of `param || value` (`logStr || str`),
   * so a call whose argument at this index is always truthy does not take it there.
   */
  unlessArgumentTruthy?: number;
};
type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * Where an expression's value ends up, climbing through what carries it
 * unchanged or re-encoded (`Buffer.from(x)`, `x.toString('base64')`, template
 * literals, `JSON.stringify`, object/array literals), and through the local
 * variables that receive such a carrier (`const copy = Buffer.from(key)`,
 * `const job = { key: … }`, `let line = \`…${key}\``): every read of such a variable
 * carries the value on. `path`: the fields of `ref` that hold the value, when `ref` is an object
 * holding it (`res` of `res.Plaintext` → ['Plaintext']).
 */
export function sinkOf(sourceCode: SourceCode, ref: TSESTree.Node, path: readonly string[] = []): Sink | undefined {
  const reach = climb(sourceCode, ref, new Set(), 0, undefined, path);
  return reach && reach.kind !== 'returned' ? reach : undefined;
}

/**
 * `carrierOf`: the local helper being judged; its return statements end the climb with `returned`.
 * `seen` holds the variables and helpers already followed (no cycles). `path`: the properties the
 * value sits under in the object being climbed (`{ plaintext: key }` → ['plaintext']), so that a
 * variable receiving the object carries the value on through `v.plaintext`, not through `v.wrapped`.
 */
function climb(sourceCode: SourceCode, ref: TSESTree.Node, seen: Set<unknown>, hops: number, carrierOf?: FunctionLike, startPath: readonly string[] = []): Reach | undefined {
  const guard: { parameter?: number } = {};
  const reach = climbSteps(sourceCode, ref, seen, hops, carrierOf, startPath, guard);
  return reach && guard.parameter !== undefined ? { ...reach, unlessArgumentTruthy: guard.parameter } : reach;
}

function climbSteps(sourceCode: SourceCode, ref: TSESTree.Node, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, startPath: readonly string[], guard: { parameter?: number }): Reach | undefined {
  let node = ref;
  let path = startPath;
  for (let i = 0; i < 12; i++) {
    const parent = node.parent;
    if (!parent) return undefined;
    // `createPrivateKey({ key: Buffer.from(pair.PrivateKeyPlaintext) })`: the key object hides the bytes until it is exported.
    if (path[path.length - 1] === KEY_OBJECT) {
      const step = keyObjectStep(parent, node);
      if (step === undefined) return undefined;
      if (step.type === 'Identifier') return viaVariable(sourceCode, step, seen, hops, carrierOf, path);
      if (step.type === 'CallExpression') path = path.slice(0, -1);
      node = step;
      continue;
    }
    const keyObject = path.length === 0 ? keyObjectMadeFrom(sourceCode, node) : undefined;
    if (keyObject) {
      path = [KEY_OBJECT];
      node = keyObject;
      continue;
    }
    // `SSECustomerKey: key.toString('base64')`: the service uses the key for this request only.
    if (parent.type === 'Property' && parent.value === node && KEY_USE_FIELDS.has(propertyName(parent.key) ?? '')) return undefined;
    if (parent.type === 'Property' && parent.value === node) {
      const name = parent.computed ? undefined : propertyName(parent.key);
      path = name === undefined ? path : [...path, name];
      node = parent;
      continue;
    }
    // `record.save()` of a record that holds the value (`Object.assign(record, dataKey)`, `record.set(dataKey)`).
    if (parent.type === 'MemberExpression' && parent.object === node && RECORD_SAVE_METHODS.has(memberName(parent) ?? '') && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent && parent.parent.arguments.length === 0) {
      return { kind: 'database', node: parent.parent };
    }
    // `unwrap(id).finally(() => …)`, `unwrap(id).catch(…)`: the promise the call returns settles with the same value.
    if (parent.type === 'MemberExpression' && parent.object === node && PROMISE_PASS_THROUGH.has(memberName(parent) ?? '') && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      node = parent.parent;
      continue;
    }
    // `unwrap(ref).then((key) => { cache(key); return key; })`: the fulfilment callback's parameter is the value.
    const fulfilled = parent.type === 'MemberExpression' && parent.object === node ? fulfilmentParameter(parent) : undefined;
    if (fulfilled) return viaVariable(sourceCode, fulfilled, seen, hops, carrierOf, path);
    // `holder.plaintext` of an object that holds the value under `plaintext` is the value again.
    if (parent.type === 'MemberExpression' && parent.object === node && path.length > 0) {
      // An element of a local array that holds the value: `list[i]`, `list.shift()`.
      if (path[path.length - 1] === ELEMENT) {
        // `list.map((entry) => …)`: the callback's first parameter is each element in turn.
        const each = elementParameter(parent);
        if (each) return viaVariable(sourceCode, each, seen, hops, carrierOf, path.slice(0, -1));
        const element = parent.computed ? parent : ELEMENT_READS.has(memberName(parent) ?? '') && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent ? parent.parent : undefined;
        if (!element) return undefined;
        path = path.slice(0, -1);
        node = element;
        continue;
      }
      if (memberName(parent) !== path[path.length - 1]) return undefined; // a sibling field
      path = path.slice(0, -1);
      node = parent;
      continue;
    }
    // sql`INSERT … ${key}`: the tag sends the template's values to the database.
    if (parent.type === 'TaggedTemplateExpression' && parent.quasi === node) return isSqlTag(parent.tag) ? { kind: 'database', node: parent } : undefined;
    // `show ? hex(key) : '(hidden)'`, `key ?? fallback`: the expression's value may be the key.
    if (isValueBranch(parent, node)) {
      guard.parameter ??= carrierOf && maskingParameter(sourceCode, carrierOf, parent, node);
      node = parent;
      continue;
    }
    // `UNLOAD (…) TO '…' MASTER_SYMMETRIC_KEY '${key}'`, `pgp_sym_encrypt(body, '${key}')`: the database encrypts with the
    // key for this statement and keeps only the ciphertext, like a bound key parameter (below) or SSE-C's key field.
    if (parent.type === 'TemplateLiteral' && isSqlStatementKey(parent, node)) return undefined;
    if (parent.type === 'TemplateLiteral' || (parent.type === 'BinaryExpression' && parent.operator === '+')) {
      path = []; // now part of a string
      node = parent;
      continue;
    }
    // `<Editor documentKey={hex} />`: the element carries its props; a server component's (or `getServerSideProps`'s)
    // result is serialised to the browser, so the element goes wherever it is returned.
    const element = jsxElementCarrying(parent, node);
    if (element) {
      path = [];
      node = element;
      continue;
    }
    // `{ ...res, Plaintext: '[redacted]' }`: a later property of the same name replaces the field that held the value.
    if (parent.type === 'SpreadElement' && path.length > 0 && overriddenAfter(parent, path[path.length - 1])) return undefined;
    // `db.query('… pgp_sym_encrypt($3, $4) …', [id, patient, bundle, key])`: the database encrypts with the key for this
    // statement and keeps only the ciphertext, like a storage service given SSE-C's key field (decision 86).
    if (parent.type === 'ArrayExpression' && isSqlFunctionKeyParameter(sourceCode, parent, node)) return undefined;
    if (
      parent.type === 'ObjectExpression' ||
      parent.type === 'ArrayExpression' ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'AwaitExpression' ||
      parent.type === 'SpreadElement' ||
      parent.type === 'ChainExpression'
    ) {
      node = parent;
      continue;
    }
    if (parent.type === 'MemberExpression' && parent.object === node && CARRYING_METHODS.has(memberName(parent) ?? '') && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      path = [];
      node = parent.parent;
      continue;
    }
    // `new SignJWT({ dek }).setProtectedHeader(…).sign(secret)`: the token carries the claims.
    if (parent.type === 'NewExpression' && parent.arguments[0] === node && isPayloadBuilder(sourceCode, parent)) {
      path = [];
      node = builtToken(parent);
      continue;
    }
    // `new Uint8Array(key)`: a view or copy of the same bytes.
    if (parent.type === 'NewExpression' && parent.arguments[0] === node && parent.callee.type === 'Identifier' && BYTE_VIEWS.has(parent.callee.name)) {
      path = [];
      node = parent;
      continue;
    }
    if (parent.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.Expression)) {
      // `Promise.all(rows.map(async (row) => ({ …, key })))`: the combined promise settles with the same values.
      if (isPromiseCombinator(parent) && parent.arguments[0] === node) {
        node = parent;
        continue;
      }
      // `globalThis.__deks.set(id, key)`: a cache on the global object, which every module of the process reads.
      if (isGlobalCacheSet(sourceCode, parent, node)) return { kind: 'global', node: parent };
      // `keys.push(key)` into a local array: the array's reads carry it on (`return keys`, `keys.shift()`).
      const list = localArrayPushedInto(sourceCode, parent);
      if (list) return viaVariable(sourceCode, list, seen, hops, carrierOf, [...path, ELEMENT]);
      // `c.set('dek', key)` on a Hono context: the request's later handlers read it back (`c.get('dek')`, `c.var.dek`).
      const contextVariable = contextVariableSet(parent, node);
      if (contextVariable !== undefined) return viaContextVariable(sourceCode, contextVariable, seen, hops, carrierOf, path);
      // `app.decorate('serviceKey', key)`: the instance's later reads of `serviceKey` carry it on (a route returning it).
      const decoration = decorationSet(parent, node);
      if (decoration !== undefined) return viaDecoration(sourceCode, decoration, seen, hops, carrierOf, path);
      // `keys.set(id, key)` into a Map of the module: exported, every importer reads it; else its `get` reads carry it on.
      const map = moduleMapSetInto(sourceCode, parent, node);
      if (map) return isExportedBinding(sourceCode, map) ? { kind: 'export', node: parent } : viaMapReads(sourceCode, map, seen, hops, carrierOf, path);
      // `bytesToHex(shared)`, `encodeBase64(key)`, `sodium.to_hex(key)`: a library encoder gives the same bytes as text.
      if (isReencoding(parent, node) || (parent.arguments[0] === node && isTextEncoding(sourceCode, parent)) || isInspection(sourceCode, parent) || isPayloadCarrier(sourceCode, parent, node)) {
        path = [];
        node = parent;
        continue;
      }
      // `Object.assign(record, dataKey)`: the target now holds the key's fields.
      if (isObjectAssign(parent) && parent.arguments.indexOf(node as TSESTree.Expression) > 0) {
        const target = unwrapExpression(parent.arguments[0]);
        // `Object.assign(process.env, { FIELD_KEY: hex })`: the same as `process.env.FIELD_KEY = hex`.
        if (isProcessEnv(target)) return { kind: 'environment', node: parent };
        if (target.type === 'Identifier') return viaVariable(sourceCode, target, seen, hops, carrierOf, path);
        if (target.type !== 'ObjectExpression') return undefined;
        node = parent; // `Object.assign({}, a, dataKey)` returns the merged object
        continue;
      }
      // `Preferences.set({ key, value: keyB64 })`: an on-device store's write whose options hold the value (before
      // `record.set(…)` below, which a one-argument `set` would otherwise be taken for).
      if (isStorageOptionWrite(sourceCode, parent, node, path)) return { kind: 'storage', node: parent };
      // `record.set(dataKey)` (one argument: not a `Map#set`): the record now holds the key's fields.
      const record = recordSetTarget(parent, node);
      if (record) return viaVariable(sourceCode, record, seen, hops, carrierOf, path);
      // `resolve(key)` in a `new Promise((resolve) => …)` executor: the key is the promise's value.
      const promise = promiseResolvedBy(sourceCode, parent, node);
      if (promise) {
        node = promise;
        continue;
      }
      // A helper of this file: its result carries the value when it returns it (`toBase64(key)`), and
      // what it does with the value is done to the key (`logKey(key)`).
      const helper = localFunctionOf(sourceCode, parent.callee) ?? localMethodOf(sourceCode, parent.callee);
      const reached = helper && throughHelper(sourceCode, helper, parent.arguments.indexOf(node as TSESTree.Expression), seen, path);
      // The mask's index is the helper's parameter: settled here, it must not travel on to this call's own caller.
      const inside = reached && !maskedAt(sourceCode, parent, reached) ? { ...reached, unlessArgumentTruthy: undefined } : undefined;
      if (inside?.kind === 'returned') {
        path = inside.path;
        node = parent;
        continue;
      }
      if (inside) return { ...inside, indirect: true };
      // `const row = TenantKey.build({ material })`: an unsaved record holding the value; its reads carry it on (`row.save()`).
      const built = path.length > 0 ? recordBuiltInto(parent) : undefined;
      if (built) return viaVariable(sourceCode, built, seen, hops, carrierOf, path);
      return callSink(sourceCode, parent, node, path);
    }
    // `for (const byte of key)`: the loop variable carries the bytes on.
    if (parent.type === 'ForOfStatement' && parent.right === node) {
      const left = parent.left.type === 'VariableDeclaration' ? parent.left.declarations[0]?.id : parent.left;
      const element = path[path.length - 1] === ELEMENT ? path.slice(0, -1) : [];
      return left?.type === 'Identifier' ? viaVariable(sourceCode, left, seen, hops, carrierOf, element) : undefined;
    }
    // `const copy = Buffer.from(key)` / `job = { key }` / `line += hex`: the variable carries the value on.
    const receiver =
      parent.type === 'VariableDeclarator' && parent.init === node
        ? parent.id
        : parent.type === 'AssignmentExpression' && parent.right === node && (parent.operator === '=' || parent.operator === '+=')
          ? parent.left
          : undefined;
    // `exportDataKey = res.Plaintext` into an `export let`: every importer reads the binding.
    if (receiver?.type === 'Identifier' && parent.type === 'AssignmentExpression' && isModuleBinding(sourceCode, receiver) && isExportedBinding(sourceCode, receiver)) return { kind: 'export', node: parent };
    if (receiver?.type === 'Identifier') return viaVariable(sourceCode, receiver, seen, hops, carrierOf, path);
    // `const { plaintext } = holder`: the binding of the field that holds the value.
    if (receiver?.type === 'ObjectPattern' && path.length > 0) {
      const field = receiver.properties.find((p) => p.type === 'Property' && !p.computed && propertyName(p.key) === path[path.length - 1]);
      const value = field?.type === 'Property' ? (field.value.type === 'AssignmentPattern' ? field.value.left : field.value) : undefined;
      if (value?.type === 'Identifier') return viaVariable(sourceCode, value, seen, hops, carrierOf, path.slice(0, -1));
      // `const { CiphertextBlob, ...summary } = res`: the rest binding keeps every field not named before it.
      const rest = field ? undefined : receiver.properties.find((p) => p.type === 'RestElement');
      return rest?.type === 'RestElement' && rest.argument.type === 'Identifier' ? viaVariable(sourceCode, rest.argument, seen, hops, carrierOf, path) : undefined;
    }
    // `new SendMessageCommand({ MessageBody })`, `new PutObjectCommand({ Body })`: the SDK sends the input away.
    // `new HttpError(422, \`… ${hex}\`)`: the message of an error goes wherever the error does, whatever the argument's position.
    if (parent.type === 'NewExpression' && parent.callee.type === 'Identifier' && ERROR_CONSTRUCTOR.test(parent.callee.name) && parent.arguments.includes(node as TSESTree.Expression)) {
      return { kind: 'error', node: parent };
    }
    // `new DataKeyHandle(res)` of a class of this file: the field its constructor keeps the argument in carries it on.
    const kept = parent.type === 'NewExpression' ? keptInField(sourceCode, parent, node) : undefined;
    if (kept) {
      const inside = viaClassField(sourceCode, kept.body, kept.name, undefined, seen, hops, carrierOf, path);
      if (inside || !isPublicField(kept.body, kept.name)) return inside;
      // `return new DataKey(dk.Plaintext, dk.CiphertextBlob)` with `readonly plaintext` public: whoever gets the
      // instance reads the value under that field, like an object literal's property.
      path = [...path, kept.name];
      node = parent;
      continue;
    }
    if (parent.type === 'NewExpression' && parent.arguments[0] === node && parent.callee.type === 'Identifier') {
      if (isClassOf(sourceCode, parent, STORE_CLASSES)) return { kind: 'database', node: parent };
      if (QUEUE_COMMANDS.test(parent.callee.name)) return { kind: 'queue', node: parent };
      if (STORE_COMMANDS.test(parent.callee.name)) return { kind: 'database', node: parent };
      if (ERROR_CONSTRUCTOR.test(parent.callee.name)) return { kind: 'error', node: parent };
      if (RESPONSE_CONSTRUCTOR.test(parent.callee.name)) return { kind: 'response', node: parent };
      // `const entry = new VaultEntry({ key: { material } }); await entry.save()`: a document built from fields
      // that hold the value; the binding's reads carry it on (to `entry.save()`, a database write).
      const document = path.length > 0 ? constructedInto(parent) : undefined;
      return document ? viaVariable(sourceCode, document, seen, hops, carrierOf, path) : undefined;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression') {
      const target = unwrapExpression(parent.left.object);
      // `ctx.body = …`, Koa's `ctx.response.body = …`.
      const owner = receiverName(target);
      if (owner && RESPONSE_NAME.test(owner) && memberName(parent.left) === 'body') return { kind: 'response', node: parent };
      // `req.session.dataKey = …`: kept in the session store (or a cookie) for the session's life.
      if (owner && SESSION_NAME.test(owner)) return { kind: 'session', node: parent };
      // `ctx.state.segmentKey = key`: the request's later middleware read it back (`ctx.body = ctx.state.segmentKey`).
      if (owner && REQUEST_STATE_NAME.test(owner) && target.type === 'MemberExpression') return viaRequestState(sourceCode, parent.left, owner, seen, hops, carrierOf, path);
      if (isModuleExports(parent.left)) return { kind: 'export', node: parent };
      // `process.env.DATA_KEY = key.toString('base64')`: every module and child process can read it.
      if (isProcessEnv(parent.left.object)) return { kind: 'environment', node: parent };
      // `globalThis.__dataKey = key`: the global object is shared by every module of the process.
      if (isGlobalObjectMember(sourceCode, parent.left)) return { kind: 'global', node: parent };
      // `this.dataKey = key`: every read of `this.dataKey` in the class carries it on.
      if (target.type === 'ThisExpression') return viaThisField(sourceCode, parent.left, seen, hops, carrierOf, path);
      // `item[attr] = { B: key }` into a local object literal: the object's reads carry it on (`Item: item`).
      if (target.type === 'Identifier' && isLocalHolder(sourceCode, target)) {
        return viaVariable(sourceCode, target, seen, hops, carrierOf, [...path, memberName(parent.left) ?? ELEMENT]);
      }
      return undefined;
    }
    if (parent.type === 'ReturnStatement' || (parent.type === 'ArrowFunctionExpression' && parent.body === node)) {
      const fn = parent.type === 'ReturnStatement' ? enclosingFunction(parent) : parent;
      if (!fn) return undefined;
      if (fn === carrierOf) return { kind: 'returned', path };
      // `promise.then((out) => out.Plaintext)`: what the callback returns is the value of the `.then(…)` call.
      const then = thenCallOf(fn) ?? mapCallOf(fn);
      if (then) {
        node = then;
        continue;
      }
      if (isExported(sourceCode, fn)) return { kind: 'export', node: parent };
      if (answersRemoteCaller(sourceCode, fn)) return { kind: 'response', node: parent };
      return viaCallers(sourceCode, fn, seen, hops, carrierOf, path);
    }
    // `yield key` in an exported generator hands the key to the module that iterates it.
    if (parent.type === 'YieldExpression' && parent.argument === node) {
      const fn = enclosingFunction(parent);
      return fn && fn !== carrierOf && isExported(sourceCode, fn) ? { kind: 'export', node: parent } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The JSX element whose prop or child `node` is (`<Editor documentKey={hex} />`, `<p>{hex}</p>`). */
function jsxElementCarrying(parent: TSESTree.Node, node: TSESTree.Node): TSESTree.Node | undefined {
  if (parent.type === 'JSXExpressionContainer' && parent.expression === node) {
    const holder = parent.parent;
    if (holder?.type === 'JSXAttribute') return holder.parent?.parent?.type === 'JSXElement' ? holder.parent.parent : undefined;
    return holder?.type === 'JSXElement' || holder?.type === 'JSXFragment' ? holder : undefined;
  }
  return (parent.type === 'JSXElement' || parent.type === 'JSXFragment') && parent.children.includes(node as TSESTree.JSXChild) ? parent : undefined;
}

/** A property named `name` written after the spread `spread` in the same object literal. */
function overriddenAfter(spread: TSESTree.SpreadElement, name: string): boolean {
  const object = spread.parent;
  if (object?.type !== 'ObjectExpression') return false;
  const after = object.properties.slice(object.properties.indexOf(spread) + 1);
  return after.some((p) => p.type === 'Property' && !p.computed && propertyName(p.key) === name);
}

/**
 * Methods whose result carries the receiver's bytes on, re-encoded or in part:
 * `key.toString('hex')`, `[...bytes].map(…).join('')`, `hex.padStart(…)`, `key.subarray(0, 16)`.
 */
const CARRYING_METHODS: ReadonlySet<string> = new Set(['toString', 'join', 'map', 'slice', 'subarray', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'replace', 'replaceAll', 'trim', 'toBase64', 'toHex']);
const BYTE_VIEWS: ReadonlySet<string> = new Set(['Uint8Array', 'Int8Array', 'Uint8ClampedArray']);

/**
 * Path step for "the key object made from this value" (never a property name: it has a space). A `KeyObject` prints
 * and serialises as an opaque object; only its `export()` gives the key material back (DER bytes, PEM or JWK).
 */
const KEY_OBJECT = 'key object';

/**
 * The node:crypto key object made from `node` when it is the key argument of a key import (`createSecretKey(bytes)`,
 * `createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })`).
 */
function keyObjectMadeFrom(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = node.parent;
  const call = parent?.type === 'CallExpression' ? parent : parent?.type === 'Property' && parent.value === node ? parent.parent?.parent : undefined;
  if (call?.type !== 'CallExpression') return undefined;
  const api = apiCallAt(sourceCode, call);
  if (api?.library.id !== 'node:crypto' || api.api.operation !== 'key-import') return undefined;
  return api.args.some((arg) => arg.node === node && (arg.role === 'key' || arg.role === 'secret')) ? call : undefined;
}

/**
 * One step from a key object: its `export(…)` call (the key material again), a binding that receives it, or an
 * expression that only passes it through (`await`, `!`, `as`). Anything else (a signing call, a log of the object
 * itself) shows nothing of the key.
 */
function keyObjectStep(parent: TSESTree.Node, node: TSESTree.Node): TSESTree.Node | undefined {
  if (parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'export' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) return parent.parent;
  if (parent.type === 'TSNonNullExpression' || parent.type === 'TSAsExpression' || parent.type === 'AwaitExpression' || parent.type === 'ChainExpression') return parent;
  return parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' ? parent.id : undefined;
}

/** Path step for "an element of this array" (never a property name: it has a space). */
const ELEMENT = '[ ]';
const ELEMENT_READS: ReadonlySet<string> = new Set(['shift', 'pop', 'at', 'find', 'findLast']);

/** `new X(…)` where `X` is one of `classes` (module → export names, `''` for the default export). */
function isClassOf(sourceCode: SourceCode, construction: TSESTree.NewExpression, classes: Readonly<Record<string, ReadonlySet<string>>>): boolean {
  const resolved = resolveImportPath(sourceCode, unwrapExpression(construction.callee));
  return resolved?.module !== undefined && resolved.path.length <= 1 && !!classes[resolved.module]?.has(resolved.path[0] ?? '');
}

/** A binding (`const flows = new FlowProducer(…)`) initialised with a construction of one of `classes`. */
function isMadeBy(sourceCode: SourceCode, node: TSESTree.Node, classes: Readonly<Record<string, ReadonlySet<string>>>): boolean {
  const expr = unwrapExpression(node);
  const made = expr.type === 'Identifier' ? initializedExpression(sourceCode, expr) : undefined;
  return made?.type === 'NewExpression' && isClassOf(sourceCode, made, classes);
}

/**
 * Promise methods whose result settles with the receiver's value: `finally`'s callback only observes it, and `catch`'s
 * runs only on rejection, so a fulfilled receiver's value passes through (`pending = unwrap().catch((err) => { pending =
 * undefined; throw err; })`, a memoised unwrap).
 */
const PROMISE_PASS_THROUGH: ReadonlySet<string> = new Set(['finally', 'catch']);

/** Maps kept at module scope: `set(k, v)` keeps the value for later `get(k)` reads, for the process's life. */
const MODULE_MAP_CONSTRUCTORS: ReadonlySet<string> = new Set(['Map', 'WeakMap']);

/** The module-scope Map (`const keys = new Map()` at the top level) that `keys.set(id, value)` stores `value` in. */
function moduleMapSetInto(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): TSESTree.Identifier | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'set' || call.arguments[1] !== arg || callee.object.type !== 'Identifier') return undefined;
  const scope = variableOf(sourceCode, callee.object)?.scope.type;
  if (scope !== 'module' && scope !== 'global') return undefined;
  const made = initializedExpression(sourceCode, callee.object);
  return made?.type === 'NewExpression' && made.callee.type === 'Identifier' && MODULE_MAP_CONSTRUCTORS.has(made.callee.name) ? callee.object : undefined;
}

/** `export const keys = new Map()`, or a binding exported by name (`export { keys }`, `module.exports = { keys }`). */
function isExportedBinding(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const declaration = variableOf(sourceCode, id)?.defs[0]?.node.parent;
  return declaration?.parent?.type === 'ExportNamedDeclaration' || isExportedName(sourceCode, id.name);
}

/**
 * The first sink a value reaches from any of `reads` (other places the same value is read back: a field, a request
 * state entry, a context variable). `key` names what is followed, so that each is followed once.
 */
function viaReads(sourceCode: SourceCode, key: string, reads: Iterable<TSESTree.Node>, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  if (seen.has(key) || hops >= MAX_HOPS) return undefined;
  seen.add(key);
  for (const read of reads) {
    const reach = climb(sourceCode, read, seen, hops + 1, carrierOf, path);
    if (reach) return reach.kind === 'returned' ? reach : { ...reach, indirect: true };
  }
  return undefined;
}

function isAssignedTo(node: TSESTree.Node): boolean {
  return node.parent?.type === 'AssignmentExpression' && node.parent.left === node;
}

/**
 * The reads of a request-state field (`ctx.state.segmentKey`, `res.locals.dek`) anywhere in the file: each
 * middleware gets the same object under its own parameter, so the field is matched by the state object's name.
 */
function viaRequestState(sourceCode: SourceCode, target: TSESTree.MemberExpression, state: string, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const field = memberName(target);
  if (field === undefined) return undefined;
  const reads = programNodes(sourceCode.ast).filter((node) => {
    if (node.type !== 'MemberExpression' || node === target || memberName(node) !== field || isAssignedTo(node)) return false;
    const object = unwrapExpression(node.object);
    return object.type === 'MemberExpression' && memberName(object) === state;
  });
  return viaReads(sourceCode, `request-state:${state}.${field}`, reads, seen, hops, carrierOf, path);
}

/** `c.set('dek', value)` on a Hono context: the variable's name. */
function contextVariableSet(call: TSESTree.CallExpression, arg: TSESTree.Node): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'set' || call.arguments[1] !== arg) return undefined;
  const owner = receiverName(callee.object);
  const name = call.arguments[0];
  return owner && CONTEXT_VARIABLE_OWNER.test(owner) && name?.type === 'Literal' && typeof name.value === 'string' ? name.value : undefined;
}

/** The reads of a Hono context variable anywhere in the file: `c.get('dek')`, `c.var.dek`. */
function viaContextVariable(sourceCode: SourceCode, name: string, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const reads = programNodes(sourceCode.ast).filter((node) => isContextVariableRead(node, name));
  return viaReads(sourceCode, `context-variable:${name}`, reads, seen, hops, carrierOf, path);
}

function isContextVariableRead(node: TSESTree.Node, name: string): boolean {
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'get') {
    const owner = receiverName(node.callee.object);
    const arg = node.arguments[0];
    return !!owner && CONTEXT_VARIABLE_OWNER.test(owner) && arg?.type === 'Literal' && arg.value === name;
  }
  if (node.type === 'MemberExpression' && memberName(node) === name) {
    const vars = unwrapExpression(node.object);
    const owner = vars.type === 'MemberExpression' && memberName(vars) === 'var' ? receiverName(vars.object) : undefined;
    return !!owner && CONTEXT_VARIABLE_OWNER.test(owner);
  }
  return false;
}

/** `app.decorate('serviceKey', value)` (two arguments, a literal name): the decoration's name. */
function decorationSet(call: TSESTree.CallExpression, arg: TSESTree.Node): string | undefined {
  const callee = unwrapExpression(call.callee);
  const name = call.arguments[0];
  if (callee.type !== 'MemberExpression' || !DECORATE_METHODS.has(memberName(callee) ?? '') || call.arguments.length !== 2 || call.arguments[1] !== arg) return undefined;
  return name?.type === 'Literal' && typeof name.value === 'string' ? name.value : undefined;
}

/** The reads of a decoration anywhere in the file (`app.serviceKey`, `instance.serviceKey`, `this.serviceKey` in a route): one instance, many names. */
function viaDecoration(sourceCode: SourceCode, name: string, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const reads = programNodes(sourceCode.ast).filter((node) => node.type === 'MemberExpression' && !node.computed && memberName(node) === name && !isAssignedTo(node));
  return viaReads(sourceCode, `decoration:${name}`, reads, seen, hops, carrierOf, path);
}

/** A variable declared at the top level of the module. */
function isModuleBinding(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const scope = variableOf(sourceCode, id)?.scope.type;
  return scope === 'module' || scope === 'global';
}

/** The first sink a `map.get(…)` read of a module Map holding the value reaches. */
function viaMapReads(sourceCode: SourceCode, map: TSESTree.Identifier, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const variable = variableOf(sourceCode, map);
  if (!variable || seen.has(variable) || hops >= MAX_HOPS) return undefined;
  seen.add(variable);
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || memberName(member) !== 'get') continue;
    const read = member.parent;
    if (read?.type !== 'CallExpression' || read.callee !== member) continue;
    const reach = climb(sourceCode, read, seen, hops + 1, carrierOf, path);
    if (reach) return reach.kind === 'returned' ? reach : { ...reach, indirect: true };
  }
  return undefined;
}

/** Array methods that call their callback with each element as its first argument. */
const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap', 'forEach', 'filter', 'some', 'every']);

/** The element parameter of the callback of `list.map((entry) => …)` (and `forEach`, `filter`…), for `member` = `list.map`. */
function elementParameter(member: TSESTree.MemberExpression): TSESTree.Identifier | undefined {
  const call = member.parent;
  if (call?.type !== 'CallExpression' || call.callee !== member || !ELEMENT_CALLBACK_METHODS.has(memberName(member) ?? '')) return undefined;
  const callback = call.arguments[0];
  if (!callback || !isFunction(callback)) return undefined;
  const first = (callback as FunctionLike).params[0];
  return first?.type === 'Identifier' ? first : undefined;
}

/** The local array a `list.push(x)`/`list.unshift(x)` call adds to (`const list = []`). */
function localArrayPushedInto(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return undefined;
  const method = memberName(callee);
  if (method !== 'push' && method !== 'unshift') return undefined;
  const variable = variableOf(sourceCode, callee.object);
  const init = variable && singleInitializer(variable);
  return init?.type === 'ArrayExpression' ? callee.object : undefined;
}

/** The first parameter of the fulfilment callback of `promise.then(cb)`, for `member` = `promise.then`. */
function fulfilmentParameter(member: TSESTree.MemberExpression): TSESTree.Identifier | undefined {
  const call = member.parent;
  if (call?.type !== 'CallExpression' || call.callee !== member || memberName(member) !== 'then') return undefined;
  const callback = call.arguments[0];
  const first = callback && isFunction(callback) ? (callback as FunctionLike).params[0] : undefined;
  return first?.type === 'Identifier' ? first : undefined;
}

/** The `.then(…)` call a function is the fulfilment callback of. */
function thenCallOf(fn: FunctionLike): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || call.callee.type !== 'MemberExpression') return undefined;
  return memberName(call.callee) === 'then' ? call : undefined;
}

/** The `xs.map(…)`/`xs.flatMap(…)` call a function is the callback of: what it returns is in the call's result. */
function mapCallOf(fn: FunctionLike): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || call.callee.type !== 'MemberExpression') return undefined;
  const name = memberName(call.callee);
  return name === 'map' || name === 'flatMap' ? call : undefined;
}

/** `record.set(value)` with one argument on a local variable: the variable it fills (a `Map#set` takes two). */
function recordSetTarget(call: TSESTree.CallExpression, arg: TSESTree.Node): TSESTree.Identifier | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'set' || call.arguments.length !== 1 || call.arguments[0] !== arg) return undefined;
  const object = unwrapExpression(callee.object);
  return object.type === 'Identifier' ? object : undefined;
}

/** The `new Promise(…)` whose executor's `resolve` parameter is called here with the value. */
function promiseResolvedBy(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): TSESTree.NewExpression | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier' || call.arguments[0] !== arg) return undefined;
  const fn = parameterOwner(sourceCode, callee, 0);
  return fn && isPromiseExecutor(fn) ? (fn.parent as TSESTree.NewExpression) : undefined;
}

/** A variable initialised with an object or array literal and never reassigned: a holder built in place. */
function isLocalHolder(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, id);
  const init = variable && singleInitializer(variable);
  const value = init && unwrapExpression(init);
  return value?.type === 'ObjectExpression' || value?.type === 'ArrayExpression';
}

/** The binding a construction or call initialises directly (`const entry = new Model(doc)`). */
function constructedInto(construction: TSESTree.NewExpression | TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const declarator = construction.parent;
  return declarator?.type === 'VariableDeclarator' && declarator.init === construction && declarator.id.type === 'Identifier' ? declarator.id : undefined;
}

/** `const row = Model.build(doc)`: the binding of a record built (not yet saved) from a document. */
function recordBuiltInto(call: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && RECORD_BUILD_METHODS.has(memberName(callee) ?? '') ? constructedInto(call) : undefined;
}

/** `jwt.sign(payload, secret)`: the token carries the payload, readable by whoever holds it. */
function isPayloadCarrier(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  // `this.jwtService.sign(payload)`, `fastify.jwt.sign(payload)`.
  if (callee.type === 'MemberExpression' && call.arguments[0] === arg && JWT_SIGN_METHODS.has(memberName(callee) ?? '')) {
    const signer = receiverName(callee.object);
    if (signer && JWT_SIGNER_NAME.test(signer)) return true;
  }
  // `await reply.jwtSign(payload)` (@fastify/jwt's decoration of the response).
  if (callee.type === 'MemberExpression' && call.arguments[0] === arg && JWT_SIGN_DECORATIONS.has(memberName(callee) ?? '')) return true;
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved?.module !== undefined && resolved.path.length === 1) {
    const index = PAYLOAD_CARRIERS[resolved.module]?.[resolved.path[0]];
    return index !== undefined && call.arguments[index] === arg;
  }
  // `const sign = createSigner({ key }); sign({ dek })`: a signing function made by a factory.
  const factory = importedCallee(sourceCode, callee.type === 'Identifier' ? initializedExpression(sourceCode, callee) : undefined);
  const index = factory ? PAYLOAD_CARRIER_FACTORIES[factory.module]?.[factory.name] : undefined;
  return index !== undefined && call.arguments[index] === arg;
}

function isPayloadBuilder(sourceCode: SourceCode, construction: TSESTree.NewExpression): boolean {
  const resolved = resolveImportPath(sourceCode, unwrapExpression(construction.callee));
  return resolved?.module !== undefined && resolved.path.length === 1 && !!PAYLOAD_BUILDERS[resolved.module]?.has(resolved.path[0]);
}

/** The end of the builder chain a construction starts (`new SignJWT(p).setIssuer(…).sign(k)` → the `sign` call). */
function builtToken(construction: TSESTree.NewExpression): TSESTree.Node {
  let node: TSESTree.Node = construction;
  for (;;) {
    const member: TSESTree.Node | undefined = node.parent;
    const call: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== node || call?.type !== 'CallExpression' || call.callee !== member) return node;
    if (!PAYLOAD_BUILDER_METHODS.test(memberName(member) ?? '')) return node;
    node = call;
  }
}

/**
 * A function whose return value a framework sends to a remote caller: the handler of a responding
 * registration (`ipcMain.handle(ch, fn)`, Azure `app.http(name, { handler })`), given inline or by
 * name, or a resolver in a map handed to a GraphQL server as its `resolvers`.
 */
function answersRemoteCaller(sourceCode: SourceCode, fn: FunctionLike): boolean {
  return functionPositions(sourceCode, fn).some(
    (position) => isRespondingHandler(sourceCode, position) || isInResolverMap(sourceCode, position) || isReturningRouteHandler(sourceCode, position),
  );
}

/** `app.get('/k', opts?, handler)` / `app.route({ handler })` on a router that sends the handler's return value. */
function isReturningRouteHandler(sourceCode: SourceCode, position: TSESTree.Node): boolean {
  const arg = handlerArgument(position);
  const call = arg.parent;
  if (call?.type !== 'CallExpression' || call.arguments[call.arguments.length - 1] !== arg) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && ROUTE_METHODS.has(memberName(callee) ?? '') && isReturningRouter(sourceCode, callee.object);
}

/** A Fastify instance: made by the module's factory, the plugin parameter `fastify`, or declared `FastifyInstance`. */
function isReturningRouter(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, expr);
  const def = variable?.defs[0];
  if (!variable || !def) return false;
  if (def.type === 'Parameter') return RETURNING_ROUTER_PARAM.test(expr.name) || RETURNING_ROUTER_TYPES.test(annotatedTypeName(def.name)?.name ?? '') || isRegisteredPluginInstance(sourceCode, def.node, def.name);
  const init = singleInitializer(variable);
  const value = init && unwrapExpression(init);
  const made = value?.type === 'AwaitExpression' ? unwrapExpression(value.argument) : value;
  if (made?.type !== 'CallExpression') return false;
  const factory = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  return factory?.module !== undefined && RETURNING_ROUTER_MODULES.has(factory.module);
}

/** The first parameter of a plugin registered on a router: `app.register(async (instance) => instance.get(…))`. */
function isRegisteredPluginInstance(sourceCode: SourceCode, fn: TSESTree.Node, param: TSESTree.Node): boolean {
  if (!isFunction(fn) || (fn as FunctionLike).params[0] !== param) return false;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && memberName(callee) === PLUGIN_REGISTRATION && isReturningRouter(sourceCode, callee.object);
}

/** The first parameter of a `'connection'` listener (`wss.on('connection', (conn) => …)`): a client's connection. */
function isConnectionParameter(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const listened = listenedEvent(sourceCode, node);
  return listened !== undefined && CONNECTION_EVENTS.has(listened.event);
}

/**
 * The event and emitter whose listener's first parameter `node` is: `server.on('connection', (socket) => …)` gives
 * `connection` and `server` for `socket`.
 */
function listenedEvent(sourceCode: SourceCode, node: TSESTree.Node): { event: string; emitter: TSESTree.Node } | undefined {
  const listener = parameterOwner(sourceCode, node, 0);
  const call = listener?.parent;
  if (!listener || call?.type !== 'CallExpression' || call.arguments[1] !== listener) return undefined;
  const callee = unwrapExpression(call.callee);
  const event = call.arguments[0];
  if (callee.type !== 'MemberExpression' || !LISTENER_METHODS.has(memberName(callee) ?? '') || event?.type !== 'Literal') return undefined;
  return { event: String(event.value), emitter: callee.object };
}

/** The function whose parameter `node` is, when `node` is the parameter at `index` (an identifier, or undefined). */
function parameterOwner(sourceCode: SourceCode, node: TSESTree.Node, index: number): FunctionLike | undefined {
  const expr = unwrapExpression(node);
  const def = expr.type === 'Identifier' ? variableOf(sourceCode, expr)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunction(def.node)) return undefined;
  const fn = def.node as FunctionLike;
  return fn.params[index] === def.name ? fn : undefined;
}

/** The request stream of an HTTP/2 server's `'stream'` listener (`server.on('stream', (stream, headers) => …)`). */
function isHttp2Stream(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const listened = listenedEvent(sourceCode, node);
  return listened !== undefined && listened.event === HTTP2_STREAM_EVENT && isMadeByFactory(sourceCode, listened.emitter, HTTP2_SERVER_FACTORIES);
}

/**
 * The job a queue worker's processor is called with: the first parameter of a function given to bullmq's
 * `new Worker(name, processor)`, or registered with a bull queue's `queue.process(…, processor)`.
 */
function isProcessedJob(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const processor = parameterOwner(sourceCode, node, 0);
  return !!processor && functionPositions(sourceCode, processor).some((position) => {
    const call = position.parent;
    if (call?.type === 'CallExpression' && call.arguments[call.arguments.length - 1] === position) {
      const callee = unwrapExpression(call.callee);
      return callee.type === 'MemberExpression' && memberName(callee) === JOB_PROCESS_METHOD && isMadeBy(sourceCode, callee.object, JOB_PROCESSING_QUEUES);
    }
    if (call?.type !== 'NewExpression') return false;
    const resolved = resolveImportPath(sourceCode, unwrapExpression(call.callee));
    const index = resolved?.module !== undefined && resolved.path.length === 1 ? JOB_PROCESSOR_CLASSES[resolved.module]?.[resolved.path[0]] : undefined;
    return index !== undefined && call.arguments[index] === position;
  });
}

/** `Deno.writeTextFile(path, data)`, `Bun.write(path, data)`: a runtime global's file write, with `arg` as its data. */
function isRuntimeDiskWrite(sourceCode: SourceCode, callee: TSESTree.MemberExpression, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const owner = unwrapExpression(callee.object);
  const writes = owner.type === 'Identifier' && Object.prototype.hasOwnProperty.call(RUNTIME_DISK_WRITES, owner.name) ? RUNTIME_DISK_WRITES[owner.name] : undefined;
  const index = writes && Object.prototype.hasOwnProperty.call(writes, memberName(callee) ?? '') ? writes[memberName(callee)!] : undefined;
  return index !== undefined && call.arguments[index] === arg && owner.type === 'Identifier' && isUndeclaredGlobal(sourceCode, owner);
}

/** A global read by name (`Deno`, `globalThis`), not shadowed by a declaration of the file. */
function isUndeclaredGlobal(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const declared = variableOf(sourceCode, id);
  return !declared || declared.defs.length === 0;
}

/** `sql`, `db.sql`, `prisma.$executeRaw`: a tag that runs its template as SQL. */
function isSqlTag(tag: TSESTree.Node): boolean {
  const expr = unwrapExpression(tag);
  const name = expr.type === 'Identifier' ? expr.name : expr.type === 'MemberExpression' ? memberName(expr) : undefined;
  return name !== undefined && SQL_TAG_NAME.test(name);
}

/** `process.stdout` / `process.stderr`. */
function isStdStream(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type !== 'MemberExpression' || !STD_STREAMS.has(memberName(expr) ?? '')) return false;
  const owner = unwrapExpression(expr.object);
  return owner.type === 'Identifier' && owner.name === 'process';
}

/** The expressions that stand for `fn`: the function itself and the reads of the name it is bound to. */
function functionPositions(sourceCode: SourceCode, fn: FunctionLike): TSESTree.Node[] {
  const id = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn ? fn.parent.id : undefined;
  const variable = id?.type === 'Identifier' ? variableOf(sourceCode, id) : undefined;
  const reads = variable ? variable.references.filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Node) : [];
  return [fn, ...reads];
}

/** The call argument that gives a handler: the function itself, or the options object holding it (`app.http('name', { handler })`). */
function handlerArgument(position: TSESTree.Node): TSESTree.Node {
  const holder = position.parent;
  return holder?.type === 'Property' && holder.value === position && propertyName(holder.key) === HANDLER_OPTION && holder.parent?.type === 'ObjectExpression' ? holder.parent : position;
}

function isRespondingHandler(sourceCode: SourceCode, position: TSESTree.Node): boolean {
  const arg = handlerArgument(position);
  const call = arg.parent;
  if (call?.type !== 'CallExpression') return false;
  const resolved = resolveImportPath(sourceCode, unwrapExpression(call.callee));
  if (resolved?.module === undefined) return false;
  const index = RESPONDING_HANDLER_REGISTRATIONS[resolved.module]?.[resolved.path.join('.')];
  return index !== undefined && call.arguments[index] === arg;
}

/** `{ Mutation: { f } }` given as `resolvers` to a call (`new ApolloServer({ resolvers })`), inline or through a variable. */
function isInResolverMap(sourceCode: SourceCode, position: TSESTree.Node): boolean {
  let node = position;
  while (node.parent && ((node.parent.type === 'Property' && node.parent.value === node) || node.parent.type === 'ObjectExpression')) {
    node = node.parent;
    if (node.type === 'ObjectExpression' && isResolversOption(node)) return true;
  }
  if (node.type !== 'ObjectExpression' || node === position) return false;
  const declarator = node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, declarator.id);
  return !!variable?.references.some((r) => r.isRead() && isResolversOption(r.identifier as TSESTree.Node));
}

function isResolversOption(value: TSESTree.Node): boolean {
  const property = value.parent;
  if (property?.type !== 'Property' || property.value !== value || propertyName(property.key) !== RESOLVER_MAP_OPTION) return false;
  const options = property.parent;
  return options?.type === 'ObjectExpression' && (options.parent?.type === 'CallExpression' || options.parent?.type === 'NewExpression') && options.parent.arguments.includes(options);
}

/** `util.inspect(res)`, `util.format('%o', res)`: text that copies the object's fields. */
function isInspection(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const resolved = resolveImportPath(sourceCode, unwrapExpression(call.callee));
  if (resolved?.module === undefined || resolved.path.length !== 1) return false;
  return !!INSPECT_FUNCTIONS[resolved.module]?.has(resolved.path[0]);
}

/**
 * The field a constructor of a class of this file keeps its argument `arg` in: a parameter property
 * (`constructor(private readonly out: Output)`) or `this.out = out` in the constructor's body.
 */
function keptInField(sourceCode: SourceCode, construction: TSESTree.NewExpression, arg: TSESTree.Node): { body: TSESTree.Node; name: string } | undefined {
  const index = construction.arguments.indexOf(arg as TSESTree.Expression);
  const ctor = index < 0 ? undefined : localCalleeOf(sourceCode, construction);
  const body = ctor?.parent?.parent;
  if (!ctor || body?.type !== 'ClassBody' || construction.arguments.slice(0, index).some((a) => a.type === 'SpreadElement')) return undefined;
  const param = ctor.params[index];
  const name = param && parameterNameAt(ctor, index);
  if (!param || name === undefined) return undefined;
  if (param.type === 'TSParameterProperty') return { body, name };
  for (const node of descendants(ctor.body)) {
    if (node.type !== 'AssignmentExpression' || node.operator !== '=' || node.left.type !== 'MemberExpression' || node.left.object.type !== 'ThisExpression') continue;
    const value = unwrapExpression(node.right);
    const field = classMemberName(node.left);
    if (value.type === 'Identifier' && value.name === name && field !== undefined) return { body, name: field };
  }
  return undefined;
}

/**
 * A field a class declares for its users to read: a public (or `readonly`) constructor parameter property or property
 * declaration, not `#private`/`private`/`protected`, that no code of the class reads itself. A data holder
 * (`class DataKey { constructor(readonly plaintext, readonly wrapped) {} }`) hands the value to whoever gets the instance;
 * a sealer whose methods use the key it keeps (`this.key` read by `seal()`) does not show it (blind-s9).
 */
function isPublicField(body: TSESTree.Node, name: string): boolean {
  if (name.startsWith('#') || body.type !== 'ClassBody') return false;
  const declared = fieldDeclaration(body, name);
  if (!declared || declared.accessibility === 'private' || declared.accessibility === 'protected') return false;
  if (declared.type === 'TSParameterProperty' && declared.accessibility === undefined && !declared.readonly) return false;
  return ![...descendants(body)].some((node) => node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && classMemberName(node) === name && !isAssignedTo(node));
}

/** The property declaration or constructor parameter property of a class body that declares the field `name`. */
function fieldDeclaration(body: TSESTree.ClassBody, name: string): TSESTree.PropertyDefinition | TSESTree.TSParameterProperty | undefined {
  for (const member of body.body) {
    if (member.type === 'PropertyDefinition' && classMemberKeyName(member.key) === name) return member;
    if (member.type !== 'MethodDefinition' || member.kind !== 'constructor') continue;
    for (const param of member.value.params) {
      const id = param.type === 'TSParameterProperty' ? (param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter) : undefined;
      if (param.type === 'TSParameterProperty' && id?.type === 'Identifier' && id.name === name) return param;
    }
  }
  return undefined;
}

/** A helper of this file returns the value: it goes wherever the helper's callers send the result (or the reads of a getter). */
function viaCallers(sourceCode: SourceCode, fn: FunctionLike, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  if (seen.has(fn) || hops >= MAX_HOPS) return undefined;
  seen.add(fn);
  for (const call of [...callsOf(sourceCode, fn), ...getterReads(sourceCode, fn)]) {
    const reach = climb(sourceCode, call, seen, hops + 1, carrierOf, path);
    if (reach) return reach.kind === 'returned' ? reach : { ...reach, indirect: true };
  }
  return undefined;
}

/** The reads of the field `this.<name>` assigned at `target`, inside the same class. */
function viaThisField(sourceCode: SourceCode, target: TSESTree.MemberExpression, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const name = classMemberName(target);
  let body: TSESTree.Node | undefined = target.parent;
  while (body && body.type !== 'ClassBody') body = body.parent;
  return body && name !== undefined ? viaClassField(sourceCode, body, name, target, seen, hops, carrierOf, path) : undefined;
}

/** The reads of the field `this.<name>` inside the class `body` (other than `target`, the assignment being followed). */
function viaClassField(sourceCode: SourceCode, body: TSESTree.Node, name: string, target: TSESTree.Node | undefined, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const reads = [...descendants(body)].filter(
    (node) => node.type === 'MemberExpression' && node !== target && node.object.type === 'ThisExpression' && classMemberName(node) === name && !isAssignedTo(node),
  );
  return viaReads(sourceCode, `${body.range[0]}:${name}`, reads, seen, hops, carrierOf, path);
}

/** Per helper and argument position: what the helper does with that argument (see `climb`). */
const helperCache = perFileCache<FunctionLike, Map<string, Reach | null>>();

function throughHelper(sourceCode: SourceCode, fn: FunctionLike, index: number, seen: Set<unknown>, path: readonly string[] = []): Reach | undefined {
  if (index < 0 || seen.has(fn)) return undefined;
  let byArgument = helperCache(sourceCode).get(fn);
  if (!byArgument) helperCache(sourceCode).set(fn, (byArgument = new Map()));
  // `describe(res)` of a response holding the key under `Plaintext` is judged apart from `describe(key)`.
  const cacheKey = `${index}:${path.join('\u0000')}`;
  const cached = byArgument.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  byArgument.set(cacheKey, null); // recursion guard
  const raw = fn.params[index];
  const param = raw?.type === 'AssignmentPattern' ? raw.left : raw;
  let found: Reach | undefined;
  if (param?.type === 'Identifier') {
    const variable = variableOf(sourceCode, param);
    for (const reference of variable?.references ?? []) {
      if (!reference.isRead()) continue;
      const reach = climb(sourceCode, reference.identifier as TSESTree.Node, new Set([fn]), 0, fn, path);
      // A use that depends on no other argument wins over one a call can mask (`logStr || str`).
      if (reach && (!found || found.unlessArgumentTruthy !== undefined)) found = reach;
      if (found && found.unlessArgumentTruthy === undefined) break;
    }
  }
  byArgument.set(cacheKey, found ?? null);
  return found;
}

/** The first sink any read of the variable declared or assigned at `id` reaches. */
function viaVariable(sourceCode: SourceCode, id: TSESTree.Identifier, seen: Set<unknown>, hops: number, carrierOf: FunctionLike | undefined, path: readonly string[]): Reach | undefined {
  const variable = variableOf(sourceCode, id);
  if (!variable || seen.has(variable) || hops >= MAX_HOPS) return undefined;
  seen.add(variable);
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const reach = climb(sourceCode, reference.identifier as TSESTree.Node, seen, hops + 1, carrierOf, path);
    if (reach) return reach.kind === 'returned' ? reach : { ...reach, indirect: true };
  }
  return undefined;
}

/**
 * Calls whose result is the argument re-encoded: `Buffer.from(x)`, `JSON.stringify(x)`, `String(x)`,
 * `btoa(x)`, `String.fromCharCode(...bytes)`, `new TextDecoder().decode(x)`, `Array.from(x)`.
 */
function isReencoding(call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  const first = call.arguments[0] === arg;
  if (callee.type === 'Identifier') return first && (callee.name === 'String' || callee.name === 'btoa' || callee.name === 'encodeURIComponent');
  if (callee.type !== 'MemberExpression') return false;
  const owner = unwrapExpression(callee.object);
  const name = memberName(callee);
  if (owner.type === 'Identifier' && owner.name === 'String') return name === 'fromCharCode' || name === 'fromCodePoint';
  if (owner.type === 'NewExpression' && owner.callee.type === 'Identifier' && owner.callee.name === 'TextDecoder') return first && name === 'decode';
  // `jc.encode({ key })` (a NATS codec), `msgpack.encode(x)`, `new TextEncoder().encode(x)`, `qs.stringify(x)`: the bytes or text of `x`.
  if (first && name !== undefined && SERIALIZING_METHODS.has(name)) return true;
  if (!first || owner.type !== 'Identifier') return false;
  return (owner.name === 'Buffer' && name === 'from') || (owner.name === 'JSON' && name === 'stringify') || (owner.name === 'Array' && name === 'from');
}

/** Methods whose result is their first argument serialised (the value travels on inside it). */
const SERIALIZING_METHODS: ReadonlySet<string> = new Set(['encode', 'stringify', 'serialize']);

function isObjectAssign(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && memberName(callee) === 'assign';
}

/** In `logStr || str` (or `??`) inside `fn`, the index of the parameter `logStr` that decides whether `str` is used. */
function maskingParameter(sourceCode: SourceCode, fn: FunctionLike, parent: TSESTree.Node, node: TSESTree.Node): number | undefined {
  if (parent.type !== 'LogicalExpression' || parent.operator === '&&' || parent.right !== node) return undefined;
  const left = unwrapExpression(parent.left);
  const def = left.type === 'Identifier' ? variableOf(sourceCode, left)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.node !== fn) return undefined;
  const index = fn.params.findIndex((param) => (param.type === 'AssignmentPattern' ? param.left : param) === def.name);
  return index >= 0 ? index : undefined;
}

/** The call gives the helper an always-truthy argument where it decides against the value (`send(cmd, 'AUTH ****')`). */
function maskedAt(sourceCode: SourceCode, call: TSESTree.CallExpression, reach: Reach): boolean {
  const index = reach.unlessArgumentTruthy;
  const argument = index === undefined ? undefined : call.arguments[index];
  return argument !== undefined && argument.type !== 'SpreadElement' && isAlwaysTruthy({ sourceCode, parserServices: sourceCode.parserServices }, argument);
}

/** `cond ? a : b` of its branches, `a ?? b` and `a || b` of either side, `a && b` of its right side. */
function isValueBranch(parent: TSESTree.Node, node: TSESTree.Node): boolean {
  if (parent.type === 'ConditionalExpression') return parent.consequent === node || parent.alternate === node;
  if (parent.type === 'LogicalExpression') return parent.right === node || (parent.left === node && parent.operator !== '&&');
  return false;
}

const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any']);

function isPromiseCombinator(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Promise' && PROMISE_COMBINATORS.has(memberName(callee) ?? '');
}

/** `globalThis.x`, `(globalThis as any).cache.x`: a property path on the global object. */
function isGlobalObjectMember(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let expr = unwrapExpression(node);
  if (expr.type !== 'MemberExpression') return false;
  while (expr.type === 'MemberExpression') expr = unwrapExpression(expr.object);
  return expr.type === 'Identifier' && GLOBAL_OBJECT_NAMES.has(expr.name) && isUndeclaredGlobal(sourceCode, expr);
}

/** `globalThis.cache.set(id, value)`: `value` kept in a collection that lives on the global object. */
function isGlobalCacheSet(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && memberName(callee) === 'set' && call.arguments[1] === arg && isGlobalObjectMember(sourceCode, callee.object);
}

function isProcessEnv(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return expr.type === 'MemberExpression' && expr.object.type === 'Identifier' && expr.object.name === 'process' && memberName(expr) === 'env';
}

function callSink(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node, path: readonly string[]): Sink | undefined {
  // A modelled crypto call uses the key (`createHash('sha256').update(key)` is no database update).
  if (apiCallAt(sourceCode, call)) return undefined;
  const callee = unwrapExpression(call.callee);
  const resolved = resolveImportPath(sourceCode, callee);
  // `spawn(cmd, args, { env: { DATA_KEY: … } })`: the child's environment.
  if (resolved?.module !== undefined && CHILD_PROCESS_MODULES.has(resolved.module) && resolved.path.length <= 1 && path[path.length - 1] === 'env' && call.arguments.indexOf(arg as TSESTree.Expression) > 0) {
    return { kind: 'environment', node: call };
  }
  if (isCommandLineArgument(sourceCode, call, arg)) return { kind: 'command-line', node: call };
  if (isRequestUrlPart(sourceCode, call, arg, path)) return { kind: 'url', node: call };
  if (isTelemetryClientCall(sourceCode, call)) return { kind: 'telemetry', node: call };
  if (resolved?.module !== undefined && resolved.path.length === 1 && RESPONSE_FUNCTIONS[resolved.module]?.has(resolved.path[0])) return { kind: 'response', node: call };
  if (resolved?.module && FS_MODULES.has(resolved.module)) {
    const fn = resolved.path[resolved.path.length - 1];
    if (fn in DISK_WRITES && call.arguments[DISK_WRITES[fn]] === arg) return { kind: 'disk', node: call };
  }
  const storage = resolved?.module !== undefined && resolved.path.length === 1 ? STORAGE_MODULE_WRITES[resolved.module]?.[resolved.path[0]] : undefined;
  if (storage !== undefined && call.arguments[storage] === arg) return { kind: 'storage', node: call };

  if (callee.type === 'Identifier') return functionSink(sourceCode, call, callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = memberName(callee) ?? '';
  const receiver = receiverName(callee.object);
  if (LOG_METHODS.has(method) && receiver && (LOGGER_NAME.test(receiver) || NAMED_LOGGER.test(receiver))) {
    return redactedByLogger(sourceCode, callee.object, call, arg, path) ? undefined : { kind: 'log', node: call };
  }
  if (isOwnLoggingFunction(callee)) return { kind: 'log', node: call };
  if (RESPONSE_METHODS.has(method) && receiver && RESPONSE_NAME.test(receiver)) return { kind: 'response', node: call };
  if (RESPONSE_HEADER_METHODS.has(method) && receiver && HEADER_RESPONSE_NAME.test(receiver) && call.arguments[0] !== arg) return { kind: 'response', node: call };
  if (method === 'set' && receiver && COOKIE_JAR_NAME.test(receiver) && call.arguments[0] !== arg) return { kind: 'response', node: call };
  if (SOCKET_METHODS.has(method) && receiver && (SOCKET_NAME.test(receiver) || isConnectionParameter(sourceCode, callee.object) || isWebSocketClient(sourceCode, callee.object))) return { kind: 'response', node: call };
  if (method === 'write' && isStdStream(callee.object)) return { kind: 'log', node: call };
  if (isRuntimeDiskWrite(sourceCode, callee, call, arg)) return { kind: 'disk', node: call };
  if (LAMBDA_INVOKE_METHODS.has(method) && isMadeBy(sourceCode, callee.object, LAMBDA_CLIENT_CLASSES)) return { kind: 'queue', node: call };
  if (HTTP2_STREAM_WRITES.has(method) && isHttp2Stream(sourceCode, callee.object)) return { kind: 'response', node: call };
  if ((JOB_LOG_METHODS.has(method) || JOB_STORE_METHODS.has(method)) && isProcessedJob(sourceCode, callee.object)) return { kind: JOB_LOG_METHODS.has(method) ? 'log' : 'queue', node: call };
  if (TELEMETRY_METHODS.has(method) && receiver && TELEMETRY_NAME.test(receiver)) return { kind: 'telemetry', node: call };
  // `url.searchParams.set('key', hex)`: the value is now part of a URL (request, redirect or link alike).
  if (URL_QUERY_SETTERS.has(method) && call.arguments[1] === arg && receiver === URL_QUERY_PROPERTY) return { kind: 'url', node: call };
  if (isMetricAttributes(sourceCode, callee, method, call, arg)) return { kind: 'telemetry', node: call };
  // `cache.set(id, entry)` on a memcached/Redis client, whatever the binding is called.
  if (isStoreClientWrite(method) && call.arguments[0] !== arg && isStoreClient(sourceCode, callee.object)) return { kind: 'database', node: call };
  // `storage.set(k, v)` on an MMKV instance or an electron-store: the app's files on the device.
  if (method === 'set' && call.arguments[0] !== arg && isStoreClient(sourceCode, callee.object, DEVICE_STORE_FACTORIES)) return { kind: 'storage', node: call };
  if (method === 'setItem' && receiver && BROWSER_STORAGE_NAME.test(receiver)) return { kind: 'storage', node: call };
  if (CLUSTER_STORE_METHODS.has(method)) return { kind: 'database', node: call };
  if (WRITE_BUILDER_ROW_METHODS.has(method) && isWriteBuilder(callee.object)) return { kind: 'database', node: call };
  if (DB_METHODS.has(method) || ((method === 'set' || STORE_WRITE_METHODS.has(method) || STORE_QUERY_METHODS.has(method)) && receiver && PERSISTENT_STORE_NAME.test(receiver))) {
    if (receiver && !/^(?:map|cache|seen|memo)$/i.test(receiver)) return { kind: 'database', node: call };
  }
  if (method === 'write' && isWriteStream(sourceCode, callee.object)) return { kind: 'disk', node: call };
  // `blob.upload(data, length, { metadata: { dek } })`: the object's metadata is stored with it.
  if (OBJECT_UPLOAD_METHODS.test(method) && path.includes(OBJECT_METADATA_OPTION)) return { kind: 'database', node: call };
  if (QUEUE_METHODS.has(method) && ((receiver && QUEUE_NAME.test(receiver)) || isMadeBy(sourceCode, callee.object, QUEUE_CLASSES) || isMadeByFactory(sourceCode, callee.object, QUEUE_FACTORIES))) {
    return { kind: 'queue', node: call };
  }
  if (MAIL_METHODS.has(method)) return { kind: 'queue', node: call };
  if (ERROR_THROW_METHODS.has(method) && receiver && ERROR_THROW_RECEIVER.test(receiver)) return { kind: 'error', node: call };
  return undefined;
}

/**
 * The import path of a called function, also when it was promisified first (`const run = promisify(execFile)`):
 * the promisified function takes the same arguments.
 */
function calledFunctionPath(sourceCode: SourceCode, callee: TSESTree.Node): ReturnType<typeof resolveImportPath> {
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved) return resolved;
  const expr = unwrapExpression(callee);
  const made = expr.type === 'Identifier' ? initializedExpression(sourceCode, expr) : undefined;
  if (made?.type !== 'CallExpression' || made.arguments.length !== 1) return undefined;
  const factory = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  const isPromisify = (factory?.module === 'util' || factory?.module === 'node:util') && factory.path.length === 1 && factory.path[0] === 'promisify';
  return isPromisify ? resolveImportPath(sourceCode, made.arguments[0]) : undefined;
}

/** `execFile('gpg', ['--passphrase', hex, …])`, `exec(\`openssl … -k ${hex}\`)`: the value is part of a child process's command line. */
function isCommandLineArgument(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const resolved = calledFunctionPath(sourceCode, call.callee);
  if (resolved?.module === undefined || !CHILD_PROCESS_MODULES.has(resolved.module) || resolved.path.length > 1) return false;
  const leading = COMMAND_LINE_ARGUMENTS[resolved.path[0] ?? ''];
  const index = call.arguments.indexOf(arg as TSESTree.Expression);
  return leading !== undefined && index >= 0 && index < leading;
}

/**
 * The value is in the URL of an outgoing request: the query-string option of a known HTTP client (axios `params`,
 * got's `searchParams`), given to the client's function, one of its methods or an instance it made.
 */
function isRequestUrlPart(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node, path: readonly string[]): boolean {
  // `fetch(\`${PARTNER}/ingest?key=${hex}\`)`, `axios.get(\`…?k=${hex}\`)`: the URL string itself.
  if (call.arguments[0] === arg && path.length === 0 && isStringBuilt(arg)) return isUrlFirstRequest(sourceCode, call.callee);
  if (path.length === 0 || unwrapExpression(arg).type !== 'ObjectExpression') return false;
  const client = httpClientModule(sourceCode, call.callee);
  return client !== undefined && client in HTTP_CLIENT_QUERY_OPTIONS && HTTP_CLIENT_QUERY_OPTIONS[client].has(path[path.length - 1]);
}

/** A string assembled around the value (template literal or `+`), as URLs are. */
function isStringBuilt(arg: TSESTree.Node): boolean {
  const expr = unwrapExpression(arg);
  return expr.type === 'TemplateLiteral' || (expr.type === 'BinaryExpression' && expr.operator === '+');
}

/** A request function whose first argument is the URL: the Fetch API, undici, node-fetch, axios/got/ky and their instances' methods. */
function isUrlFirstRequest(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved?.module === undefined && resolved?.path.length === 1 && URL_FIRST_GLOBALS.has(resolved.path[0])) return true;
  if (resolved?.module !== undefined && URL_FIRST_HTTP_MODULES.has(resolved.module) && resolved.path.length <= 1) return true;
  const client = httpClientModule(sourceCode, callee);
  return client !== undefined && URL_FIRST_HTTP_MODULES.has(client);
}

/** The HTTP client module a callee belongs to: `axios(…)`, `axios.get(…)`, or a method of `axios.create(…)`'s instance. */
function httpClientModule(sourceCode: SourceCode, callee: TSESTree.Node): string | undefined {
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved?.module !== undefined && (resolved.module in HTTP_CLIENT_QUERY_OPTIONS || URL_FIRST_HTTP_MODULES.has(resolved.module)) && resolved.path.length <= 1) return resolved.module;
  const expr = unwrapExpression(callee);
  const instance = expr.type === 'MemberExpression' ? unwrapExpression(expr.object) : expr;
  const made = instance.type === 'Identifier' ? initializedExpression(sourceCode, instance) : undefined;
  if (made?.type !== 'CallExpression') return undefined;
  const factory = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  const module = factory?.module;
  return module !== undefined && (module in HTTP_CLIENT_QUERY_OPTIONS || URL_FIRST_HTTP_MODULES.has(module)) && factory!.path.length === 1 && HTTP_CLIENT_INSTANCE_FACTORIES.has(factory!.path[0]) ? module : undefined;
}

/** `appInsights.defaultClient.trackEvent(…)` (also through a binding of the client, or a `new TelemetryClient(…)`). */
function isTelemetryClientCall(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const method = memberName(callee) ?? '';
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved?.module !== undefined && TELEMETRY_CLIENT_METHODS[resolved.module]?.has(method)) return true;
  const object = unwrapExpression(callee.object);
  const made = object.type === 'Identifier' ? initializedExpression(sourceCode, object) : undefined;
  if (made?.type !== 'NewExpression') return false;
  const cls = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  return cls?.module !== undefined && !!TELEMETRY_CLIENT_METHODS[cls.module]?.has(method);
}

/**
 * The attributes of a metric data point: `counter.add(1, attributes)`/`histogram.record(ms, attributes)` on an
 * OpenTelemetry instrument (a binding made by a meter's `createCounter(…)` and friends), or the labels of a prom-client
 * metric (`counter.inc({ … })`, `gauge.labels(…)`).
 */
function isMetricAttributes(sourceCode: SourceCode, callee: TSESTree.MemberExpression, method: string, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  if (METRIC_RECORD_METHODS.has(method) && call.arguments[1] === arg) {
    const object = unwrapExpression(callee.object);
    const made = object.type === 'Identifier' ? initializedExpression(sourceCode, object) : undefined;
    const factory = made?.type === 'CallExpression' ? unwrapExpression(made.callee) : undefined;
    return factory?.type === 'MemberExpression' && METRIC_INSTRUMENT_FACTORY.test(memberName(factory) ?? '');
  }
  return METRIC_LABEL_METHODS.has(method) && isMadeBy(sourceCode, callee.object, METRIC_CLASSES);
}

/** `Preferences.set({ key, value })` with the value under the option STORAGE_OPTION_WRITES names for that function. */
function isStorageOptionWrite(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node, path: readonly string[]): boolean {
  if (call.arguments[0] !== arg || path.length !== 1) return false;
  const resolved = resolveImportPath(sourceCode, unwrapExpression(call.callee));
  return resolved?.module !== undefined && STORAGE_OPTION_WRITES[resolved.module]?.[resolved.path.join('.')] === path[0];
}

/** A write of a cache client, also in node-redis v4's camelCase (`hSet`, `setEx`, `rPush`). */
function isStoreClientWrite(method: string): boolean {
  const lower = method.toLowerCase();
  return lower === 'set' || STORE_WRITE_METHODS.has(lower) || DB_METHODS.has(lower);
}

/** A binding made by a cache or key-value client's factory or class (`memjs.Client.create(…)`, `new Redis(…)`). */
function isStoreClient(sourceCode: SourceCode, node: TSESTree.Node, factories: Readonly<Record<string, ReadonlySet<string>>> = STORE_CLIENT_FACTORIES): boolean {
  const expr = unwrapExpression(node);
  let made = expr.type === 'Identifier' ? initializedExpression(sourceCode, expr) : undefined;
  if (made?.type === 'AwaitExpression') made = unwrapExpression(made.argument);
  if (made?.type !== 'CallExpression' && made?.type !== 'NewExpression') return false;
  const factory = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  return factory?.module !== undefined && !!factories[factory.module]?.has(factory.path.join('.'));
}

/**
 * Whether the file can make logging functions (`const debug = require('debug')('app')`, `util.debuglog('kms')`),
 * whose calls have a plain identifier as callee: a cheap text test before looking at such calls.
 */
export function mayMakeLoggingFunctions(text: string): boolean {
  for (const module of LOGGER_FACTORY_MODULES) if (text.includes(`'${module}'`) || text.includes(`"${module}"`)) return true;
  return Object.values(LOGGER_FACTORY_FUNCTIONS).some((names) => [...names].some((name) => text.includes(`.${name}(`) || text.includes(`${name} }`) || text.includes(`${name},`)));
}

/**
 * A plain function call that lets the value out: a logging function made by a logger factory
 * (`const debug = createDebug('app')`), or the callback parameter of an exported function
 * (`export function getKey(id, callback) { … callback(null, key) }` completes with the key: it goes to
 * the caller, like a return).
 */
function functionSink(sourceCode: SourceCode, call: TSESTree.CallExpression, callee: TSESTree.Identifier): Sink | undefined {
  const def = variableOf(sourceCode, callee)?.defs[0];
  if (!def) return undefined;
  if (def.type === 'Parameter') {
    // `socket.on('room:join', async (roomId, ack) => ack({ roomKey }))`: the acknowledgement answers the client.
    if (isAcknowledgement(sourceCode, def.node, def.name)) return { kind: 'response', node: call };
    // Only a node-style completion (`callback(null, key)`) hands the value over; a loan
    // (`await useKey(key)` and a wipe after it) lends it for the call's duration.
    const first = call.arguments[0];
    const completion = call.arguments.length > 1 && ((first?.type === 'Literal' && first.value === null) || (first?.type === 'Identifier' && first.name === 'undefined'));
    if (!completion) return undefined;
    if (isResponseCallback(sourceCode, def.name)) return { kind: 'response', node: call };
    return isFunction(def.node) && isExported(sourceCode, def.node) ? { kind: 'export', node: call } : undefined;
  }
  if (def.type !== 'Variable' || def.node.id !== def.name) return undefined;
  const init = def.node.init && unwrapExpression(def.node.init);
  if (init?.type !== 'CallExpression') return undefined;
  const factory = resolveImportPath(sourceCode, init.callee);
  if (factory?.module === undefined) return undefined;
  const made = factory.path.length === 0 ? LOGGER_FACTORY_MODULES.has(factory.module) : factory.path.length === 1 && !!LOGGER_FACTORY_FUNCTIONS[factory.module]?.has(factory.path[0]);
  return made ? { kind: 'log', node: call } : undefined;
}

/**
 * The last parameter of a listener registered on a client socket (`socket.on(event, (…args, ack) => …)`,
 * Socket.IO's acknowledgement): calling it sends its arguments back to that client.
 */
function isAcknowledgement(sourceCode: SourceCode, fn: TSESTree.Node, param: TSESTree.Node): boolean {
  if (!isFunction(fn)) return false;
  const params = (fn as FunctionLike).params;
  if (params.length < 2 || params[params.length - 1] !== param) return false;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[1] !== fn || call.arguments[0]?.type !== 'Literal') return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || !LISTENER_METHODS.has(memberName(callee) ?? '')) return false;
  const receiver = receiverName(callee.object);
  return !!receiver && (SOCKET_NAME.test(receiver) || isConnectionParameter(sourceCode, callee.object));
}

/** A parameter declared as a remote client's completion callback (`callback: grpc.sendUnaryData<Reply>`). */
function isResponseCallback(sourceCode: SourceCode, param: TSESTree.Node): boolean {
  const annotation = param.type === 'Identifier' ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== 'TSTypeReference') return false;
  const typeName = annotation.typeName;
  const [base, name] =
    typeName.type === 'Identifier' ? [resolveImportPath(sourceCode, typeName), undefined] : typeName.type === 'TSQualifiedName' && typeName.left.type === 'Identifier' ? [resolveImportPath(sourceCode, typeName.left), typeName.right.name] : [undefined, undefined];
  if (base?.module === undefined) return false;
  const path = name === undefined ? base.path : [...base.path, name];
  return path.length === 1 && !!RESPONSE_CALLBACK_TYPES[base.module]?.has(path[0]);
}

/**
 * `this.log('…', secret)`: a logging function the object holds and calls directly, as Homebridge hands plugins a
 * callable `Logging` and classes keep a `log` helper over their debug sink. Only on `this` and only named `log`/`logger`:
 * `Math.log(x)` is arithmetic.
 */
const OWN_LOGGING_FUNCTION = /^(?:log|logger)$/;
function isOwnLoggingFunction(callee: TSESTree.MemberExpression): boolean {
  return unwrapExpression(callee.object).type === 'ThisExpression' && OWN_LOGGING_FUNCTION.test(memberName(callee) ?? '');
}

/**
 * `logger` of `this.logger`, `log` of `req.log`, `console`; through builder
 * calls: `db` of knex's `db('keys').insert(…)`, `res` of `res.status(500).json(…)`.
 */
function receiverName(node: TSESTree.Node, depth = 0): string | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'Identifier') return expr.name;
  if (expr.type === 'MemberExpression') return memberName(expr);
  if (expr.type === 'CallExpression' && depth < 3) {
    const callee = unwrapExpression(expr.callee);
    // `this.db('keys').insert(…)`: the builder is the field called, not `this`.
    if (callee.type === 'MemberExpression' && unwrapExpression(callee.object).type === 'ThisExpression') return memberName(callee);
    return receiverName(callee.type === 'MemberExpression' ? callee.object : callee, depth + 1);
  }
  return undefined;
}

/** `fs.createWriteStream(p)`, inline or through a variable it initialises (`const out = fs.createWriteStream(p); out.write(…)`). */
function isWriteStream(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let expr = unwrapExpression(node);
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const init = variable && singleInitializer(variable);
    if (init) expr = unwrapExpression(init);
  }
  if (expr.type !== 'CallExpression') return false;
  if (expr.callee.type === 'MemberExpression') return memberName(expr.callee) === 'createWriteStream';
  // `import { createWriteStream } from 'node:fs'`.
  const resolved = resolveImportPath(sourceCode, expr.callee);
  return resolved?.module !== undefined && FS_MODULES.has(resolved.module) && resolved.path[resolved.path.length - 1] === 'createWriteStream';
}

/**
 * A query builder chain that writes a row (`db.insert(table)`, `db.insertInto('t')`, `db.update(table)`),
 * whose later call (`.values(row)`, `.set(row)`) is given the row.
 */
function isWriteBuilder(node: TSESTree.Node): boolean {
  let expr = unwrapExpression(node);
  for (let depth = 0; depth < 6 && expr.type === 'CallExpression'; depth++) {
    const callee = unwrapExpression(expr.callee);
    if (callee.type !== 'MemberExpression') return false;
    if (WRITE_BUILDER_STARTS.has(memberName(callee) ?? '')) return true;
    expr = unwrapExpression(callee.object);
  }
  return false;
}

/** A binding initialised with (an awaited) call of one of `factories` (module → function names): `const nc = await connect(…)`. */
function isMadeByFactory(sourceCode: SourceCode, node: TSESTree.Node, factories: Readonly<Record<string, ReadonlySet<string>>>): boolean {
  let expr = unwrapExpression(node);
  // `broker().publish(…)`: a local accessor returning the one connection it keeps.
  const returned = accessorReturn(sourceCode, expr);
  if (returned) expr = unwrapExpression(returned);
  let made = expr.type === 'Identifier' ? (initializedExpression(sourceCode, expr) ?? onlyWrittenValue(sourceCode, expr)) : undefined;
  if (made?.type === 'AwaitExpression') made = unwrapExpression(made.argument);
  const factory = importedCallee(sourceCode, made);
  return !!factory && !!factories[factory.module]?.has(factory.name);
}

/** The value of a binding written once, by an assignment rather than its declaration (`client ??= mqtt.connect(url)`). */
function onlyWrittenValue(sourceCode: SourceCode, node: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = variableOf(sourceCode, node);
  const written = variable ? writesOf(variable) : [];
  return written.length === 1 ? unwrapExpression(written[0].writeExpr as TSESTree.Node) : undefined;
}

/** The module and name of the imported function `made` calls (`createSigner(…)` of `import { createSigner } from 'fast-jwt'`). */
function importedCallee(sourceCode: SourceCode, made: TSESTree.Node | undefined): { module: string; name: string } | undefined {
  if (made?.type !== 'CallExpression') return undefined;
  const resolved = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  return resolved?.module !== undefined && resolved.path.length === 1 ? { module: resolved.module, name: resolved.path[0] } : undefined;
}

/**
 * A WebSocket server's client connection, whatever the binding is called: the element of `wss.clients`
 * (`wss.clients.forEach((client) => …)`, `for (const client of wss.clients)`), or a receiver whose
 * `readyState` the same function checks (`if (client.readyState === WebSocket.OPEN) client.send(…)`).
 */
function isWebSocketClient(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, expr);
  if (!variable) return false;
  if (variable.references.some((r) => isStateRead(r.identifier as TSESTree.Node))) return true;
  const def = variable.defs[0];
  if (def?.type === 'Parameter' && isFunction(def.node)) {
    const call = def.node.parent;
    const callee = call?.type === 'CallExpression' ? unwrapExpression(call.callee) : undefined;
    return callee?.type === 'MemberExpression' && isClientsCollection(callee.object);
  }
  const loop = def?.node.parent?.parent;
  return def?.type === 'Variable' && loop?.type === 'ForOfStatement' && isClientsCollection(loop.right);
}

function isStateRead(id: TSESTree.Node): boolean {
  const member = id.parent;
  return member?.type === 'MemberExpression' && member.object === id && memberName(member) === SOCKET_STATE_PROPERTY;
}

function isClientsCollection(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return expr.type === 'MemberExpression' && memberName(expr) === SOCKET_CLIENTS_PROPERTY;
}

function isModuleExports(node: TSESTree.MemberExpression): boolean {
  const object = unwrapExpression(node.object);
  if (object.type === 'Identifier' && object.name === 'exports') return true;
  if (object.type === 'Identifier' && object.name === 'module' && memberName(node) === 'exports') return true;
  return object.type === 'MemberExpression' && isModuleExports(object);
}

function enclosingFunction(node: TSESTree.Node): FunctionLike | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n;
  }
  return undefined;
}

/**
 * Exported from the module: `export function`, `export const f = () => …`, `export default`,
 * `module.exports = { f }`, public methods of an exported class, and functions inside an exported
 * value (`export const resolvers = { Mutation: { f: async () => … } }`, a tRPC router's
 * `.mutation(async () => …)`, `export const handler = middy(async (event) => …)`): what they return
 * goes to another module.
 */
function isExported(sourceCode: SourceCode, fn: FunctionLike): boolean {
  if (fn.parent?.type === 'MethodDefinition' && (fn.parent.key.type === 'PrivateIdentifier' || fn.parent.accessibility === 'private' || fn.parent.accessibility === 'protected')) return false;
  let node: TSESTree.Node = fn;
  if (fn.parent?.type === 'VariableDeclarator') node = fn.parent.parent!;
  if (fn.parent?.type === 'MethodDefinition') node = fn.parent.parent!.parent!; // the class
  const parent = node.parent;
  if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') return true;
  const name =
    fn.type === 'FunctionDeclaration' ? fn.id?.name : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : node.type === 'ClassDeclaration' ? node.id?.name : undefined;
  if (name) return isExportedName(sourceCode, name);
  // A method of a class expression is exported with the class (`module.exports.Provider = class { … }`).
  const holder = exportedValueHolding(node.type === 'ClassExpression' ? node : fn);
  return holder !== undefined && (holder === true || isExportedName(sourceCode, holder));
}

function isExportedName(sourceCode: SourceCode, name: string): boolean {
  return new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*\\b${name}\\b|(?:module\\.)?exports\\.\\w+\\s*=\\s*${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`).test(sourceCode.text);
}

/**
 * The top-level value a function literal (or a class expression) is part of, climbing through object and array literals,
 * call arguments and call chains (not through another function): `true` when that value is
 * exported right there (`export const x = …`, `export default …`, `module.exports = …`), else the
 * name of the binding it initialises.
 */
function exportedValueHolding(value: FunctionLike | TSESTree.ClassExpression): string | true | undefined {
  let node: TSESTree.Node = value;
  for (let depth = 0; depth < 12; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case 'Property':
      case 'ObjectExpression':
      case 'ArrayExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'ChainExpression':
        break;
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee !== node && !parent.arguments.includes(node as TSESTree.Expression)) return undefined;
        break;
      case 'MemberExpression':
        if (parent.object !== node) return undefined;
        break;
      // `export const makeUnwrapper = (kms) => async (scope) => …`: a factory hands the function it returns to its caller.
      case 'ArrowFunctionExpression':
        if (parent.body !== node) return undefined;
        break;
      case 'ReturnStatement': {
        const outer = enclosingFunction(parent);
        if (!outer) return undefined;
        if (outer.type === 'FunctionDeclaration') {
          const exported = outer.parent?.type === 'ExportNamedDeclaration' || outer.parent?.type === 'ExportDefaultDeclaration';
          return exported ? true : outer.id?.name;
        }
        node = outer;
        continue;
      }
      case 'VariableDeclarator':
        if (parent.init !== node || parent.id.type !== 'Identifier') return undefined;
        return parent.parent?.parent?.type === 'ExportNamedDeclaration' ? true : parent.id.name;
      case 'ExportDefaultDeclaration':
        return true;
      case 'AssignmentExpression':
        return parent.right === node && parent.left.type === 'MemberExpression' && isModuleExports(parent.left) ? true : undefined;
      default:
        return undefined;
    }
    node = parent;
  }
  return undefined;
}
