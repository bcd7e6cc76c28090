import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { aliasedSymbolAt, typeInformationAt } from './typescript-module';
import type { ResolveContext } from './values';

/** What another file says about an imported binding: where it is declared, its `@keyPurpose` tag, the env var it reads. */
export interface ExternalDeclaration {
  /** `path/to/file.ts#name`: the same key however it is imported. */
  id: string;
  keyPurpose?: string;
  envVar?: string;
}

/** The declaration an imported identifier names in another file (through import aliases), read with TypeScript's checker. */
function declarationInOtherFile(ctx: ResolveContext, node: TSESTree.Identifier) {
  const info = typeInformationAt(ctx.parserServices, node);
  if (!info) return undefined;
  const { typescript, checker, tsNode } = info;
  const symbol = aliasedSymbolAt(typescript, checker, tsNode);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!symbol || !declaration || declaration.getSourceFile() === tsNode.getSourceFile()) return undefined;
  return { typescript, checker, symbol, declaration };
}

/**
 * Follows an imported identifier to its declaration in another file through
 * TypeScript's checker (only when the file was linted with type information).
 */
export function externalDeclaration(ctx: ResolveContext, node: TSESTree.Identifier): ExternalDeclaration | undefined {
  try {
    const found = declarationInOtherFile(ctx, node);
    if (!found) return undefined;
    const { typescript, symbol, declaration } = found;
    const tagged = typescript.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    const tag = typescript.getJSDocTags(tagged).concat(typescript.getJSDocTags(declaration)).find((t) => t.tagName.text === 'keyPurpose');
    const comment = tag && (typeof tag.comment === 'string' ? tag.comment : tag.comment?.map((c) => c.text).join(''));
    let envVar: string | undefined;
    if (typescript.isVariableDeclaration(declaration) && declaration.initializer) {
      const text = declaration.initializer.getText();
      envVar = /process\.env\.([A-Za-z_][\w]*)/.exec(text)?.[1];
    }
    return { id: `${declaration.getSourceFile().fileName}#${symbol.name}`, keyPurpose: comment?.trim().split(/\s+/)[0], envVar };
  } catch {
    return undefined;
  }
}

/** A module's export, named the way the model's trace maps name it (`@aws-sdk/client-kms` + `['KMS']`). */
export interface ImportedExport {
  module: string;
  path: string[];
}

/**
 * The class an imported binding was built from in its own file, when that file makes it with `new` of
 * an import (`export const kms = new KMS({ region })` in lib/aws.ts, or `export default new KMS({})`; `import { KMS } from
 * '@aws-sdk/client-kms'` there): shared clients live in one module and are imported by the services
 * that call them. Read through TypeScript's checker, so only with type information.
 */
export function externalConstructor(ctx: ResolveContext, node: TSESTree.Identifier): ImportedExport | undefined {
  try {
    const found = declarationInOtherFile(ctx, node);
    if (!found) return undefined;
    const { typescript, checker, declaration } = found;
    let init: ts.Expression;
    // `export default new KMSClient({})`
    if (typescript.isExportAssignment(declaration) && !declaration.isExportEquals) init = declaration.expression;
    else {
      if (!typescript.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
      // A `let` could be replaced by anything before it is used.
      if (!(declaration.parent.flags & typescript.NodeFlags.Const)) return undefined;
      init = declaration.initializer;
    }
    // `new KMS({}) as KMS`, `(new KMS({}))`, `new KMS({})!`
    while (typescript.isParenthesizedExpression(init) || typescript.isAsExpression(init) || typescript.isNonNullExpression(init) || typescript.isSatisfiesExpression(init)) init = init.expression;
    return typescript.isNewExpression(init) ? importedExport(typescript, checker, init.expression) : undefined;
  } catch {
    return undefined;
  }
}

/** What `KMS`, `AWS.KMS` or `kmsNs.KMS` names in its own file, by its import declaration. */
function importedExport(typescript: typeof ts, checker: ts.TypeChecker, expression: ts.Expression, depth = 0): ImportedExport | undefined {
  if (depth > 3) return undefined;
  if (typescript.isPropertyAccessExpression(expression)) {
    const base = importedExport(typescript, checker, expression.expression, depth + 1);
    return base && { module: base.module, path: [...base.path, expression.name.text] };
  }
  if (!typescript.isIdentifier(expression)) return undefined;
  const declaration = checker.getSymbolAtLocation(expression)?.declarations?.[0];
  if (!declaration) return undefined;
  const importDeclaration = typescript.isImportSpecifier(declaration)
    ? declaration.parent.parent.parent
    : typescript.isNamespaceImport(declaration)
      ? declaration.parent.parent
      : typescript.isImportClause(declaration)
        ? declaration.parent
        : undefined;
  if (!importDeclaration || !typescript.isStringLiteral(importDeclaration.moduleSpecifier)) return undefined;
  const module = importDeclaration.moduleSpecifier.text;
  if (!typescript.isImportSpecifier(declaration)) return { module, path: [] };
  const imported = (declaration.propertyName ?? declaration.name).text;
  return { module, path: imported === 'default' ? [] : [imported] };
}
