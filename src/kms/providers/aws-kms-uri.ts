import { KeywardenError } from '../errors';

export interface AwsKeyRef {
  /** What KMS is asked for: a key ARN, an alias ARN, a key id or `alias/NAME`. */
  keyId: string;
  region: string;
}

// arn:PARTITION:kms:REGION:ACCOUNT:key/ID or :alias/NAME. The region becomes
// part of a hostname (kms.REGION.amazonaws.com), and the URI may come from a
// sealed blob an attacker wrote, so it is checked strictly.
const ARN = /^arn:(aws(?:-[a-z]+)*):kms:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):((?:key|alias)\/[A-Za-z0-9/_-]{1,250})$/;
const BARE = /^(?:alias\/[A-Za-z0-9/_-]{1,250}|[A-Za-z0-9-]{1,128})$/;

/**
 * Parses `aws-kms://arn:aws:kms:REGION:ACCOUNT:key/ID` (or an alias ARN). A
 * bare key id or `alias/NAME` is accepted when a default region is configured,
 * but only ARNs make a sealed blob readable by any client, so the provider
 * always records the ARN that KMS returns.
 */
export function parseAwsKmsUri(keyUri: string, defaultRegion?: string): AwsKeyRef {
  const prefix = 'aws-kms://';
  if (typeof keyUri !== 'string' || !keyUri.startsWith(prefix)) {
    throw new KeywardenError('UNSUPPORTED_FORMAT', 'Not an aws-kms:// key URI');
  }
  const rest = keyUri.slice(prefix.length);
  const arn = ARN.exec(rest);
  if (arn) return { keyId: rest, region: arn[2]! };
  if (BARE.test(rest) && defaultRegion) return { keyId: rest, region: defaultRegion };
  throw new KeywardenError(
    'UNSUPPORTED_FORMAT',
    BARE.test(rest)
      ? 'aws-kms:// key URI without a region: use the key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID) or set the region option'
      : 'Malformed aws-kms:// key URI: expected aws-kms://arn:aws:kms:REGION:ACCOUNT:key/ID or an alias ARN',
  );
}
