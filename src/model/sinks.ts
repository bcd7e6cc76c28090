/**
 * Where a plaintext key must never go: logs, disk, databases, HTTP responses.
 * Loggers, databases and responses have no single library, so they are
 * matched by the conventional names of their receivers and methods.
 */

/** `fs` functions that persist their data argument (index of the data argument). */
export const DISK_WRITES: Readonly<Record<string, number>> = {
  writeFile: 1,
  writeFileSync: 1,
  appendFile: 1,
  appendFileSync: 1,
  // `fs.writeSync(fd, key)` / `fs.write(fd, key, cb)`: a file opened by descriptor.
  writeSync: 1,
  write: 1,
};
export const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);
/**
 * File writes of other runtimes, on their global (global → method → index of the data argument): Deno's
 * `await Deno.writeTextFile(path, text)`, Bun's `await Bun.write(path, data)`.
 */
export const RUNTIME_DISK_WRITES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Deno: { writeFile: 1, writeTextFile: 1, writeFileSync: 1, writeTextFileSync: 1 },
  Bun: { write: 1 },
};

/**
 * `console.*` and logger methods. A child logger's bindings (pino/bunyan/winston
 * `logger.child({ … })`) are written with every line it logs.
 */
export const LOG_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'debug',
  'warn',
  'error',
  'trace',
  'fatal',
  'dir',
  'table',
  'verbose',
  'silly',
  'child',
  // AWS Lambda Powertools: keys appended to a logger are written with every later line.
  'appendKeys',
  'appendPersistentKeys',
  'addPersistentLogAttributes',
  // OpenTelemetry Logs API: `logs.getLogger(…).emit({ body, attributes })` is one log record.
  'emit',
  // Google Cloud Logging: `log.write(log.entry(metadata, data))`, and its severity methods.
  'write',
  'entry',
  'notice',
  'warning',
  'critical',
  'alert',
  'emergency',
]);
/**
 * Loggers that censor configured paths of the object they log (module → factory path, `''` for the module itself):
 * pino's `redact: ['Plaintext', '*.Plaintext']` (or `redact: { paths }`) replaces those fields before the line is
 * written, so a key logged only under a redacted path never reaches the log.
 */
export const REDACTING_LOGGER_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  pino: new Set(['', 'pino', 'default']),
};
export const REDACT_OPTION = 'redact';
/** Receivers that are loggers: `logger.info`, `log.debug`, `this.logger.warn`, `req.log.error`, `fastify.log.info`. */
export const LOGGER_NAME = /^(?:console|consola|log|logger|winston|pino|bunyan|signale|audit(?:Log|Logger)?)$/i;
/** Loggers named for what they log, in camelCase: `rootLogger`, `requestLog`, `auditLogger` (not `catalog`, `dialog`). */
export const NAMED_LOGGER = /^[a-z][A-Za-z0-9]*(?:Logger|Log)$/;

/**
 * Modules whose export, called with a namespace, returns a logging function:
 * `const debug = require('debug')('app:kms'); debug('key %s', k)`.
 */
export const LOGGER_FACTORY_MODULES: ReadonlySet<string> = new Set(['debug']);
/** Logging functions made by a module's function: `const log = util.debuglog('kms'); log('%s', k)` (module → functions). */
export const LOGGER_FACTORY_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  util: new Set(['debuglog', 'debug']),
  'node:util': new Set(['debuglog', 'debug']),
};

/**
 * Database/cache writes: `db.insert`, `collection.insertOne`, `repo.save`, `redis.set`, `pool.query`; object
 * storage metadata (Azure Blob `blob.setMetadata({ … })`, Cloud Storage `file.setMetadata({ metadata })`) is kept
 * with the object for anyone who can read it.
 */
export const DB_METHODS: ReadonlySet<string> = new Set(['insert', 'insertOne', 'insertMany', 'save', 'create', 'update', 'updateOne', 'upsert', 'put', 'putItem', 'query', 'execute', 'hset', 'setex', 'setMetadata']);
/**
 * Query runners of a database handle that take the statement's values (pg-promise `db.none(sql, values)`,
 * `db.oneOrNone(…)`, better-sqlite3/sqlite `db.run(…)`/`db.exec(…)`), on a receiver named as a store.
 */
