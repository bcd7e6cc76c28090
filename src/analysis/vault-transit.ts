import type { TSESTree } from '@typescript-eslint/utils';
import {
  AWS_KMS_JSON_OPERATIONS,
  AWS_KMS_TARGET,
  AWS_KMS_TARGET_HEADER,
  NODE_VAULT_COMMANDS,
  NODE_VAULT_MODULE,
  VAULT_TRANSIT_ENDPOINTS,
  VAULT_TRANSIT_PATH,
  type VaultTransitEndpoint,
} from '../model/vault-transit';
import { descendants, programNodes } from './ast';
import { perFileCache } from './file-cache';
import { resolveImportPath } from './imports';
import { localFunctionOf } from './local-functions';
import { climbTypeWrappers, findProperty, initializedExpression, memberName, propertyName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * Calls to a KMS over HTTP (see src/model/vault-transit.ts): to Vault Transit, any call whose first
 * argument is a transit request path, whatever the client (`fetch`, axios, got, node-vault), and
 * node-vault's named transit commands (`vault.encryptData({ name, plainText })`); to AWS KMS's JSON
 * API, any call whose request options carry an `X-Amz-Target: TrentService.<Operation>` header.
 */
export interface VaultTransitCall {
  node: TSESTree.CallExpression;
  endpoint: VaultTransitEndpoint;
  /** The argument the request body starts at: after the path (1), or the command's only argument (0). */
  bodyIndex: number;
  /**
   * The argument at `bodyIndex` is the JSON body itself, not the request options: a call of a local helper that sends
   * its argument as the body of an AWS KMS JSON request (`kmsCall('Decrypt', { CiphertextBlob })`).
   */
  bodyIsJson?: true;
  service: 'vault-transit' | 'aws-kms';
}

const cache = new LintScopedWeakMap<TSESTree.Program, VaultTransitCall[]>();

export function vaultTransitCalls(sourceCode: SourceCode): VaultTransitCall[] {
  const program = sourceCode.ast;
  let calls = cache.get(program);
  if (!calls) {
    calls = [];
    // Cheap gate: the walk only runs in files that spell a transit path or use node-vault.
    const paths = sourceCode.text.includes('transit/');
    const commands = sourceCode.text.includes(NODE_VAULT_MODULE);
    const awsTargets = sourceCode.text.includes('TrentService.');
    if (paths || commands || awsTargets) {
      try {
        for (const node of programNodes(program)) {
          if (node.type !== 'CallExpression' || node.arguments.length === 0) continue;
          const endpoint = paths ? endpointOf(sourceCode, node.arguments[0]) : undefined;
          if (endpoint) calls.push({ node, endpoint, bodyIndex: 1, service: 'vault-transit' });
          const command = commands && !endpoint ? nodeVaultCommand(sourceCode, node) : undefined;
          if (command) calls.push({ node, endpoint: command, bodyIndex: 0, service: 'vault-transit' });
          const operation = awsTargets && !endpoint && !command ? awsKmsJsonOperation(sourceCode, node) : undefined;
          if (operation) calls.push({ node, endpoint: operation, bodyIndex: 1, service: 'aws-kms' });
          const viaHelper = awsTargets && !endpoint && !command && !operation ? awsKmsJsonHelperCall(sourceCode, node) : undefined;
          if (viaHelper) calls.push({ ...viaHelper, node, service: 'aws-kms', bodyIsJson: true });
        }
        calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
      } catch {
        calls = []; // analysis never crashes a rule
      }
    }
    cache.set(program, calls);
  }
  return calls;
}

/** `vault.encryptData(…)` where `vault` is a node-vault client (`require('node-vault')(opts)`). */
function nodeVaultCommand(sourceCode: SourceCode, call: TSESTree.CallExpression): VaultTransitEndpoint | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const command = Object.prototype.hasOwnProperty.call(NODE_VAULT_COMMANDS, memberName(callee) ?? '') ? NODE_VAULT_COMMANDS[memberName(callee)!] : undefined;
  const receiver = unwrapExpression(callee.object);
  if (!command || receiver.type !== 'Identifier') return undefined;
  const variable = variableOf(sourceCode, receiver);
  const init = variable && singleInitializer(variable);
  const made = init && unwrapExpression(init);
  if (made?.type !== 'CallExpression') return undefined;
  const factory = resolveImportPath(sourceCode, made.callee);
  return factory?.module === NODE_VAULT_MODULE && factory.path.length === 0 ? command : undefined;
}

/** `fetch(url, { headers: { 'X-Amz-Target': 'TrentService.Encrypt' }, body })`: the operation the header names. */
function awsKmsJsonOperation(sourceCode: SourceCode, call: TSESTree.CallExpression): VaultTransitEndpoint | undefined {
  const value = amzTargetValue(sourceCode, call);
  const match = value?.type === 'Literal' && typeof value.value === 'string' ? AWS_KMS_TARGET.exec(value.value) : null;
  return match ? awsKmsOperationNamed(match[1]) : undefined;
}

