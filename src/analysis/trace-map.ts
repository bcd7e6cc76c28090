import { ASTUtils } from '@typescript-eslint/utils';
import type { ApiModel, LibraryModel } from '../model/types';

const { ReferenceTracker } = ASTUtils;

/** What the tracker hands back for a modelled call. */
export interface TraceInfo {
  library: LibraryModel;
  api: ApiModel;
}

/** A nested trace map in the shape ESLint's ReferenceTracker expects. */
export type TraceMap = { [key: string]: TraceMap } & {
  [ReferenceTracker.CALL]?: TraceInfo;
  [ReferenceTracker.CONSTRUCT]?: TraceInfo;
  [ReferenceTracker.ESM]?: true;
};

export interface TraceMaps {
  /** Keyed by module specifier (`crypto`, `node-forge`). */
  modules: TraceMap;
  /**
   * `modules` as the tracker's legacy mode sees an import: a CommonJS module
   * (no ESM flag) is also its own `default` export. Built once here because the
   * tracker otherwise builds that object for every import specifier of every
   * file (a copy of `node:crypto`'s whole map per imported name).
   */
  importedModules: TraceMap;
  /** Keyed by global name (`crypto`, `Math`). */
  globals: TraceMap;
  /** Reverse index: `module\0path.joined` / `global\0path` → api, for promisify/alias lookups. */
  byPath: Map<string, TraceInfo>;
}

function child(map: TraceMap, key: string): TraceMap {
  if (!Object.prototype.hasOwnProperty.call(map, key)) map[key] = {} as TraceMap;
  return map[key];
}

function insert(root: TraceMap, path: readonly string[], info: TraceInfo): void {
  let node = root;
  for (const key of path) node = child(node, key);
  const slot = info.api.kind === 'construct' ? ReferenceTracker.CONSTRUCT : ReferenceTracker.CALL;
  // First table wins; tables must not model one path twice.
  if (!node[slot]) node[slot] = info;
}

/** Strips `provides` from an API path; undefined when the root does not provide this API. */
function relativePath(apiPath: readonly string[], provides: readonly string[] = []): string[] | undefined {
  if (provides.length > apiPath.length) return undefined;
  for (let i = 0; i < provides.length; i++) if (apiPath[i] !== provides[i]) return undefined;
  return apiPath.slice(provides.length);
}

export function pathKey(scope: 'module' | 'global', first: string, rest: readonly string[]): string {
  return `${scope}\0${first}\0${rest.join('.')}`;
}

/** Builds the trace maps once for all libraries (pure function of the tables). */
export function buildTraceMaps(libraries: readonly LibraryModel[]): TraceMaps {
  const modules = {} as TraceMap;
  const globals = {} as TraceMap;
  const byPath = new Map<string, TraceInfo>();
  for (const library of libraries) {
    for (const root of library.roots) {
      for (const api of library.apis) {
        const rest = relativePath(api.path, root.provides);
        if (!rest) continue;
        const info: TraceInfo = { library, api };
        if ('module' in root) {
          const full = [...(root.at ?? []), ...rest];
          const moduleMap = child(modules, root.module);
          if (root.esm) moduleMap[ReferenceTracker.ESM] = true;
          insert(moduleMap, full, info);
          if (!byPath.has(pathKey('module', root.module, full))) byPath.set(pathKey('module', root.module, full), info);
        } else {
          const full = [...root.global, ...rest];
          if (full.length === 0) continue;
          insert(globals, full, info);
          if (!byPath.has(pathKey('global', full[0], full.slice(1)))) byPath.set(pathKey('global', full[0], full.slice(1)), info);
        }
      }
    }
  }
  return { modules, globals, byPath, importedModules: asImported(modules) };
}

/** What `ReferenceTracker.iterateEsmReferences` in legacy mode makes of each module's map, made once (see TraceMaps). */
function asImported(modules: TraceMap): TraceMap {
  const imported = {} as TraceMap;
  for (const [id, map] of Object.entries(modules)) {
    imported[id] = map[ReferenceTracker.ESM] ? map : ({ default: map, ...map, [ReferenceTracker.ESM]: true } as TraceMap);
  }
  return imported;
}