export const STORE_QUERY_METHODS: ReadonlySet<string> = new Set(['none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi', 'run', 'exec']);
/**
 * Query builders that write the row given to a later call of the chain: drizzle `db.insert(table).values(row)`,
 * `db.update(table).set(row)`, kysely `db.insertInto('t').values(row)`, `.updateTable('t').set(row)` and their
 * conflict clauses (`onConflictDoUpdate({ set })`, `doUpdateSet(row)`).
 */
export const WRITE_BUILDER_STARTS: ReadonlySet<string> = new Set(['insert', 'insertInto', 'update', 'updateTable', 'replaceInto', 'upsert', 'mergeInto']);
export const WRITE_BUILDER_ROW_METHODS: ReadonlySet<string> = new Set(['values', 'set', 'doUpdateSet', 'onConflictDoUpdate', 'onDuplicateKeyUpdate']);
/**
 * Stores of configuration and secrets in a cluster (Kubernetes client `createNamespacedSecret(…)` and
 * friends): what they are given is kept in etcd and mounted into pods, in plaintext for anyone allowed to read it.
 */
export const CLUSTER_STORE_METHODS: ReadonlySet<string> = new Set([
  'createNamespacedSecret',
  'replaceNamespacedSecret',
  'patchNamespacedSecret',
  'createNamespacedConfigMap',
  'replaceNamespacedConfigMap',
  'patchNamespacedConfigMap',
]);
/**
 * Active-record saves: `record.save()` persists what the record holds (Sequelize and mongoose
 * documents, TypeORM `BaseEntity`), after `Object.assign(record, …)` or `record.set({ … })`.
 */
export const RECORD_SAVE_METHODS: ReadonlySet<string> = new Set(['save']);
/** Builders of an unsaved active record from a document (Sequelize `Model.build(doc)`, Objection `Model.fromJson(doc)`): its `save()` stores the document. */
export const RECORD_BUILD_METHODS: ReadonlySet<string> = new Set(['build', 'fromJson']);
/**
 * Cache and key-value clients known by the call that makes them, whatever the binding is called (module → dotted
 * path of the factory or class; `''` for the module itself): memjs `memjs.Client.create(…)`, memcached's `new
 * Memcached(…)`, ioredis `new Redis(…)`, node-redis `createClient(…)`, Upstash `Redis.fromEnv()`/`new Redis(…)`. Their
 * `set` (and the other store writes) keep the value in a shared cache every instance of the service reads.
 */
export const STORE_CLIENT_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  memjs: new Set(['Client.create']),
  memcached: new Set(['']),
  ioredis: new Set(['', 'Redis', 'Cluster']),
  redis: new Set(['createClient', 'createCluster']),
  '@upstash/redis': new Set(['Redis', 'Redis.fromEnv']),
  '@vercel/kv': new Set(['createClient']),
};
/** Receivers whose `set` persists (a `Map#set` does not). */
export const PERSISTENT_STORE_NAME = /redis|db|database|kv|memcache|store|table|collection|repo/i;
/**
 * Redis writes besides `set` (hashes, lists, sets, streams, pub/sub), on a receiver named as a store:
 * `redis.hmset(…)`, `redis.rpush(…)`, `redis.xadd(…)`, `redis.publish(…)`.
 */
export const STORE_WRITE_METHODS: ReadonlySet<string> = new Set([
  'hmset',
  'hsetnx',
  'mset',
  'msetnx',
  'setnx',
  'psetex',
  'getset',
  'append',
  'lpush',
  'rpush',
  'lpushx',
  'rpushx',
  'sadd',
  'zadd',
  'xadd',
  'publish',
  'spublish',
]);

