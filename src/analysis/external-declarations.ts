import type { TSESTree } from '@typescript-eslint/utils';
import { aliasedSymbolAt, typeInformationAt } from './typescript-module';
import type { ResolveContext } from './values';

/** What another file says about an imported binding: where it is declared, its `@keyPurpose` tag, the env var it reads. */
export interface ExternalDeclaration {
  /** `path/to/file.ts#name`: the same key however it is imported. */
  id: string;
  keyPurpose?: string;
  envVar?: string;
}

/**
 * Follows an imported identifier to its declaration in another file through
 * TypeScript's checker (only when the file was linted with type information).
 */
export function externalDeclaration(ctx: ResolveContext, node: TSESTree.Identifier): ExternalDeclaration | undefined {
  try {
    const info = typeInformationAt(ctx.parserServices, node);
    if (!info) return undefined;
    const { typescript, checker, tsNode } = info;
    const symbol = aliasedSymbolAt(typescript, checker, tsNode);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration || declaration.getSourceFile() === tsNode.getSourceFile()) return undefined;
    const tagged = typescript.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    const tag = typescript.getJSDocTags(tagged).concat(typescript.getJSDocTags(declaration)).find((t) => t.tagName.text === 'keyPurpose');
    const comment = tag && (typeof tag.comment === 'string' ? tag.comment : tag.comment?.map((c) => c.text).join(''));
    let envVar: string | undefined;
    if (typescript.isVariableDeclaration(declaration) && declaration.initializer) {
      const text = declaration.initializer.getText();
      envVar = /process\.env\.([A-Za-z_][\w]*)/.exec(text)?.[1];
    }
    return { id: `${declaration.getSourceFile().fileName}#${symbol!.name}`, keyPurpose: comment?.trim().split(/\s+/)[0], envVar };
  } catch {
    return undefined;
  }
}
