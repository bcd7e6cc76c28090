import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../analysis/code-paths';
import type { SourceCode } from '../analysis/scope';

/**
 * The "add an encryption context" suggestion of `kms-require-encryption-context`:
 * a context built from identifiers in scope that name what the ciphertext protects
 * (`tenantId`, `userId`, `recordId`…, the enclosing function's parameters), else the
 * function's name as a purpose label. AWS takes a string map (`EncryptionContext`);
 * Google Cloud KMS takes bytes (`additionalAuthenticatedData`).
 */

/** Parameter names that identify the protected thing (not the payload). */
const CONTEXT_NAME = /^(?:id|tenant|user|account|owner|org|record|document|file|purpose|kind|type)$|(?:Id|ID|Uuid|Key(?:Name)?Id)$|^(?:tenant|user|account|owner|org|record|document|file)[A-Z]/;

export interface ContextFix {
  text: string;
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
  /**
   * The context is the enclosing function's name as a purpose label (no id-like parameter): the
   * other side of the round trip, in another function, would get another label and stop decrypting.
   */
  functionLabel: boolean;
}

export function addContextFix(sourceCode: SourceCode, request: TSESTree.ObjectExpression, field: string, existing?: TSESTree.Node): ContextFix | undefined {
  const found = contextEntries(request);
  if (!found) return undefined;
  const { entries, functionLabel } = found;
  const map = `{ ${entries.join(', ')} }`;
  const value = field === 'additionalAuthenticatedData' ? `Buffer.from(JSON.stringify(${map}))` : map;
  if (existing) return { text: `${field}: ${value}`, functionLabel, fix: (fixer) => fixer.replaceText(existing, value) };
  const last = request.properties[request.properties.length - 1];
  if (!last) return { text: `${field}: ${value}`, functionLabel, fix: (fixer) => fixer.replaceText(request, `{ ${field}: ${value} }`) };
  const trailingComma = sourceCode.getTokenAfter(last)?.value === ',';
  const anchor = trailingComma ? sourceCode.getTokenAfter(last)! : last;
  return { text: `${field}: ${value}`, functionLabel, fix: (fixer) => fixer.insertTextAfter(anchor, `${trailingComma ? '' : ','} ${field}: ${value}`) };
}

function contextEntries(request: TSESTree.Node): { entries: string[]; functionLabel: boolean } | undefined {
  const fn = enclosingFunction(request);
  if (!fn || fn.type === 'Program') return undefined;
  const entries: string[] = [];
  for (const param of fn.params) {
    const id = param.type === 'AssignmentPattern' ? param.left : param;
    if (id.type !== 'Identifier' || !CONTEXT_NAME.test(id.name) || entries.length >= 3) continue;
    const annotation = id.typeAnnotation?.typeAnnotation;
    // Only scalar values make a context (an object would become "[object Object]").
    if (annotation && annotation.type !== 'TSStringKeyword' && annotation.type !== 'TSNumberKeyword') continue;
    entries.push(annotation?.type === 'TSStringKeyword' ? id.name : `${id.name}: String(${id.name})`);
  }
  if (entries.length > 0) return { entries, functionLabel: false };
  const name = functionName(fn);
  return name ? { entries: [`purpose: '${name}'`], functionLabel: true } : undefined;
}

function functionName(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}