/**
 * HTTP responses: `res.send(…)`, `reply.send`, `ctx.body = …`, Hono's `c.json(…)`, Next.js and
 * Fetch-API `NextResponse.json(…)`/`Response.json(…)`, hapi's `h.response(…)`; headers and cookies
 * set on a response reach the client too (`res.cookie('dek', …)`, `res.setHeader(…)`).
 */
export const RESPONSE_NAME = /^(?:res|response|reply|ctx|context|c|h|NextResponse|Response)$/;
export const RESPONSE_METHODS: ReadonlySet<string> = new Set(['send', 'json', 'end', 'write', 'jsonp', 'response', 'cookie', 'setHeader', 'header', 'redirect', 'text', 'html', 'body']);
/** Header setters of Express and Koa responses (`res.set('X-Key', …)`, `ctx.set(…)`, `res.append(…)`; Hono's `c.set` is a context variable). */
export const RESPONSE_HEADER_METHODS: ReadonlySet<string> = new Set(['set', 'append']);
export const HEADER_RESPONSE_NAME = /^(?:res|response|ctx)$/;
/** Cookie jars whose `set` answers the client: Koa's `ctx.cookies.set(…)`, Next.js `cookies().set(…)`. */
export const COOKIE_JAR_NAME = /^cookies$/;
/**
 * Sessions: `req.session.dataKey = …` (express-session, @fastify/session, koa-session) is kept in a
 * session store or in a cookie the client holds, for the session's whole life.
 */
export const SESSION_NAME = /^session$/;
/**
 * Request-scoped state shared by the middleware and handlers of one request: Koa's `ctx.state.x`, Express's
 * `res.locals.x`. Not a sink (the response does not serialise it), but what one middleware keeps there is read
 * by the next ones: `ctx.state.segmentKey = key` then `ctx.body = ctx.state.segmentKey` sends the key.
 */
export const REQUEST_STATE_NAME = /^(?:state|locals)$/;
/**
 * Hono's context variables, the same kind of request state: `c.set('dek', key)` in a middleware, read back by the
 * handlers after it with `c.get('dek')` or `c.var.dek` (Hono's context is conventionally `c`; Koa's `ctx.set` is a header).
 */
export const CONTEXT_VARIABLE_OWNER = /^c$/;
/**
 * Fastify decorations: `app.decorate('serviceKey', key)` keeps the value on the instance (not a sink by itself), and
 * every later `app.serviceKey`/`fastify.serviceKey`/`request.server.serviceKey` reads it back, in any route.
 */
export const DECORATE_METHODS: ReadonlySet<string> = new Set(['decorate']);
/**
 * Uploads whose options carry the object's metadata, stored with the object for anyone who can read it (Azure Blob
 * `blob.upload(data, length, { metadata })`, `uploadData(data, { metadata })`, `uploadFile`, `uploadStream`).
 */
export const OBJECT_UPLOAD_METHODS = /^upload(?:Data|File|Stream|BrowserData)?$/;
export const OBJECT_METADATA_OPTION = 'metadata';
/** Tagged templates that run SQL: postgres.js/`@vercel/postgres`/slonik `sql\`…\``, Prisma's `$executeRaw\`…\``. */
export const SQL_TAG_NAME = /^(?:sql|\$executeRaw|\$queryRaw)$/;
/**
 * Functions of a framework module that build a response from their argument: Remix's `json(…)`
 * (and `defer`), React Router's `data(…)`, SvelteKit's `json(…)` (module → function names).
 */
export const RESPONSE_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  '@remix-run/node': new Set(['json', 'defer']),
  '@remix-run/cloudflare': new Set(['json', 'defer']),
  '@remix-run/deno': new Set(['json', 'defer']),
  '@remix-run/server-runtime': new Set(['json', 'defer']),
  'react-router': new Set(['data']),
  '@sveltejs/kit': new Set(['json']),
  // Hono's cookie helpers: `setCookie(c, name, value)` sets a `Set-Cookie` header on the response.
  'hono/cookie': new Set(['setCookie', 'setSignedCookie']),
};
/** Responses built with `new Response(body)` / `new NextResponse(body)`. */
export const RESPONSE_CONSTRUCTOR = /^(?:Response|NextResponse)$/;
/** WebSocket / Socket.IO messages to a client: `socket.emit('key', …)`, `ws.send(…)`; Electron's `win.webContents.send(…)` to a renderer. */
export const SOCKET_NAME = /^(?:socket|ws|io|websocket|client[Ss]ocket|webContents)$/;
export const SOCKET_METHODS: ReadonlySet<string> = new Set(['emit', 'send']);
/**
 * Events whose listener's first parameter is a client's connection, whatever it is called:
 * `wss.on('connection', (conn) => conn.send(…))` (ws, Socket.IO, `net`).
 */
