import { KeywardenError } from '../errors';

/**
 * Loads a provider SDK that keywarden lists as an optional peer dependency, so
 * users of one provider never install the others. A missing package is a
 * configuration problem, not an outage: it is reported as UNSUPPORTED_FORMAT
 * ("a provider this installation cannot serve") and is not retryable.
 */
export function loadOptionalPeer<T>(packageName: string, scheme: string): T {
  try {
    // require, not import(): the SDKs are CommonJS and this package compiles to
    // CommonJS, so named exports come through without interop guesswork.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(packageName) as T;
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    // Only the package itself missing; a broken install of it is rethrown as is.
    if (code === 'MODULE_NOT_FOUND' && String(message).includes(`'${packageName}'`)) {
      throw new KeywardenError(
        'UNSUPPORTED_FORMAT',
        `The ${scheme}:// provider needs the optional package "${packageName}": run \`npm install ${packageName}\`.`,
        { cause: error },
      );
    }
    throw error;
  }
}
