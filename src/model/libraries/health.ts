import { construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Medplum, a FHIR platform whose client runs in back ends and bots: a confidential client's secret
 * (`new MedplumClient({ clientId, clientSecret })`, `medplum.startClientLogin(clientId, clientSecret)`,
 * `medplum.setBasicAuth(clientId, clientSecret)`) is the OAuth client-credentials secret that reads and writes the
 * project's patient records: a hardcoded one hands PHI access to whoever reads the code, like a KMS client's
 * `secretAccessKey` (decisions 6, 118). Client ids and access tokens obtained at run time are not keys.
 */
const MEDPLUM_CLIENT = {
  startClientLogin: method('client', { 1: 'credential' }),
  setBasicAuth: method('client', { 1: 'credential' }),
};

export const medplum: LibraryModel = {
  id: '@medplum/core',
  roots: [{ module: '@medplum/core' }],
  apis: [construct('MedplumClient', 'client', { '0.clientSecret': 'credential' }, { returns: 'MedplumClient' })],
  objects: {
    MedplumClient: { methods: MEDPLUM_CLIENT },
  },
};