/**
 * A WebSocket's state, checked before sending in the canonical broadcast loop (`if (client.readyState ===
 * WebSocket.OPEN) client.send(data)`): a receiver checked on it is a client connection, whatever it is called.
 */
export const SOCKET_STATE_PROPERTY = 'readyState';
/** The set of connected clients of a WebSocket server (`wss.clients`): its elements are client connections. */
export const SOCKET_CLIENTS_PROPERTY = 'clients';
export const CONNECTION_EVENTS: ReadonlySet<string> = new Set(['connection', 'connect']);
/**
 * HTTP/2 servers made by the module's factories (module → function names): the first parameter of their `'stream'`
 * listener is the request's stream, and what is written to it (`stream.end(body)`, `stream.write(…)`) answers the client.
 */
export const HTTP2_SERVER_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  http2: new Set(['createServer', 'createSecureServer']),
  'node:http2': new Set(['createServer', 'createSecureServer']),
};
export const HTTP2_STREAM_EVENT = 'stream';
export const HTTP2_STREAM_WRITES: ReadonlySet<string> = new Set(['end', 'write', 'respondWithFile', 'pushStream']);
export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener']);

/** The process's standard streams: `process.stdout.write(…)` ends up in the same place as `console.log`. */
export const STD_STREAMS: ReadonlySet<string> = new Set(['stdout', 'stderr']);

/** Job queues and message buses: `queue.add(name, payload)`, `channel.sendToQueue`, `producer.send`, `topic.publish` (MQTT.js v5 also `publishAsync`). */
export const QUEUE_METHODS: ReadonlySet<string> = new Set(['add', 'addBulk', 'enqueue', 'publish', 'publishAsync', 'sendToQueue', 'sendMessage', 'produce', 'push', 'send', 'sendBatch', 'publishMessage', 'sendMessages', 'createTask']);
/** Receivers named for a queue or bus; `sender` is what Azure Service Bus's `createSender(queue)` returns. */
export const QUEUE_NAME = /queue|channel|producer|topic|bus|publisher|pubsub|jobs|broker|sqs|sns|kafka|sender/i;
/** Sending an email (nodemailer's `transporter.sendMail({ text })`): the message leaves for a mailbox, kept by every server on its way. */
export const MAIL_METHODS: ReadonlySet<string> = new Set(['sendMail']);

/**
 * Job queues and flows known by the class that makes them, whatever the binding is called (module → export
 * names; `''` is the default export): `add`/`addBulk` put the payload in Redis for any worker to read
 * (bullmq's `Queue` and `FlowProducer`, whose `add` takes a tree of jobs; bull and bee-queue's default export).
 */
/**
 * Message-bus connections made by a module's function, whatever the binding is called (module → function
 * names): NATS `const nc = await connect(…)`, MQTT `mqtt.connect(…)`; their `publish` sends the payload to
 * every subscriber (and JetStream keeps it).
 */
export const QUEUE_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  nats: new Set(['connect']),
  mqtt: new Set(['connect', 'connectAsync']),
};
/**
 * Job processors known by the class they are given to (module → class → index of the processor argument): the
 * processor's first parameter is the job, whose log lines (`job.log(…)`, shown by Bull Board and kept in Redis with the
 * job) and updated data (`job.updateData(…)`, `job.updateProgress(…)`) are stored for anyone who reads the queue.
 */
