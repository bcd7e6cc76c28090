/** Splits camelCase, snake_case, kebab-case and SCREAMING_CASE into lower-case words. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Does any word of `name` belong to `set`? */
export function hasWordIn(name: string, set: ReadonlySet<string>): string | undefined {
  return identifierWords(name).find((w) => set.has(w));
}
