import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * AWS CDK's `SecretValue.unsafePlainText('…')` (and v1's deprecated `plainText`) wraps a value written in the code as a
 * secret of the synthesised template: the value passes through unchanged, so a key-named property given one
 * (`secretStringValue: SecretValue.unsafePlainText('…')`) holds that constant, like a plain string would.
 */
export const awsCdkSecretValue: LibraryModel = {
  id: 'aws-cdk-lib',
  roots: [{ module: 'aws-cdk-lib' }, { module: '@aws-cdk/core' }],
  apis: [
    call('SecretValue.unsafePlainText', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8' } }),
    call('SecretValue.plainText', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8' } }),
  ],
};