export const JOB_PROCESSOR_CLASSES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  bullmq: { Worker: 1 },
};
/** Queues whose `process(…)` registers a processor (its last argument) for their jobs: bull's default export (`queue.process(async (job) => …)`). */
export const JOB_PROCESSING_QUEUES: Readonly<Record<string, ReadonlySet<string>>> = {
  bull: new Set(['']),
};
export const JOB_PROCESS_METHOD = 'process';
export const JOB_LOG_METHODS: ReadonlySet<string> = new Set(['log']);
export const JOB_STORE_METHODS: ReadonlySet<string> = new Set(['updateData', 'updateProgress']);
export const QUEUE_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = {
  bullmq: new Set(['Queue', 'FlowProducer']),
  bull: new Set(['']),
  'bee-queue': new Set(['']),
  'pg-boss': new Set(['', 'PgBoss']),
  // Google Cloud Tasks: `tasks.createTask({ parent, task: { httpRequest: { body } } })` keeps the body in the queue
  // until a worker is called with it.
  '@google-cloud/tasks': new Set(['CloudTasksClient']),
};
/**
 * Constructions whose options are a storage request (module → export names): `@aws-sdk/lib-storage`'s
 * `new Upload({ client, params })` is a multipart PutObject of `params` (body and object metadata stored in S3).
 */
/**
 * Lambda clients whose `invoke(params)` sends `params.Payload` to another function as its event (module → class names):
 * the v3 aggregated client and SDK v2's `new AWS.Lambda()`, like v3's `InvokeCommand`.
 */
export const LAMBDA_CLIENT_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = {
  '@aws-sdk/client-lambda': new Set(['Lambda']),
  'aws-sdk': new Set(['Lambda']),
  'aws-sdk/clients/lambda': new Set(['']),
};
export const LAMBDA_INVOKE_METHODS: ReadonlySet<string> = new Set(['invoke', 'invokeAsync']);
export const STORE_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = {
  '@aws-sdk/lib-storage': new Set(['Upload']),
};

/** AWS SDK v3 commands whose input leaves the process: queues/streams (Step Functions executions keep their input in the history; a Lambda `InvokeCommand`'s `Payload` is the other function's event, queued for `InvocationType: 'Event'`), and stores (`PutCommand` & co. of lib-dynamodb's document client). */
export const QUEUE_COMMANDS = /^(?:SendMessage|SendMessageBatch|Publish|PublishBatch|PutRecords?|PutRecordBatch|PutEvents|StartExecution|StartSyncExecution|SendTaskSuccess|Invoke|InvokeWithResponseStream)Command$/;
export const STORE_COMMANDS = /^(?:PutObject|PutItem|UpdateItem|BatchWriteItem|TransactWriteItems|ExecuteStatement|PutParameter|PutSecretValue|Put|Update|BatchWrite|TransactWrite)Command$/;

/**
 * Request fields that hand a key to a service for this one request, which uses it and does not
 * keep it: S3 server-side encryption with customer keys (SSE-C; S3 stores only a salted HMAC of
 * the key). A data key there is used, not exposed, even inside a store command.
 */
export const KEY_USE_FIELDS: ReadonlySet<string> = new Set(['SSECustomerKey', 'CopySourceSSECustomerKey']);

/**
 * Errors: their message ends up in logs, error trackers and often in responses. Constructors named
 * `Error`, `…Error` or `…Exception` (`new DecryptionError(\`… ${key}\`)`, Nest's `new HttpException(…)`): a key in
 * the message is exposed.
 */
export const ERROR_CONSTRUCTOR = /^(?:[A-Z][\w$]*)?(?:Error|Exception)$/;
/** Koa's `ctx.throw(status, message)`: an HTTP error whose message answers the client (and lands in the logs). */
export const ERROR_THROW_METHODS: ReadonlySet<string> = new Set(['throw']);
export const ERROR_THROW_RECEIVER = /^(?:ctx|context)$/;

