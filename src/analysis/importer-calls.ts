import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { programFilesMentioning } from './program-files';
import { aliasedSymbolAt, tsDescendants, typeInformationAt } from './typescript-module';
import type { ResolveContext } from './values';

/** A call of a function of this file, made in another file of the program. */
export interface ImporterCall {
  /** The other file, relative to this one's directory (`../auth/login.ts`). */
  file: string;
  line: number;
  /** Identifier and property names of the arguments (`user.password` → `user`, `password`). */
  argumentNames: string[];
  /** Names around the call: the binding its result goes to, the enclosing functions. */
  contextNames: string[];
}

const MAX_CALLS = 64;

/**
 * Calls of `fn` (an exported function of the linted file) in the other files of the
 * TypeScript program, when the file was linted with type information; [] without it.
 * Only files that import this one (by a module specifier resolving to it) are walked.
 */
export function callsFromImporters(ctx: ResolveContext, fn: TSESTree.Node): ImporterCall[] {
  try {
    const info = typeInformationAt(ctx.parserServices, fn);
    if (!info) return [];
    const { typescript, program, checker, tsNode: target } = info;
    const own = target.getSourceFile();
    const stem = path.basename(own.fileName).replace(/\.[cm]?[jt]sx?$/, '');
    const out: ImporterCall[] = [];
    for (const file of programFilesMentioning(program, own, stem)) {
      if (!importsFile(typescript, checker, file, own)) continue;
      for (const node of tsDescendants(typescript, file)) {
        if (out.length >= MAX_CALLS) return out;
        if (typescript.isCallExpression(node) && callsTarget(typescript, checker, node, own, target)) out.push(describe(typescript, node, own));
      }
    }
    return out;
  } catch {
    return [];
  }
}

function importsFile(typescript: typeof ts, checker: ts.TypeChecker, file: ts.SourceFile, own: ts.SourceFile): boolean {
  return file.statements.some((statement) => {
    const specifier = typescript.isImportDeclaration(statement)
      ? statement.moduleSpecifier
      : typescript.isImportEqualsDeclaration(statement) && typescript.isExternalModuleReference(statement.moduleReference)
        ? statement.moduleReference.expression
        : undefined;
    const module = specifier && checker.getSymbolAtLocation(specifier);
    return module?.valueDeclaration?.getSourceFile() === own;
  });
}

/** `md5(x)` / `hash.md5(x)` whose callee resolves (through import aliases) to a declaration that holds `target`. */
function callsTarget(typescript: typeof ts, checker: ts.TypeChecker, call: ts.CallExpression, own: ts.SourceFile, target: ts.Node): boolean {
  const callee = typescript.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  if (!typescript.isIdentifier(callee)) return false;
  const declarations = aliasedSymbolAt(typescript, checker, callee)?.declarations ?? [];
  return declarations.some((d) => d.getSourceFile() === own && d.getStart() <= target.getStart() && target.end <= d.end);
}

function describe(typescript: typeof ts, call: ts.CallExpression, own: ts.SourceFile): ImporterCall {
  const file = call.getSourceFile();
  const argumentNames: string[] = [];
  for (const argument of call.arguments) {
    for (const node of tsDescendants(typescript, argument)) {
      if (argumentNames.length > 24) break;
      if (typescript.isIdentifier(node)) argumentNames.push(node.text);
    }
  }
  const contextNames: string[] = [];
  for (let n: ts.Node | undefined = call.parent; n && contextNames.length < 6; n = n.parent) {
    if ((typescript.isVariableDeclaration(n) || typescript.isFunctionDeclaration(n) || typescript.isMethodDeclaration(n) || typescript.isPropertyAssignment(n)) && n.name && typescript.isIdentifier(n.name)) {
      contextNames.push(n.name.text);
    }
    if (typescript.isBinaryExpression(n) && n.operatorToken.kind === typescript.SyntaxKind.EqualsToken) {
      const left = n.left;
      if (typescript.isIdentifier(left)) contextNames.push(left.text);
      else if (typescript.isPropertyAccessExpression(left)) contextNames.push(left.name.text);
    }
  }
  return {
    file: path.relative(path.dirname(own.fileName), file.fileName) || path.basename(file.fileName),
    line: file.getLineAndCharacterOfPosition(call.getStart()).line + 1,
    argumentNames,
    contextNames,
  };
}