function awsKmsOperationNamed(name: string): VaultTransitEndpoint | undefined {
  return Object.prototype.hasOwnProperty.call(AWS_KMS_JSON_OPERATIONS, name) ? AWS_KMS_JSON_OPERATIONS[name] : undefined;
}

/** The value of the `X-Amz-Target` header in a request's options (`fetch(url, { headers: { … } })`). */
function amzTargetValue(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const init = call.arguments[1] && initializedExpression(sourceCode, call.arguments[1]);
  if (init?.type !== 'ObjectExpression') return undefined;
  const headersValue = findProperty(init, 'headers');
  const headers = headersValue && initializedExpression(sourceCode, headersValue);
  if (headers?.type !== 'ObjectExpression') return undefined;
  const p = headers.properties.find((q) => q.type === 'Property' && propertyName(q.key)?.toLowerCase() === AWS_KMS_TARGET_HEADER);
  return p?.type === 'Property' ? initializedExpression(sourceCode, p.value) : undefined;
}

/**
 * A local helper that signs AWS KMS JSON requests for any operation (`async function kmsCall(target, body)` whose
 * request says `'X-Amz-Target': \`TrentService.${target}\`` and sends `JSON.stringify(body)`): the parameter positions
 * of the operation's name and of the body. Cached per helper.
 */
const jsonHelperCache = perFileCache<TSESTree.Node, { target: number; body: number } | null>();

function awsKmsJsonHelper(sourceCode: SourceCode, fn: TSESTree.FunctionLike): { target: number; body: number } | undefined {
  let found = jsonHelperCache(sourceCode).get(fn);
  if (found === undefined) {
    found = null;
    const position = (node: TSESTree.Node | undefined) => fn.params.findIndex((p) => node?.type === 'Identifier' && p.type === 'Identifier' && p.name === node.name);
    for (const node of fn.body ? descendants(fn.body) : []) {
      if (node.type !== 'CallExpression') continue;
      const header = amzTargetValue(sourceCode, node);
      if (header?.type !== 'TemplateLiteral' || header.expressions.length !== 1 || header.quasis[0].value.cooked !== 'TrentService.' || header.quasis[1].value.cooked !== '') continue;
      const target = position(header.expressions[0]);
      const init = initializedExpression(sourceCode, node.arguments[1]);
      const body = init?.type === 'ObjectExpression' ? findProperty(init, 'body') : undefined;
      const sent = body && unwrapExpression(body);
      const json = sent?.type === 'CallExpression' && sent.callee.type === 'MemberExpression' && memberName(sent.callee) === 'stringify' ? position(sent.arguments[0]) : -1;
      if (target >= 0 && json >= 0) found = { target, body: json };
      break;
    }
    jsonHelperCache(sourceCode).set(fn, found);
  }
  return found ?? undefined;
}

/** `kmsCall('Decrypt', { CiphertextBlob })` of such a helper: the operation its literal names, and where the body is. */
function awsKmsJsonHelperCall(sourceCode: SourceCode, call: TSESTree.CallExpression): Pick<VaultTransitCall, 'endpoint' | 'bodyIndex'> | undefined {
  const helper = localFunctionOf(sourceCode, call.callee);
  const shape = helper && awsKmsJsonHelper(sourceCode, helper);
  const name = shape ? call.arguments[shape.target] : undefined;
  const endpoint = name?.type === 'Literal' && typeof name.value === 'string' ? awsKmsOperationNamed(name.value) : undefined;
  return endpoint && shape ? { endpoint, bodyIndex: shape.body } : undefined;
}

function endpointOf(sourceCode: SourceCode, arg: TSESTree.Node): VaultTransitEndpoint | undefined {
  const node = initializedExpression(sourceCode, arg);
  if (!node) return undefined;
  const text = node.type === 'Literal' && typeof node.value === 'string' ? node.value : node.type === 'TemplateLiteral' ? node.quasis.map((q) => q.value.cooked ?? '').join('${}') : undefined;
  const match = text === undefined ? null : VAULT_TRANSIT_PATH.exec(text);
  return match ? VAULT_TRANSIT_ENDPOINTS[match[1]] : undefined;
}

/**
 * The value sent in the request body's `field`: `{ plaintext }` as the body (node-vault, axios),
 * inside `json:`/`data:`/`body:` options (got, fetch), or under `JSON.stringify(…)`.
 */
