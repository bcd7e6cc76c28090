import { call, construct } from '../define';
import type { LibraryModel } from '../types';

/**
 * Access tokens of real-time audio/video platforms, minted by the application server with the project's secret.
 * Agora's `RtcTokenBuilder`/`RtmTokenBuilder` (agora-token, agora-access-token) sign with the project's App Certificate
 * (HMAC-SHA256; the App ID beside it is public); a hardcoded certificate lets anyone mint tokens for every channel.
 */
const AGORA_BUILDERS = ['RtcTokenBuilder', 'RtmTokenBuilder', 'ChatTokenBuilder'];
const AGORA_METHODS = ['buildTokenWithUid', 'buildTokenWithAccount', 'buildTokenWithUserAccount', 'buildTokenWithUidAndPrivilege', 'buildToken', 'buildUserToken', 'buildAppToken'];

export const agoraTokens: LibraryModel = {
  id: 'agora-token',
  roots: [{ module: 'agora-token' }, { module: 'agora-access-token' }],
  apis: AGORA_BUILDERS.flatMap((builder) => AGORA_METHODS.map((name) => call(`${builder}.${name}`, 'mac', { 1: 'secret' }))),
};

/**
 * LiveKit server SDK: `new AccessToken(apiKey, apiSecret, options)` signs HS256 join tokens with the API secret, and
 * `new WebhookReceiver(apiKey, apiSecret)` verifies webhook JWTs with it (the API key is its id).
 */
export const livekitServerSdk: LibraryModel = {
  id: 'livekit-server-sdk',
  roots: [{ module: 'livekit-server-sdk' }],
  apis: [construct('AccessToken', 'jwt-sign', { 1: 'secret' }), construct('WebhookReceiver', 'jwt-verify', { 1: 'secret' })],
};