/**
 * Error tracking and tracing: what is attached to an event or a span is shipped to a third-party
 * service and kept there, like a log line. Sentry (`Sentry.setContext`, `scope.setExtra`,
 * `addBreadcrumb`) and OpenTelemetry spans (`span.setAttribute`, `span.addEvent`).
 */
export const TELEMETRY_METHODS: ReadonlySet<string> = new Set([
  'setContext',
  'setExtra',
  'setExtras',
  'setTag',
  'setTags',
  'setUser',
  'addBreadcrumb',
  'captureMessage',
  // `Sentry.captureException(err, { extra: { … } })`: the hint's `extra`/`contexts`/`tags` ship with the event.
  'captureException',
  'captureEvent',
  'setAttribute',
  'setAttributes',
  'addEvent',
]);
export const TELEMETRY_NAME = /^(?:sentry|scope|hub|transaction|\w*span)$/i;
/**
 * Telemetry SDKs known by their module, whatever the client's binding is called (module → methods of the module's
 * clients): Application Insights `appInsights.defaultClient.trackEvent({ name, properties })` (also a client made with
 * `new TelemetryClient(…)`) ships the event and its properties to Azure Monitor, kept like a log line.
 */
export const TELEMETRY_CLIENT_METHODS: Readonly<Record<string, ReadonlySet<string>>> = {
  applicationinsights: new Set(['trackEvent', 'trackTrace', 'trackException', 'trackMetric', 'trackRequest', 'trackDependency', 'trackAvailability', 'trackPageView']),
  // New Relic's agent: custom attributes and events go to the APM backend with every transaction.
  newrelic: new Set(['addCustomAttribute', 'addCustomAttributes', 'addCustomSpanAttribute', 'addCustomSpanAttributes', 'recordCustomEvent', 'recordLogEvent', 'noticeError']),
  // DogStatsD clients (`new StatsD(…)` of hot-shots): a metric's tags are kept by Datadog with each point.
  'hot-shots': new Set(['increment', 'decrement', 'gauge', 'histogram', 'distribution', 'timing', 'event', 'check']),
};
/**
 * Metric instruments: what their attributes (labels) hold is exported with every data point and kept by the metrics
 * backend, readable by whoever reads dashboards. OpenTelemetry instruments are made by a meter's `createCounter(…)`
 * and friends and record with `counter.add(value, attributes)`/`histogram.record(value, attributes)`; prom-client's
 * `new Counter({ … })` records with `counter.inc(labels)`, `histogram.observe(labels, value)`, `gauge.labels(…)`.
 */
export const METRIC_INSTRUMENT_FACTORY = /^create(?:Counter|UpDownCounter|Histogram|Gauge|Observable(?:Counter|UpDownCounter|Gauge))$/;
export const METRIC_RECORD_METHODS: ReadonlySet<string> = new Set(['add', 'record']);
export const METRIC_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = {
  'prom-client': new Set(['Counter', 'Gauge', 'Histogram', 'Summary']),
};
export const METRIC_LABEL_METHODS: ReadonlySet<string> = new Set(['inc', 'dec', 'set', 'observe', 'labels', 'startTimer']);

/**
 * Child processes: the `env` option of `spawn`/`exec`/`fork` (and execa's) is the child's process
 * environment, readable by everything the child runs, like `process.env`.
 */
export const CHILD_PROCESS_MODULES: ReadonlySet<string> = new Set(['child_process', 'node:child_process', 'execa', 'cross-spawn']);
/**
 * Child-process functions whose command line is their first arguments (function → how many leading arguments make
 * it: `exec(command)`, `execFile(file, args)`, `spawn(command, args)`): a process's command line is readable by every
 * user of the host (`ps`, `/proc/<pid>/cmdline`) and lands in shell histories and audit logs. execa's `execa(file,
 * args)` and cross-spawn's default export take the same arguments.
 */
export const COMMAND_LINE_ARGUMENTS: Readonly<Record<string, number>> = {
  exec: 1,
  execSync: 1,
  execFile: 2,
  execFileSync: 2,
  spawn: 2,
  spawnSync: 2,
  fork: 2,
  execa: 2,
  execaSync: 2,
  execaCommand: 1,
  execaCommandSync: 1,
  sync: 2,
  '': 2,
};

