/**
 * Services whose keys are made to ship inside browsers and apps: they identify a project to an analytics, monitoring,
 * feature-flag, search, captcha, map or push service and grant nothing secret (decision 113). Many are 32 hex digits,
 * the length of a 128-bit key, so a name mentioning one of these services, or a word saying the key is a public or
 * browser-side one, is not read as naming key material written as text. A service's *secret* keys carry their own words
 * (`AMPLITUDE_SECRET_KEY`, `algoliaAdminKey`) and are judged as secrets by those.
 */
export const PUBLIC_CLIENT_KEY_SERVICES: ReadonlySet<string> = new Set([
  // Product analytics and session replay.
  'amplitude', 'mixpanel', 'segment', 'rudderstack', 'heap', 'hotjar', 'posthog', 'logrocket', 'fullstory', 'plausible', 'matomo', 'analytics',
  'tracking', 'telemetry',
  // Error and performance monitoring.
  'sentry', 'bugsnag', 'rollbar', 'datadog', 'newrelic', 'honeybadger', 'raygun', 'trackjs',
  // Feature flags and experiments.
  'launchdarkly', 'optimizely', 'statsig', 'split', 'growthbook', 'flagsmith', 'unleash',
  // Search-only keys, captcha site keys, maps, chat widgets, push.
  'algolia', 'typesense', 'meilisearch', 'recaptcha', 'hcaptcha', 'turnstile', 'captcha', 'mapbox', 'maps', 'intercom', 'onesignal', 'pusher',
]);

/**
 * Words that say a key is the public, one-capability part handed to clients (Segment's `writeKey`, a search-only key),
 * or that it tells a service which project, widget or SDK instance a client belongs to (`lokaliseProjectKey`,
 * `CHAT_WIDGET_KEY`, a feature-flag `sdkKey`): an id issued by the service, never what a key protects.
 */
export const PUBLIC_KEY_ROLE_WORDS: ReadonlySet<string> = new Set(['write', 'search', 'public', 'publishable', 'browser', 'ingest', 'ingestion', 'project', 'widget', 'sdk']);
