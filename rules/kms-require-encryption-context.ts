import type { TSESTree } from '@typescript-eslint/utils';
import { getApiCalls, type ApiCall } from '../src/analysis/api-calls';
import { isNeverPassed } from '../src/analysis/call-sites';
import { enclosingFunction } from '../src/analysis/code-paths';
import { localFunctionOf, returnedExpressions } from '../src/analysis/local-functions';
import { findProperty, initializedExpression, isNoValue, memberName, mergedObjectLiterals, resolveObjectLiteral, unwrapExpression, variableOf } from '../src/analysis/scope';
import { resolveValues, stringValues } from '../src/analysis/values';
import { jsonRequestBody, vaultTransitCalls } from '../src/analysis/vault-transit';
import { addContextFix } from '../src/fix/kms-context';
import { createRule } from '../src/util/create-rule';

export type Options = [{ checkDecrypt?: boolean }];
export type MessageIds = 'missingContext' | 'addContext';

export default createRule<Options, MessageIds>({
  name: 'kms-require-encryption-context',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require an encryption context (additional authenticated data) on KMS Encrypt, Decrypt and GenerateDataKey calls',
      recommended: 'strict',
      cwe: [345],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkDecrypt: { type: 'boolean', description: 'Also report Decrypt calls without a context (a ciphertext made with a context only decrypts with it).' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingContext:
        '{{operation}} without `{{field}}`: bind the ciphertext to what it protects (tenant, record id, purpose) so it cannot be swapped or replayed elsewhere, and so KMS audit logs say what was decrypted. Pass the same context to Decrypt.',
      addContext:
        'Add `{{context}}`. Migration: ciphertexts made without this context only decrypt without it, and new ones only with it — every Decrypt of them must pass the same context (fall back to no context for old data while re-encrypting it).',
    },
  },
  defaultOptions: [{ checkDecrypt: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        for (const call of getApiCalls(sourceCode)) {
          const field = call.api.facts?.contextField;
          if (typeof field !== 'string') continue;
          const literal = requestObjects(call);
          const requests = literal && withSpreads(literal);
          if (!requests || !needsContext(call, requests)) continue;
          // An empty context (`EncryptionContext: {}`) or one bound to nothing (`undefined`) binds nothing: as bad as none.
          const given = call.args.find((arg) => arg.role === 'kms-context');
          const contexts = given ? [given.node] : requests.flatMap((object) => findProperty(object, field) ?? []);
          if (contexts.some((node) => !isEmptyObject(node) && !isNoValue(sourceCode, node) && !isEmptyBytes(node) && !isUnpassedParameter(node))) continue;
          const request = call.node.arguments[0] && resolveObjectLiteral(sourceCode, call.node.arguments[0]);
          // A parameter no caller passes is fixed where the helper is called, not by a constant inside it.
          const fixable = request && call.library.id !== '@azure/keyvault-keys' && !contexts.some(isUnpassedParameter);
          const proposed = fixable ? addContextFix(sourceCode, request, field, given?.node) : undefined;
          // Encrypt and Decrypt must pass the same context: a label named after this function only
          // fits when the other side of the round trip in this file sits in the same function.
          const fix = proposed && (!proposed.functionLabel || otherSideInSameFunction(call)) ? proposed : undefined;
          context.report({
            node: call.node,
            messageId: 'missingContext',
            data: { operation: operationName(call), field },
            suggest: fix ? [{ messageId: 'addContext', data: { context: fix.text }, fix: fix.fix }] : [],
          });
        }
        // AWS KMS's JSON API over a signed `fetch`: the same operations, the context in the JSON body.
        for (const call of vaultTransitCalls(sourceCode)) {
          const field = call.endpoint.contextField;
          if (call.service !== 'aws-kms' || !field || (call.endpoint.operation === 'decrypt' && !options.checkDecrypt)) continue;
          const body = jsonRequestBody(sourceCode, call);
          const requests = body && withSpreads([body]);
          if (!requests) continue;
          const contexts = requests.flatMap((object) => findProperty(object, field) ?? []);
          if (contexts.some((node) => !isEmptyObject(node) && !isNoValue(sourceCode, node))) continue;
          context.report({ node: call.node, messageId: 'missingContext', data: { operation: call.endpoint.name ?? 'KMS call', field } });
        }
      },
    };

    function otherSideInSameFunction(call: ApiCall): boolean {
      const opening = call.api.operation === 'decrypt';
      const fn = enclosingFunction(call.node);
      return getApiCalls(sourceCode).every((other) => {
        if (other.library.id !== call.library.id || typeof other.api.facts?.contextField !== 'string') return true;
        if (!['encrypt', 'decrypt', 'keygen'].includes(other.api.operation) || (other.api.operation === 'decrypt') === opening) return true;
        return enclosingFunction(other.node) === fn;
      });
    }

    /**
     * `{}`, or a constant bound to `{}` that nothing fills in (`ctx.tenantId = id` and `Object.assign(ctx, …)` build a context);
     * also a literal made only of spreads of such objects (`{ ...BASE_CONTEXT }` with `BASE_CONTEXT = {}` adds no pair).
     */
    function isEmptyObject(node: TSESTree.Node, depth = 0): boolean {
      const object = resolveObjectLiteral(sourceCode, node);
      if (!object && !madeEmpty(node)) return false;
      if (object && !object.properties.every((p) => p.type === 'SpreadElement' && depth < 3 && isEmptyObject(p.argument, depth + 1))) return false;
      const id = unwrapExpression(node);
      const variable = id.type === 'Identifier' ? variableOf(sourceCode, id) : undefined;
      return !variable?.references.some((ref) => fillsObject(ref.identifier as TSESTree.Node));
    }

    /** `Object.create(null)` or `new Object()`, written there or through a binding it initialises: an object with no pair yet. */
    function madeEmpty(node: TSESTree.Node): boolean {
      const expr = unwrapExpression(node);
      const made = expr.type === 'Identifier' ? initializedExpression(sourceCode, expr) : expr;
      if (made?.type === 'NewExpression') return made.callee.type === 'Identifier' && made.callee.name === 'Object' && made.arguments.length === 0;
      if (made?.type !== 'CallExpression' || made.arguments.length !== 1) return false;
      const callee = unwrapExpression(made.callee);
      const proto = made.arguments[0];
      return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && memberName(callee) === 'create' && proto.type === 'Literal' && proto.value === null;
    }

    /**
     * Zero bytes of additional authenticated data (`Buffer.alloc(0)`, `Buffer.from('')`, `new Uint8Array(0)`),
     * written there or through a constant: like `{}`, it binds the ciphertext to nothing.
     */
    function isEmptyBytes(node: TSESTree.Node): boolean {
      const resolution = resolveValues({ sourceCode }, node);
      return resolution.complete && resolution.values.length > 0 && resolution.values.every((v) => v.kind === 'bytes' && (v.value as Uint8Array).length === 0);
    }

    /**
     * `EncryptionContext: context` where `context` is a parameter of a helper of this file that no call passes
     * (`unwrap(blob)` for `unwrap(blob, context?)`): every request it makes goes without one.
     */
    function isUnpassedParameter(node: TSESTree.Node): boolean {
      const id = unwrapExpression(node);
      const def = id.type === 'Identifier' ? variableOf(sourceCode, id)?.defs[0] : undefined;
      if (def?.type !== 'Parameter' || def.name.type !== 'Identifier') return false;
      return isNeverPassed(sourceCode, def.name, (arg) => isNoValue(sourceCode, arg));
    }

    function fillsObject(ref: TSESTree.Node): boolean {
      const parent = ref.parent;
      if (parent?.type === 'MemberExpression' && parent.object === ref) return parent.parent?.type === 'AssignmentExpression' && parent.parent.left === parent;
      if (parent?.type !== 'CallExpression' || parent.arguments[0] !== ref) return false;
      const callee = unwrapExpression(parent.callee);
      return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && memberName(callee) === 'assign';
    }

    /**
     * The object literals the request is: the literal itself (or a constant bound to one), the literals
     * an `Object.assign({}, …)` merges, or every object a local helper returns (`new GenerateDataKeyCommand(dataKeyRequest(kek))`).
     */
    function requestObjects(call: ApiCall): TSESTree.ObjectExpression[] | undefined {
      const request = call.node.arguments[0];
      if (!request) return undefined;
      const object = resolveObjectLiteral(sourceCode, request);
      if (object) return [object];
      // `Object.assign({}, DEFAULTS, { CiphertextBlob })`: every merged literal is part of the request.
      const merged = mergedObjectLiterals(sourceCode, request);
      if (merged) return merged;
      const inner = unwrapExpression(request);
      const helper = inner.type === 'CallExpression' ? localFunctionOf(sourceCode, inner.callee) : undefined;
      const returned = helper && returnedExpressions(helper);
      const objects = returned?.map((node) => resolveObjectLiteral(sourceCode, node));
      return objects && objects.every((o) => o !== undefined) ? (objects as TSESTree.ObjectExpression[]) : undefined;
    }

    /**
     * The request objects with the objects they spread in (`{ ...BASE, CiphertextBlob }`), when each of
     * those is a literal read whole that nothing fills in later; undefined when one is not.
     */
    function withSpreads(objects: readonly TSESTree.ObjectExpression[], depth = 0): TSESTree.ObjectExpression[] | undefined {
      const out: TSESTree.ObjectExpression[] = [];
      for (const object of objects) {
        out.push(object);
        for (const p of object.properties) {
          if (p.type !== 'SpreadElement') continue;
          const spread = depth < 3 ? resolveObjectLiteral(sourceCode, p.argument) : undefined;
          const id = unwrapExpression(p.argument);
          const filled = id.type === 'Identifier' && variableOf(sourceCode, id)?.references.some((ref) => fillsObject(ref.identifier as TSESTree.Node));
          const inner = spread && !filled ? withSpreads([spread], depth + 1) : undefined;
          if (!inner) return undefined;
          out.push(...inner);
        }
      }
      return out;
    }

    /** Only when the request is made of object literals we can read whole (spreads of such literals included; not a parameter). */
    function needsContext(call: ApiCall, requests: readonly TSESTree.ObjectExpression[]): boolean {
      if (call.api.operation !== 'encrypt' && call.api.operation !== 'decrypt' && call.api.operation !== 'keygen') return false;
      if (call.api.operation === 'decrypt' && !options.checkDecrypt) return false;
      const request = call.node.arguments[0];
      // Azure Key Vault authenticates additional data only with AES-GCM keys.
      if (call.library.id === '@azure/keyvault-keys') {
        const algorithm = call.args.find((a) => a.role === 'algorithm' && a.address === '0.algorithm');
        return !!algorithm && stringValues({ sourceCode }, algorithm.node).some((v) => /GCM/i.test(String(v.value)));
      }
      return !!request;
    }
  },
});

function operationName(call: ApiCall): string {
  const name = call.api.path[call.api.path.length - 1] ?? 'KMS call';
  return name.replace(/Command$/, '');
}