/**
 * Outgoing HTTP requests: a URL is kept in access logs, proxy logs and browser histories, and sent again in
 * `Referer` headers, so a key in a request's query string is written down by every hop (CWE-598). The query-string
 * options of HTTP clients (axios `params`, got/ky `searchParams`) are part of the URL (module → option names); the
 * clients are known by their module, called directly, through a method (`axios.post`) or through an instance their
 * `create`/`extend` makes (`const partner = axios.create(…)`).
 */
export const HTTP_CLIENT_QUERY_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  axios: new Set(['params']),
  got: new Set(['searchParams']),
  ky: new Set(['searchParams']),
};
export const HTTP_CLIENT_INSTANCE_FACTORIES: ReadonlySet<string> = new Set(['create', 'extend']);
/** The request URL itself, as a string built with the value: the first argument of these clients and of the Fetch API (`fetch`, undici's `fetch`/`request`). */
export const URL_FIRST_HTTP_MODULES: ReadonlySet<string> = new Set(['axios', 'got', 'ky', 'undici', 'node-fetch']);
export const URL_FIRST_GLOBALS: ReadonlySet<string> = new Set(['fetch']);
/** A URL's query parameters set one by one (`url.searchParams.set('key', hex)` of the WHATWG `URL`). */
export const URL_QUERY_PROPERTY = 'searchParams';
export const URL_QUERY_SETTERS: ReadonlySet<string> = new Set(['set', 'append']);

/**
 * Formatting that copies an object's fields into text: `util.inspect(res)`, `util.format('%o', res)`
 * (module → function names).
 */
export const INSPECT_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  util: new Set(['inspect', 'format', 'formatWithOptions']),
  'node:util': new Set(['inspect', 'format', 'formatWithOptions']),
};

/** Browser (and React Native) storage that outlives the page: `localStorage.setItem(k, v)`, localForage. */
export const BROWSER_STORAGE_NAME = /^(?:localStorage|sessionStorage|AsyncStorage|localforage|localForage)$/;

/**
 * Functions that persist a value on the device (index of the value argument): IndexedDB wrappers (`setMany` takes
 * `[key, value]` pairs) and the OS keychain bridges of desktop and mobile apps — keytar's `setPassword(service,
 * account, secret)`, expo-secure-store's `setItemAsync(key, value)`, react-native-keychain's
 * `setGenericPassword(user, secret)`. A KMS data key parked there outlives the process in plaintext form, outside KMS
 * (its audit, its key policy, its revocation): what a device keeps of a data key is the wrapped key.
 */
export const STORAGE_MODULE_WRITES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'idb-keyval': { set: 1, setMany: 0, update: 1 },
  keytar: { setPassword: 2 },
  'expo-secure-store': { setItemAsync: 1, setItem: 1 },
  'react-native-keychain': { setGenericPassword: 1, setInternetCredentials: 2 },
};

/**
 * Writes of on-device stores that take the entry as an options object (module → dotted path of the function → the option
 * holding the stored value): Capacitor's `Preferences.set({ key, value })` (SharedPreferences / UserDefaults) and
 * capacitor-secure-storage-plugin's `SecureStoragePlugin.set({ key, value })` (Keychain / Keystore).
 */
export const STORAGE_OPTION_WRITES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '@capacitor/preferences': { 'Preferences.set': 'value' },
  'capacitor-secure-storage-plugin': { 'SecureStoragePlugin.set': 'value' },
};

/**
 * On-device key-value stores known by the call that makes them (module → dotted path of the factory or class; `''`
 * for the module itself): react-native-mmkv's `new MMKV(…)`/`createMMKV(…)`, electron-store's `new Store(…)` and the
 * `conf` it is built on. Their `set(key, value)` writes the value to the app's data directory.
 */
export const DEVICE_STORE_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  'react-native-mmkv': new Set(['MMKV', 'createMMKV']),
  'electron-store': new Set(['']),
  conf: new Set(['']),
};

