import type { RewrapRequest, UnwrapRequest, WrapRequest, WrappedDataKey } from '../provider';
import { wipe } from '../wipe';

/** What a provider that wraps existing data keys offers. */
interface WrapsDataKeys {
  unwrap(request: UnwrapRequest): Promise<Buffer>;
  wrap(request: WrapRequest): Promise<WrappedDataKey>;
}

/**
 * A rewrap for a KMS that cannot re-encrypt on its side, or not across keys
 * (Cloud KMS, Key Vault, PKCS#11 tokens, Transit between two keys, the local
 * provider): the source KEK unwraps the data key and the target KEK wraps it
 * again. The plaintext data key is in this process only for the two calls,
 * and it is wiped right after, whether or not the wrap succeeded.
 */
export async function rewrapInProcess(provider: WrapsDataKeys, request: RewrapRequest, toKeyUri: string): Promise<WrappedDataKey> {
  const dataKey = await provider.unwrap(request);
  try {
    return await provider.wrap({ keyUri: toKeyUri, plaintext: dataKey, context: request.context, signal: request.signal });
  } finally {
    wipe(dataKey);
  }
}
