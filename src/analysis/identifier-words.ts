import { words } from './names';

/** Splits camelCase, snake_case, kebab-case and SCREAMING_CASE into lower-case words. */
export const identifierWords = words;

/** Does any word of `name` belong to `set`? */
export function hasWordIn(name: string, set: ReadonlySet<string>): string | undefined {
  return identifierWords(name).find((w) => set.has(w));
}
