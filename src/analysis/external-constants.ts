import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { aliasedSymbolAt, typeInformationAt } from './typescript-module';
import type { Constant, ResolveContext } from './values';

/**
 * Constants defined in another file, read through TypeScript's type checker
 * when the file was linted with type information (`parserOptions.project` or
 * `projectService`). Without it, imported values stay unknown: precise, not guessed.
 */
export function externalConstant(ctx: ResolveContext, node: TSESTree.Node): Constant | undefined {
  try {
    const info = typeInformationAt(ctx.parserServices, node);
    if (!info) return undefined;
    const { typescript, checker, tsNode } = info;
    const target = typescript.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
    const symbol = aliasedSymbolAt(typescript, checker, target);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration || declaration.getSourceFile() === tsNode.getSourceFile()) return undefined;
    // A member of an object whose declared type is an interface (`export const settings: Settings = { jwt: { secret: '…' } }`)
    // resolves to the interface's property signature: read the member from the object's initializer instead.
    const initializer = constantInitializer(typescript, declaration) ?? declaredObjectMember(typescript, checker, tsNode);
    const value = initializer && evaluate(typescript, initializer);
    if (!value) return undefined;
    return { ...value, origin: node, external: true };
  } catch {
    return undefined;
  }
}


/** The initializer of a declaration that cannot change: `export const X = …`, readonly/static fields, object members of a const. */
function constantInitializer(typescript: typeof ts, declaration: ts.Declaration): ts.Expression | undefined {
  if (typescript.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    return typescript.isVariableDeclarationList(list) && list.flags & typescript.NodeFlags.Const ? declaration.initializer : undefined;
  }
  if (typescript.isPropertyAssignment(declaration)) return declaration.initializer;
  if (typescript.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (typescript.isEnumMember(declaration)) return declaration.initializer;
  return undefined;
}

/**
 * `settings.jwt.secret` where `settings` is a `const` of another file initialised
 * with an object literal: the expression written for that member, followed
 * through nested object literals.
 */
function declaredObjectMember(typescript: typeof ts, checker: ts.TypeChecker, node: ts.Node): ts.Expression | undefined {
  const path: string[] = [];
  let root: ts.Node = node;
  while (typescript.isPropertyAccessExpression(root)) {
    path.unshift(root.name.text);
    root = root.expression;
  }
  if (path.length === 0 || !typescript.isIdentifier(root)) return undefined;
  const declaration = aliasedSymbolAt(typescript, checker, root)?.valueDeclaration;
  if (!declaration || declaration.getSourceFile() === node.getSourceFile()) return undefined;
  let current = typescript.isVariableDeclaration(declaration) ? constantInitializer(typescript, declaration) : undefined;
  for (const name of path) {
    current = current && unwrapTs(typescript, current);
    if (!current || !typescript.isObjectLiteralExpression(current)) return undefined;
    const member: ts.ObjectLiteralElementLike | undefined = current.properties.find(
      (p) => typescript.isPropertyAssignment(p) && (typescript.isIdentifier(p.name) || typescript.isStringLiteral(p.name)) && p.name.text === name,
    );
    current = member && typescript.isPropertyAssignment(member) ? member.initializer : undefined;
  }
  return current;
}

function unwrapTs(typescript: typeof ts, raw: ts.Expression): ts.Expression {
  let expr = raw;
  while (typescript.isAsExpression(expr) || typescript.isParenthesizedExpression(expr) || typescript.isSatisfiesExpression(expr)) expr = expr.expression;
  return expr;
}

type Evaluated = Omit<Constant, 'origin'>;

function evaluate(typescript: typeof ts, raw: ts.Expression): Evaluated | undefined {
  let expr = raw;
  while (typescript.isAsExpression(expr) || typescript.isParenthesizedExpression(expr) || typescript.isSatisfiesExpression(expr)) expr = expr.expression;
  if (typescript.isStringLiteral(expr) || typescript.isNoSubstitutionTemplateLiteral(expr)) return { kind: 'string', value: expr.text, text: expr.text };
  if (typescript.isNumericLiteral(expr)) return { kind: 'number', value: Number(expr.text) };
  // Buffer.from('…', 'hex') in a shared constants module.
  if (
    typescript.isCallExpression(expr) &&
    typescript.isPropertyAccessExpression(expr.expression) &&
    expr.expression.expression.getText() === 'Buffer' &&
    expr.expression.name.text === 'from' &&
    expr.arguments.length >= 1 &&
    typescript.isStringLiteralLike(expr.arguments[0])
  ) {
    const text = expr.arguments[0].text;
    const encodingArg = expr.arguments[1];
    const encoding = encodingArg && typescript.isStringLiteralLike(encodingArg) ? encodingArg.text : 'utf8';
    try {
      return { kind: 'bytes', value: Uint8Array.from(Buffer.from(text, encoding as BufferEncoding)), text, encoding };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