/**
 * Parameters whose call answers a remote client, by their declared type: a gRPC unary handler's
 * `callback: sendUnaryData<Reply>` (`callback(null, reply)` serialises the reply to the caller).
 */
export const RESPONSE_CALLBACK_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  '@grpc/grpc-js': new Set(['sendUnaryData']),
  grpc: new Set(['sendUnaryData']),
};

/**
 * Registrations whose handler's return value is sent to a remote caller (module → dotted path of the
 * registering function → index of the handler argument; an object there holds the handler under
 * `handler`): Electron's `ipcMain.handle(channel, fn)` answers the renderer's `invoke`, and an Azure
 * Functions v4 `app.http(name, { handler })` handler returns the HTTP response.
 */
export const RESPONDING_HANDLER_REGISTRATIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  electron: { 'ipcMain.handle': 1, 'ipcMain.handleOnce': 1 },
  '@azure/functions': { 'app.http': 1, 'app.get': 1, 'app.post': 1, 'app.put': 1, 'app.patch': 1, 'app.deleteRequest': 1 },
};
export const HANDLER_OPTION = 'handler';

/**
 * The option under which GraphQL servers and schema builders take a resolver map (`new ApolloServer({
 * resolvers })`, `app.register(mercurius, { schema, resolvers })`, `makeExecutableSchema`): what a resolver
 * returns is serialised into the query's response.
 */
export const RESOLVER_MAP_OPTION = 'resolvers';

/**
 * Functions whose result carries an argument in a form anyone holding the result can read (module →
 * function → argument index): a JWT's claims are signed, not encrypted, so `jwt.sign({ dek }, secret)` is
 * a token that hands the key to whoever receives it.
 */
export const PAYLOAD_CARRIERS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  jsonwebtoken: { sign: 0 },
};
/**
 * Factories of JWT signing functions (module → factory → argument index of the payload in the call of the
 * function they return): fast-jwt's `const sign = createSigner({ key }); sign({ dek })`.
 */
export const PAYLOAD_CARRIER_FACTORIES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'fast-jwt': { createSigner: 0 },
};
/** Signers of an injected JWT service, by receiver name: Nest's `this.jwtService.sign(payload)`, `fastify.jwt.sign(payload)`. */
export const JWT_SIGNER_NAME = /^(?:jwt|jwtService)$/i;
export const JWT_SIGN_METHODS: ReadonlySet<string> = new Set(['sign', 'signAsync']);
/** Signers decorated onto the response by a JWT plugin: `@fastify/jwt`'s `await reply.jwtSign(payload)` (and `request.jwtSign`). */
export const JWT_SIGN_DECORATIONS: ReadonlySet<string> = new Set(['jwtSign']);
/**
 * JWT builders whose claims are readable in the token (module → class): jose's `new SignJWT(payload)`
 * (signed) and `new UnsecuredJWT(payload)`; `EncryptJWT` encrypts them. Their chained setters and
 * `sign()`/`encode()` produce the token.
 */
export const PAYLOAD_BUILDERS: Readonly<Record<string, ReadonlySet<string>>> = {
  jose: new Set(['SignJWT', 'UnsecuredJWT']),
};
export const PAYLOAD_BUILDER_METHODS = /^(?:set[A-Z]\w*|sign|encode)$/;

/**
 * Routers that send what a route handler returns (Fastify: `app.get('/k', async () => ({ key }))`,
 * `app.route({ handler })`). Instances are recognised by the call that makes them (a module here),
 * by the conventional plugin parameter name `fastify`, or by their declared type.
 */
export const RETURNING_ROUTER_MODULES: ReadonlySet<string> = new Set(['fastify']);
export const RETURNING_ROUTER_PARAM = /^fastify$/;
export const RETURNING_ROUTER_TYPES = /^Fastify(?:Instance)?$/;
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'route']);
/** `app.register(async (instance) => …)`: the plugin's first parameter is the same kind of router. */
export const PLUGIN_REGISTRATION = 'register';
