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
}

export function addContextFix(sourceCode: SourceCode, request: TSESTree.ObjectExpression, field: string, existing?: TSESTree.Node): ContextFix | undefined {
  const entries = contextEntries(request);
  if (!entries) return undefined;
  const map = `{ ${entries.join(', ')} }`;
  const value = field === 'additionalAuthenticatedData' ? `Buffer.from(JSON.stringify(${map}))` : map;
  if (existing) return { text: `${field}: ${value}`, fix: (fixer) => fixer.replaceText(existing, value) };
  const last = request.properties[request.properties.length - 1];
  if (!last) return { text: `${field}: ${value}`, fix: (fixer) => fixer.replaceText(request, `{ ${field}: ${value} }`) };
  const trailingComma = sourceCode.getTokenAfter(last)?.value === ',';
  const anchor = trailingComma ? sourceCode.getTokenAfter(last)! : last;
  return { text: `${field}: ${value}`, fix: (fixer) => fixer.insertTextAfter(anchor, `${trailingComma ? '' : ','} ${field}: ${value}`) };
}

function contextEntries(request: TSESTree.Node): string[] | undefined {
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
  if (entries.length > 0) return entries;
  const name = functionName(fn);
  return name ? [`purpose: '${name}'`] : undefined;
}

function functionName(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}
