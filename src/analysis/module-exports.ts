import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, type FunctionNode } from './expression-names';
import { memberName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * What a module exports, in both module systems: ESM `export` declarations and
 * specifiers, `export default`, and CommonJS `module.exports = …`,
 * `module.exports.x = …`, `exports.x = …` at the top level.
 */
export interface ModuleExports {
  /** The exported functions (declarations, function expressions, arrows, resolved through bindings and object literals). */
  functions: FunctionNode[];
  /** Exports that are not (or not evidently) functions: a class, a constant, a re-export from another file. */
  others: number;
}

const cache = new LintScopedWeakMap<TSESTree.Program, ModuleExports>();

export function moduleExports(sourceCode: SourceCode): ModuleExports {
  const program = sourceCode.ast;
  let found = cache.get(program);
  if (!found) {
    found = { functions: [], others: 0 };
    try {
      collect(sourceCode, program, found);
    } catch {
      found = { functions: [], others: 1 }; // unknown shape: claim nothing
    }
    cache.set(program, found);
  }
  return found;
}

function collect(sourceCode: SourceCode, program: TSESTree.Program, out: ModuleExports): void {
  const add = (node: TSESTree.Node | null | undefined) => {
    const fns = node ? functionsOf(sourceCode, node, 0) : undefined;
    if (fns) out.functions.push(...fns);
    else out.others++;
  };
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') add(statement.declaration);
    else if (isTypeOnlyExport(statement)) continue; // erased by the compiler: nothing exported at run time
    else if (statement.type === 'ExportAllDeclaration') out.others++;
    else if (statement.type === 'ExportNamedDeclaration') {
      if (statement.source) out.others += Math.max(1, statement.specifiers.length);
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration') add(declaration);
      else if (declaration?.type === 'VariableDeclaration') declaration.declarations.forEach((d) => add(d.init));
      else if (declaration) out.others++; // class, enum and other run-time declarations count as "something else"
      if (!statement.source) for (const spec of statement.specifiers) if (spec.exportKind !== 'type') add(spec.local);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && isCommonJsExport(statement.expression.left)) {
      // TypeScript's CommonJS output declares each export first: `exports.md5 = void 0;`
      if (!isVoidSlot(statement.expression.right)) add(statement.expression.right);
    }
  }
}

/**
 * `export type X = …`, `export interface X {…}`, `export type { X }`, `export type * from …`: types only,
 * which the compiler erases, so they say nothing about what the module hands out at run time.
 */
function isTypeOnlyExport(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === 'ExportAllDeclaration') return statement.exportKind === 'type';
  if (statement.type !== 'ExportNamedDeclaration') return false;
  if (statement.exportKind === 'type') return true;
  const declaration = statement.declaration;
  return declaration?.type === 'TSTypeAliasDeclaration' || declaration?.type === 'TSInterfaceDeclaration';
}

/** `void 0`, or a chain `exports.a = exports.b = void 0`. */
function isVoidSlot(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type === 'UnaryExpression') return expr.operator === 'void';
  return expr.type === 'AssignmentExpression' && isCommonJsExport(expr.left) && isVoidSlot(expr.right);
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isCommonJsExport(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type !== 'MemberExpression') return false;
  const object = unwrapExpression(expr.object);
  if (object.type === 'Identifier') return (object.name === 'module' && memberName(expr) === 'exports') || object.name === 'exports';
  return object.type === 'MemberExpression' && isCommonJsExport(object);
}

/** The functions a value denotes: a function, a binding of one, or an object literal whose every member is one. */
function functionsOf(sourceCode: SourceCode, raw: TSESTree.Node, depth: number): FunctionNode[] | undefined {
  if (depth > 4) return undefined;
  const node = unwrapExpression(raw);
  if (isFunction(node)) return [node];
  if (node.type === 'Identifier') {
    const variable = variableOf(sourceCode, node);
    const def = variable?.defs[0];
    if (def?.type === 'FunctionName' && isFunction(def.node)) return [def.node];
    const init = variable && singleInitializer(variable);
    return init ? functionsOf(sourceCode, init, depth + 1) : undefined;
  }
  if (node.type === 'ObjectExpression') {
    const fns: FunctionNode[] = [];
    for (const prop of node.properties) {
      const inner = prop.type === 'Property' ? functionsOf(sourceCode, prop.value, depth + 1) : undefined;
      if (!inner) return undefined;
      fns.push(...inner);
    }
    return fns;
  }
  return undefined;
}

/** Is `fn` one of the module's exports? */
export function isExportedFunction(sourceCode: SourceCode, fn: FunctionNode): boolean {
  return moduleExports(sourceCode).functions.includes(fn);
}
