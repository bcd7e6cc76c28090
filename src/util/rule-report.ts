import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ApiArg, ApiCall } from '../analysis/api-calls';
import { memberName, unwrapExpression } from '../analysis/scope';
import type { Constant } from '../analysis/values';

/** Is the node part of the file being linted (not a value read from another file)? */
export function isInFile(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  return node.range[1] <= sourceCode.text.length && sourceCode.ast.range[0] <= node.range[0];
}

/**
 * Where a finding about a constant goes (conventions.md): the expression where
 * the constant is written when it is in this file, else the sink argument.
 */
export function reportTarget(sourceCode: Readonly<TSESLint.SourceCode>, constant: Constant, sinkArg: TSESTree.Node): TSESTree.Node {
  return !constant.external && isInFile(sourceCode, constant.origin) ? constant.origin : sinkArg;
}

/** The callee of a sink call, for findings about the call itself (`createCipher(…)` → on `createCipher`). */
export function calleeOf(call: ApiCall): TSESTree.Node {
  const node = call.node;
  const callee = unwrapExpression(node.callee);
  return callee.type === 'MemberExpression' ? callee.property : callee;
}

/**
 * What an argument is used by, and where, for messages: the call (`createCipheriv()`, line
 * of the call) or, for a value assigned to a property of the call's result, that
 * assignment (`koa app.keys`, line of the assignment).
 */
export function describeArgUse(call: ApiCall, arg: ApiArg): { sink: string; line: number } {
  const assignment = arg.address.startsWith('=') ? arg.node.parent : undefined;
  if (assignment?.type === 'AssignmentExpression' && assignment.left.type === 'MemberExpression') {
    const object = assignment.left.object;
    const target = [object.type === 'Identifier' ? object.name : object.type === 'ThisExpression' ? 'this' : '…', memberName(assignment.left)].join('.');
    return { sink: `${call.library.id} ${target}`, line: assignment.loc.start.line };
  }
  return { sink: describeCall(call), line: call.node.loc.start.line };
}

/** `createCipheriv()`, `crypto-js AES.encrypt()`, `subtle.encrypt()`, `new koa()`. */
export function describeCall(call: ApiCall): string {
  const path = call.api.path;
  if (path.length === 0) return call.api.kind === 'construct' ? `new ${call.library.id}()` : `${call.library.id}()`;
  const name = call.receiver ? path[path.length - 1] : path.join('.');
  if (call.library.id === 'node:crypto') return `${name}()`;
  if (call.library.id === 'webcrypto') return `subtle.${name}()`;
  return `${call.library.id} ${name}()`;
}

/** A reporter that reports each node at most once (one finding per offending constant). */
export function reportOncePerNode<T extends string>(report: (descriptor: TSESLint.ReportDescriptor<T>) => void) {
  const seen = new Set<TSESTree.Node>();
  const reportOnce = (descriptor: TSESLint.ReportDescriptor<T> & { node: TSESTree.Node }) => {
    if (seen.has(descriptor.node)) return;
    seen.add(descriptor.node);
    report(descriptor);
  };
  /** Already reported: lets a caller skip building suggestions that would be dropped. */
  return Object.assign(reportOnce, { has: (node: TSESTree.Node) => seen.has(node) });
}
