/**
 * Words naming the keys of device and radio networks, whose standards fix them at 128 bits and whose tools write them as
 * 32 hex digits: Zigbee's network, link and install-code keys, Thread's network key, LoRaWAN's AppKey, NwkKey and join
 * keys, Bluetooth's LTK, IRK and CSRK, Z-Wave S2's group keys, DLMS/COSEM's global unicast and broadcast keys, a meter's,
 * gateway's or node's key, a lock system's site or card key. 32 hex digits is also the shape of most services' API keys
 * and project ids (a translation, support-widget or weather service's `…Key`), so under a name alone, with no decoding
 * call or crypto call in sight, only these words say that such text is a key.
 */
export const DEVICE_NETWORK_KEY_WORDS: ReadonlySet<string> = new Set([
  'network', 'nwk', 'link', 'install', 'app', 'appl', 'join', 'ltk', 'irk', 'csrk', 'pairing', 'bond', 'group', 'unicast', 'broadcast',
  'mesh', 'radio', 'transport', 'device', 'node', 'gateway', 'meter', 'site', 'lock', 'door', 'card',
]);