export function requestFieldValue(call: VaultTransitCall, field: string): TSESTree.Node | undefined {
  const search = (raw: TSESTree.Node, depth: number): TSESTree.Node | undefined => {
    const node = unwrapExpression(raw);
    if (depth > 5) return undefined;
    // `batch_input: [{ plaintext }, …]` or `rows.map((r) => ({ plaintext: … }))`: each batch item's field.
    if (node.type === 'ArrayExpression') {
      for (const element of node.elements) {
        const found = element && element.type !== 'SpreadElement' ? search(element, depth + 1) : undefined;
        if (found) return found;
      }
    }
    const mapped = mappedResults(node);
    for (const result of mapped) {
      const found = search(result, depth + 1);
      if (found) return found;
    }
    if (node.type === 'ObjectExpression') {
      for (const p of node.properties) {
        if (p.type !== 'Property') continue;
        if (propertyName(p.key) === field) return p.value;
        const found = search(p.value, depth + 1);
        if (found) return found;
      }
    }
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'stringify' && node.arguments[0]) return search(node.arguments[0], depth + 1);
    return undefined;
  };
  for (const arg of call.node.arguments.slice(call.bodyIndex)) {
    const found = search(arg, 0);
    if (found) return found;
  }
  return undefined;
}

/**
 * The request body of an AWS KMS JSON API call as an object literal read whole: the `body` option's
 * `JSON.stringify({ … })` (or a constant bound to the literal); undefined when it is built some other way.
 */
export function jsonRequestBody(sourceCode: SourceCode, call: VaultTransitCall): TSESTree.ObjectExpression | undefined {
  const init = call.node.arguments[call.bodyIndex] && initializedExpression(sourceCode, call.node.arguments[call.bodyIndex]);
  if (call.bodyIsJson) return init?.type === 'ObjectExpression' ? init : undefined;
  if (init?.type !== 'ObjectExpression') return undefined;
  const body = findProperty(init, 'body');
  const value = body && unwrapExpression(body);
  if (value?.type !== 'CallExpression' || value.callee.type !== 'MemberExpression' || memberName(value.callee) !== 'stringify' || !value.arguments[0]) return undefined;
  const object = initializedExpression(sourceCode, value.arguments[0]);
  return object?.type === 'ObjectExpression' ? object : undefined;
}

/** What the callback of `xs.map(cb)`/`xs.flatMap(cb)` returns: the elements of the call's result. */
function mappedResults(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return [];
  const name = memberName(node.callee);
  const fn = node.arguments[0];
  if ((name !== 'map' && name !== 'flatMap') || !fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return [];
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: TSESTree.Node[] = [];
  for (const statement of fn.body.body) if (statement.type === 'ReturnStatement' && statement.argument) out.push(statement.argument);
  return out;
}

/**
 * Expressions that read the response's `field` (`res.data.plaintext`, `(await res.json()).data.plaintext`,
 * `const { data } = await axios.post(…)` then `data.data.plaintext`, destructured `{ data: { plaintext } }`):
 * the response is followed through `await`, `.json()`, `.data` and the variables that receive them.
 */
export function responseFieldRefs(sourceCode: SourceCode, call: VaultTransitCall, field: string): { node: TSESTree.Node; path: readonly string[] }[] {
  const out: { node: TSESTree.Node; path: readonly string[] }[] = [];
  const seen = new Set<unknown>();
  const follow = (id: TSESTree.Identifier, depth: number, inData: boolean) => {
    const variable = variableOf(sourceCode, id);
    if (!variable || seen.has(variable)) return;
    seen.add(variable);
    for (const ref of variable.references) if (ref.isRead()) track(ref.identifier as TSESTree.Node, depth + 1, inData);
  };
  const bind = (pattern: TSESTree.Node, depth: number, inData: boolean) => {
    if (pattern.type === 'Identifier') follow(pattern, depth, inData);
    else if (pattern.type === 'ObjectPattern') {
      for (const p of pattern.properties) {
        if (p.type !== 'Property') continue;
        const name = propertyName(p.key);
        const value = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
        if (name === field && value.type === 'Identifier') {
          const variable = variableOf(sourceCode, value);
          for (const ref of variable?.references ?? []) if (ref.isRead()) out.push({ node: ref.identifier as TSESTree.Node, path: [] });
        } else if (name === 'data') bind(value, depth + 1, true);
      }
    }
  };
  const track = (start: TSESTree.Node, depth: number, inData: boolean): void => {
    if (depth > 6) return;
    const node = climbTypeWrappers(start, { await: true, chain: true });
    const parent = node.parent;
    if (!parent) return;
    if (parent.type === 'MemberExpression' && parent.object === node) {
      const name = memberName(parent);
      if (name === field) out.push({ node: parent, path: [] });
      else if (name === 'data') track(parent, depth + 1, true);
      else if (name === 'json' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) track(parent.parent, depth + 1, false);
      return;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node) bind(parent.id, depth, inData);
    else if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') follow(parent.left, depth, inData);
    // `insertOne({ ...data })`, `logger.info(data)`: the response's `data` object goes on whole, the field with it.
    else if (inData) out.push({ node, path: [field] });
  };
  track(call.node, 0, false);
  return out;
}
