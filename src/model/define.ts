import type { ApiModel, ArgAddress, ArgRole, Operation } from './types';

export type Args = Partial<Record<ArgAddress, ArgRole>>;
type Extra = Pick<ApiModel, 'returns' | 'deprecated' | 'facts'>;

/** `call('subtle.encrypt', 'encrypt', { 0.iv: 'iv', 1: 'key' })` — a terse table row. */
export function call(path: string, operation: Operation, args: Args = {}, extra: Extra = {}): ApiModel {
  return { path: splitPath(path), kind: 'call', operation, args, ...extra };
}

/** `''` is the library root itself (`session({ … })`). */
function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** `new Path(...)`. */
export function construct(path: string, operation: Operation, args: Args = {}, extra: Extra = {}): ApiModel {
  return { path: splitPath(path), kind: 'construct', operation, args, ...extra };
}

/** A method of a returned object. */
export function method(operation: Operation, args: Args = {}, extra: Extra = {}): Omit<ApiModel, 'path' | 'kind'> {
  return { operation, args, ...extra };
}
