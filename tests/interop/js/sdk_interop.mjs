// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Interop: the official JS SDK (@azure/notification-hubs 2.1.0, pinned by package-lock.json),
// unchanged, drives every data-plane operation it offers against nhemulator.
//
// Environment:
//   NH_CONNECTION_STRING         the DefaultFullSharedAccessSignature connection string
//   NH_LISTEN_CONNECTION_STRING  the DefaultListenSharedAccessSignature connection string
//   NH_HUB                       the hub name (default myHub)
//   NODE_EXTRA_CA_CERTS          the emulator's certificate (read by Node at start-up)
// The hub must start EMPTY (nhemulator --no-demo-data): the expected outcome of every send is
// derived from the registrations this script creates itself.
//
// Prints "ok <name>" or "FAIL <name>: why" per check and a final "N passed, N failed" line;
// exits 1 when anything failed. The /$emulator/faults control endpoint (no auth, loopback) is
// used to arm throttling faults and to count how many requests the SDK's retries consumed.

import https from "node:https";
import {
  NotificationHubsClient,
  isRestError,
  createAdmInstallation,
  createAppleInstallation,
  createAdmNotification,
  createAdmNotificationBody,
  createAdmRegistrationDescription,
  createAppleNotification,
  createAppleNotificationBody,
  createAppleRegistrationDescription,
  createAppleTemplateRegistrationDescription,
  createBaiduNotification,
  createBaiduNotificationBody,
  createBaiduRegistrationDescription,
  createBrowserNotification,
  createBrowserRegistrationDescription,
  createFcmLegacyNotification,
  createFcmLegacyRegistrationDescription,
  createFcmV1Notification,
  createFcmV1RegistrationDescription,
  createFcmV1TemplateRegistrationDescription,
  createFirebaseLegacyNotificationBody,
  createFirebaseV1NotificationBody,
  createTagExpression,
  createTemplateNotification,
  createWindowsBadgeNotification,
  createWindowsBadgeNotificationBody,
  createWindowsNotification,
  createWindowsRawNotification,
  createWindowsRegistrationDescription,
  createWindowsTemplateRegistrationDescription,
  createWindowsTileNotification,
  createWindowsToastNotification,
  createXiaomiNotification,
  createXiaomiRegistrationDescription,
} from "@azure/notification-hubs";

// --- the expected texts come from the spec (docs/protocol.md §5.2), not from the emulator --------
const OUTCOME_SENT = "The Notification was successfully sent to the Push Notification System";
const OUTCOME_INVALID = "The Push Notification System handle for the registration is invalid";
const OUTCOME_BAD_PAYLOAD = "The Notification payload is invalid";

const connectionString = process.env.NH_CONNECTION_STRING;
const listenConnectionString = process.env.NH_LISTEN_CONNECTION_STRING;
const hubName = process.env.NH_HUB || "myHub";
if (!connectionString || !listenConnectionString) {
  console.log("FAIL setup: NH_CONNECTION_STRING and NH_LISTEN_CONNECTION_STRING are required");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
// The control endpoint lives on the same origin as the hub (sb:// → https://, as the SDK does).
const endpointMatch = /Endpoint=([^;]+)/i.exec(connectionString);
const emulatorOrigin = new URL(endpointMatch[1].replace("sb://", "https://")).origin;

const client = new NotificationHubsClient(connectionString, hubName);
const listenClient = new NotificationHubsClient(listenConnectionString, hubName);

// --- tiny check framework -------------------------------------------------------------------
let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    const why = e && e.message ? e.message : String(e);
    const status = isRestError(e) && e.statusCode ? ` [RestError ${e.statusCode}]` : "";
    console.log(`FAIL ${name}: ${why}${status}`);
  }
}

function fail(message) {
  throw new Error(message);
}

function expect(condition, message) {
  if (!condition) fail(message);
}

function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) fail(`${what}: expected ${b}, got ${a}`);
}

function sameSet(actual, expected, what) {
  eq([...actual].sort(), [...expected].sort(), what);
}

async function expectRestError(status, what, call) {
  let result;
  try {
    result = await call();
  } catch (e) {
    if (!isRestError(e)) fail(`${what}: expected RestError ${status}, got ${e}`);
    eq(e.statusCode, status, `${what}: RestError status`);
    return e;
  }
  return fail(`${what}: expected RestError ${status}, but the call succeeded (${JSON.stringify(result)})`);
}

async function collect(iterable) {
  const all = [];
  for await (const item of iterable) all.push(item);
  return all;
}

async function collectPages(pagedIterator) {
  const pages = [];
  for await (const page of pagedIterator.byPage()) pages.push(page);
  return pages;
}

/** The emulator's loopback control endpoint (/$emulator/...), JSON in and out, no auth. */
function control(method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = https.request(
      `${emulatorOrigin}/$emulator/${path}`,
      {
        method,
        headers: payload ? { "Content-Type": "application/json" } : {},
        timeout: 10000,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => {
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode, json, text });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`control ${method} ${path} timed out`)));
    request.on("error", reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** The emulator's delivery records matching `query` (GET /$emulator/deliveries). */
async function deliveriesOf(query) {
  const r = await control("GET", `deliveries?${new URLSearchParams({ ...query, limit: "1000" })}`);
  eq(r.status, 200, `deliveries ${JSON.stringify(query)}: status (${r.text})`);
  return r.json.deliveries;
}

/** The same payload: equal JSON when both are JSON, else the same text. */
function samePayload(received, sent) {
  const text = typeof sent === "string" ? sent : JSON.stringify(sent);
  try {
    return JSON.stringify(JSON.parse(received)) === JSON.stringify(JSON.parse(text));
  } catch {
    return received === text;
  }
}

// --- what the script registers (the hub starts empty) -------------------------------------
const APPLE_TOKEN = "62bcd3484834b7e2dc56733ac5509259230cc1ba82ba1ae7d06e91908a05a8fa";
const APPLE_INSTALLATION_TOKEN = "00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0";
const WNS_CHANNEL = "https://db5p.notify.windows.com/w/?token=AwYAAAD%2bW1x&expires=1";
const BROWSER = {
  endpoint: "https://fcm.googleapis.com/fcm/send/dX1:APA91bE-interop",
  p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  auth: "tBHItJI5svbpez7KI4CCXg",
};
const TEMPLATE_TOAST =
  '<toast><visual><binding template="ToastText01"><text id="1">$(greeting)</text></binding></visual></toast>';

// kind → the handle field the SDK uses; every one of them is tagged "sports".
const natives = [
  { name: "apple", platform: "apple", handle: APPLE_TOKEN, caseless: true,
    make: (tags) => createAppleRegistrationDescription({ deviceToken: APPLE_TOKEN, tags }),
    tags: ["sports", "user:alice"] },
  { name: "gcm", platform: "gcm", handle: "gcm-legacy-token-1",
    make: (tags) => createFcmLegacyRegistrationDescription({ gcmRegistrationId: "gcm-legacy-token-1", tags }),
    tags: ["sports"] },
  // 'invalid' in a handle makes the emulator's PNS refuse it (nhemulator --help).
  { name: "gcm (refused handle)", platform: "gcm", handle: "gcm-invalid-token-2",
    make: (tags) => createFcmLegacyRegistrationDescription({ gcmRegistrationId: "gcm-invalid-token-2", tags }),
    tags: ["sports"], refused: true },
  { name: "fcmv1", platform: "fcmv1", handle: "fcmv1-token-1",
    make: (tags) => createFcmV1RegistrationDescription({ fcmV1RegistrationId: "fcmv1-token-1", tags }),
    tags: ["sports"] },
  { name: "windows", platform: "windows", handle: WNS_CHANNEL,
    make: (tags) => createWindowsRegistrationDescription({ channelUri: WNS_CHANNEL, tags }),
    tags: ["sports"] },
  { name: "adm", platform: "adm", handle: "amzn1.adm-registration.v3.interop1",
    make: (tags) => createAdmRegistrationDescription({ admRegistrationId: "amzn1.adm-registration.v3.interop1", tags }),
    tags: ["sports"] },
  { name: "baidu", platform: "baidu", handle: "3785562685113372034",
    make: (tags) => createBaiduRegistrationDescription({ baiduChannelId: "3785562685113372034", baiduUserId: "1126472297", tags }),
    tags: ["sports"] },
  { name: "browser", platform: "browser", handle: BROWSER.endpoint,
    make: (tags) => createBrowserRegistrationDescription({ ...BROWSER, tags }),
    tags: ["sports"] },
  { name: "xiaomi", platform: "xiaomi", handle: "xiaomi-reg-1",
    make: (tags) => createXiaomiRegistrationDescription({ xiaomiRegistrationId: "xiaomi-reg-1", tags }),
    tags: ["sports"] },
];
const templates = [
  { name: "apple template", platform: "apple", handle: "ab" + APPLE_TOKEN.slice(2), caseless: true,
    make: (tags) => createAppleTemplateRegistrationDescription({
      deviceToken: "ab" + APPLE_TOKEN.slice(2), tags, templateName: "greet-apple",
      bodyTemplate: '{"aps":{"alert":"$(greeting)"}}', pushVariables: { lang: "en" } }),
    tags: ["sports"], bodyTemplate: '{"aps":{"alert":"$(greeting)"}}', templateName: "greet-apple" },
  { name: "fcmv1 template", platform: "fcmv1", handle: "fcmv1-token-template",
    make: (tags) => createFcmV1TemplateRegistrationDescription({
      fcmV1RegistrationId: "fcmv1-token-template", tags, templateName: "greet-fcm",
      bodyTemplate: '{"message":{"notification":{"body":"$(greeting)"}}}' }),
    tags: ["sports"], bodyTemplate: '{"message":{"notification":{"body":"$(greeting)"}}}', templateName: "greet-fcm" },
  { name: "windows template", platform: "windows", handle: WNS_CHANNEL + "&t=1",
    make: (tags) => createWindowsTemplateRegistrationDescription({
      channelUri: WNS_CHANNEL + "&t=1", tags, templateName: "greet-wns", bodyTemplate: TEMPLATE_TOAST,
      wnsHeaders: { "X-WNS-Type": "wns/toast" } }),
    tags: ["sports"], bodyTemplate: TEMPLATE_TOAST, templateName: "greet-wns" },
];
// Apple registrations without "sports", so that a listing needs several pages and tag
// expressions have something to tell apart.
const PAGING_TOKENS = ["1", "2", "3"].map((d) => d.repeat(2) + APPLE_TOKEN.slice(2));
const pagers = PAGING_TOKENS.map((token, i) => ({
  name: `apple paging ${i + 1}`, platform: "apple", handle: token, caseless: true,
  make: (tags) => createAppleRegistrationDescription({ deviceToken: token, tags }),
  tags: ["paging", `page:${i + 1}`],
}));
const created = new Map(); // name → { spec, registration }

function handleOf(reg) {
  return reg.deviceToken ?? reg.gcmRegistrationId ?? reg.fcmV1RegistrationId ?? reg.channelUri ??
    reg.admRegistrationId ?? reg.baiduChannelId ?? reg.endpoint ?? reg.xiaomiRegistrationId;
}

function sameHandle(a, b, caseless) {
  return caseless ? String(a).toLowerCase() === String(b).toLowerCase() : a === b;
}

/** Checks a parsed NotificationOutcome against the registrations expected to be reached. */
function checkOutcome(response, expectedSpecs, what) {
  eq(response.state, "DetailedStateAvailable", `${what}: state`);
  const expectedIds = expectedSpecs.map((s) => created.get(s.name).registration.registrationId);
  const refused = expectedSpecs.filter((s) => s.refused).length;
  eq(response.successCount, expectedSpecs.length - refused, `${what}: successCount`);
  eq(response.failureCount, refused, `${what}: failureCount`);
  sameSet(response.results.map((r) => r.registrationId), expectedIds, `${what}: result registration ids`);
  for (const r of response.results) {
    const spec = expectedSpecs.find((s) => created.get(s.name).registration.registrationId === r.registrationId);
    eq(r.applicationPlatform, spec.platform, `${what}: ApplicationPlatform of ${spec.name}`);
    expect(sameHandle(r.pnsHandle, spec.handle, spec.caseless),
      `${what}: PnsHandle of ${spec.name} is ${JSON.stringify(r.pnsHandle)}, expected ${JSON.stringify(spec.handle)}`);
    eq(r.outcome, spec.refused ? OUTCOME_INVALID : OUTCOME_SENT, `${what}: Outcome of ${spec.name}`);
  }
}

function checkSendResponse(response, what) {
  expect(typeof response.notificationId === "string" && response.notificationId.length > 0,
    `${what}: no notificationId (Location ${JSON.stringify(response.location)})`);
  expect(response.location && response.location.startsWith("https://"),
    `${what}: Location ${JSON.stringify(response.location)} is not an absolute https URL`);
  eq(response.state, "Enqueued", `${what}: state`);
  eq(response.successCount, 0, `${what}: successCount of a normal send`);
  expect(typeof response.trackingId === "string" && response.trackingId.length > 0, `${what}: no TrackingId`);
  expect(typeof response.correlationId === "string" && response.correlationId.length > 0,
    `${what}: no x-ms-correlation-request-id`);
}

function countsByState(outcomes) {
  const m = {};
  for (const o of outcomes ?? []) m[o.state] = (m[o.state] ?? 0) + o.count;
  return m;
}

// The notifications, one per builder the SDK offers, each with the natives it should reach.
const byPlatform = (p) => natives.filter((s) => s.platform === p);
const notifications = [
  { name: "apple", reach: byPlatform("apple"),
    make: () => createAppleNotification({
      body: createAppleNotificationBody({ aps: { alert: { title: "Score", body: "2-1" }, sound: "default", badge: 1 } }),
      headers: { "apns-priority": "10", "apns-push-type": "alert" } }) },
  { name: "fcmv1", reach: byPlatform("fcmv1"),
    make: () => createFcmV1Notification({
      body: createFirebaseV1NotificationBody({ message: { notification: { title: "Score", body: "2-1" },
        android: { priority: "high" }, data: { score: "2-1" } } }) }) },
  { name: "firebase legacy (gcm)", reach: byPlatform("gcm"),
    make: () => createFcmLegacyNotification({
      body: createFirebaseLegacyNotificationBody({ notification: { title: "Score", body: "2-1" }, data: { score: "2-1" } }) }) },
  { name: "windows toast", reach: byPlatform("windows"),
    make: () => createWindowsToastNotification({
      body: '<toast><visual><binding template="ToastText01"><text id="1">2-1</text></binding></visual></toast>' }) },
  { name: "windows tile", reach: byPlatform("windows"),
    make: () => createWindowsTileNotification({
      body: '<tile><visual><binding template="TileSquareText04"><text id="1">2-1</text></binding></visual></tile>' }) },
  { name: "windows badge", reach: byPlatform("windows"),
    make: () => createWindowsBadgeNotification({ body: createWindowsBadgeNotificationBody({ value: "newMessage" }) }) },
  { name: "windows raw", reach: byPlatform("windows"),
    make: () => createWindowsRawNotification({ body: "score=2-1" }) },
  { name: "windows (createWindowsNotification, X-WNS-Type header)", reach: byPlatform("windows"),
    make: () => createWindowsNotification({ body: '<badge value="3"/>', headers: { "X-WNS-Type": "wns/badge" } }) },
  { name: "adm", reach: byPlatform("adm"),
    make: () => createAdmNotification({
      body: createAdmNotificationBody({ notification: { title: "Score", body: "2-1" }, data: { score: "2-1" } }) }) },
  { name: "baidu", reach: byPlatform("baidu"),
    make: () => createBaiduNotification({ body: createBaiduNotificationBody({ title: "Score", description: "2-1" }) }) },
  { name: "browser", reach: byPlatform("browser"),
    make: () => createBrowserNotification({ body: { title: "Score", body: "2-1" } }) },
  { name: "xiaomi", reach: byPlatform("xiaomi"),
    make: () => createXiaomiNotification({ body: { title: "Score", description: "2-1" } }) },
  { name: "template", reach: templates,
    make: () => createTemplateNotification({ body: { greeting: "Hello" } }) },
];

// ============================================================================================

async function main() {
  await check("hub starts empty (listRegistrations)", async () => {
    const all = await collect(client.listRegistrations());
    eq(all.length, 0, "registrations in a fresh --no-demo-data hub");
  });

  // --- createRegistration for every kind, natives and templates ------------------------------
  for (const spec of [...natives, ...templates, ...pagers]) {
    await check(`createRegistration ${spec.name}`, async () => {
      const reg = await client.createRegistration(spec.make(spec.tags));
      expect(typeof reg.registrationId === "string" && reg.registrationId.length > 0, "no registrationId");
      expect(typeof reg.etag === "string" && reg.etag.length > 0, "no ETag");
      const wantKind = spec.make(spec.tags).kind;
      eq(reg.kind, wantKind, "kind");
      expect(sameHandle(handleOf(reg), spec.handle, spec.caseless),
        `handle ${JSON.stringify(handleOf(reg))}, expected ${JSON.stringify(spec.handle)}`);
      sameSet(reg.tags ?? [], spec.tags, "tags");
      if (spec.bodyTemplate) {
        eq(reg.bodyTemplate, spec.bodyTemplate, "bodyTemplate");
        eq(reg.templateName, spec.templateName, "templateName");
      }
      created.set(spec.name, { spec, registration: reg });
    });
  }
  await check("round trip: browser P256DH/Auth, baidu user id, apple template push variables", async () => {
    const browser = await client.getRegistration(created.get("browser").registration.registrationId);
    eq([browser.p256dh, browser.auth], [BROWSER.p256dh, BROWSER.auth], "browser keys");
    const baidu = await client.getRegistration(created.get("baidu").registration.registrationId);
    eq(baidu.baiduUserId, "1126472297", "baiduUserId");
    const tmpl = await client.getRegistration(created.get("apple template").registration.registrationId);
    eq(tmpl.pushVariables, { lang: "en" }, "pushVariables");
    const wns = await client.getRegistration(created.get("windows template").registration.registrationId);
    eq(wns.wnsHeaders?.["X-WNS-Type"], "wns/toast", "WnsHeaders X-WNS-Type");
  });
  const allNames = [...natives, ...templates, ...pagers].map((s) => s.name);
  const allIds = () => allNames.filter((n) => created.has(n)).map((n) => created.get(n).registration.registrationId);

  // --- listing with paging -------------------------------------------------------------------
  await check("listRegistrations pages with $top=4 and continuation tokens", async () => {
    const pages = await collectPages(client.listRegistrations({ top: 4 }));
    const ids = pages.flat().map((r) => r.registrationId);
    expect(pages.length >= 2, `expected several pages, got ${pages.length}`);
    eq(pages.length, Math.ceil(allNames.length / 4), "page count");
    for (const [i, page] of pages.entries())
      expect(page.length <= 4, `page ${i + 1} has ${page.length} entries with $top=4`);
    eq(new Set(ids).size, ids.length, "no registration listed twice");
    sameSet(ids, allIds(), "registration ids over all pages");
  });
  await check("listRegistrations without $top lists everything", async () => {
    const all = await collect(client.listRegistrations());
    sameSet(all.map((r) => r.registrationId), allIds(), "registration ids");
  });
  await check("listRegistrationsByTag 'sports' pages with $top=3", async () => {
    const pages = await collectPages(client.listRegistrationsByTag("sports", { top: 3 }));
    const want = [...natives, ...templates].map((s) => created.get(s.name).registration.registrationId);
    expect(pages.length >= 2, `expected several pages, got ${pages.length}`);
    sameSet(pages.flat().map((r) => r.registrationId), want, "registration ids tagged sports");
  });
  await check("listRegistrationsByTag 'user:alice' (colon in the path)", async () => {
    const regs = await collect(client.listRegistrationsByTag("user:alice"));
    sameSet(regs.map((r) => r.registrationId), [created.get("apple").registration.registrationId], "ids");
  });
  await check("listRegistrationsByTag of an unknown tag is empty", async () => {
    eq((await collect(client.listRegistrationsByTag("nobody-has-this"))).length, 0, "registrations");
  });
  const channels = [
    ["apple (token upper-cased by the SDK)", { kind: "apple", deviceToken: APPLE_TOKEN }, ["apple"]],
    ["gcm", { kind: "gcm", gcmRegistrationId: "gcm-legacy-token-1" }, ["gcm"]],
    ["fcmv1", { kind: "fcmv1", fcmV1RegistrationId: "fcmv1-token-1" }, ["fcmv1"]],
    ["windows (encoded channel URI)", { kind: "windows", channelUri: WNS_CHANNEL }, ["windows"]],
    ["adm", { kind: "adm", admRegistrationId: "amzn1.adm-registration.v3.interop1" }, ["adm"]],
    ["browser", { kind: "browser", ...BROWSER }, ["browser"]],
  ];
  await check("listRegistrationsByChannel baidu (the SDK's $filter is malformed) is a clean RestError 400", async () => {
    await expectRestError(400, "list", () => collect(client.listRegistrationsByChannel(
      { kind: "baidu", baiduChannelId: "3785562685113372034", baiduUserId: "1126472297" })));
  });
  for (const [name, channel, wantNames] of channels) {
    await check(`listRegistrationsByChannel ${name}`, async () => {
      const regs = await collect(client.listRegistrationsByChannel(channel));
      sameSet(regs.map((r) => r.registrationId),
        wantNames.map((n) => created.get(n).registration.registrationId), "registration ids");
    });
  }

  // --- test sends: the parsed NotificationOutcome against what the script registered ---------
  for (const n of notifications) {
    await check(`sendNotification ${n.name}, tag 'sports', enableTestSend`, async () => {
      const response = await client.sendNotification(n.make(), { tagExpression: "sports", enableTestSend: true });
      checkOutcome(response, n.reach, "outcome");
      expect(response.notificationId, "no notificationId");
    });
  }
  await check("the refused gcm registration was deleted after the send (404)", async () => {
    const id = created.get("gcm (refused handle)").registration.registrationId;
    const e = await expectRestError(404, "getRegistration", () => client.getRegistration(id));
    expect(/^operations failed with: /.test(e.message), `the SDK did not parse the <Error> body: ${e.message}`);
    created.delete("gcm (refused handle)");
  });
  const apple = natives.find((s) => s.name === "apple");
  const tagCases = [
    ["sports && user:alice", [apple]],
    [createTagExpression(["paging", "user:alice"]), [apple, ...pagers]],
    ["(paging || sports) && !user:alice", pagers],
    ["page:2", [pagers[1]]],
    ["user:bob", []],
  ];
  for (const [expression, reach] of tagCases) {
    await check(`sendNotification apple, tag expression '${expression}', enableTestSend`, async () => {
      const n = notifications[0].make();
      const response = await client.sendNotification(n, { tagExpression: expression, enableTestSend: true });
      checkOutcome(response, reach, "outcome");
    });
  }
  await check("test send of an apple payload without 'aps': the PNS refuses the payload", async () => {
    const n = createAppleNotification({ body: createAppleNotificationBody({ alert: "no aps wrapper" }) });
    const response = await client.sendNotification(n, { tagExpression: "sports", enableTestSend: true });
    eq([response.successCount, response.failureCount, response.results.length], [0, 1, 1], "success, failure, results");
    eq(response.results[0].registrationId, created.get("apple").registration.registrationId, "RegistrationId");
    eq(response.results[0].outcome, OUTCOME_BAD_PAYLOAD, "Outcome");
  });
  await check("sendNotification with an invalid tag expression is a RestError 400", async () => {
    await expectRestError(400, "send", () =>
      client.sendNotification(notifications[0].make(), { tagExpression: "sports &&", enableTestSend: true }));
  });

  // --- normal sends and telemetry ------------------------------------------------------------
  const sentIds = {};
  for (const n of notifications) {
    await check(`sendNotification ${n.name}, tag 'sports'`, async () => {
      const response = await client.sendNotification(n.make(), { tagExpression: "sports" });
      checkSendResponse(response, "send");
      sentIds[n.name] = response.notificationId;
    });
  }
  // --- what each registration received (GET /$emulator/deliveries, docs/protocol.md §9.11) ---
  for (const n of notifications) {
    await check(`deliveries of the '${n.name}' send: what each registration it reached received`, async () => {
      const id = sentIds[n.name];
      expect(id, "the send has a notification id");
      const sent = n.make();
      for (const spec of n.reach) {
        const regId = created.get(spec.name)?.registration.registrationId;
        if (!regId) continue; // its handle was refused and the registration deleted
        const got = (await deliveriesOf({ registration: regId })).filter((d) => d.notificationId === id);
        eq(got.length, 1, `deliveries of ${spec.name} from this send`);
        const d = got[0];
        eq([d.test, d.platform, d.format === "template"], [false, spec.platform, n.name === "template"],
          `${spec.name}: test, platform, template`);
        expect(sameHandle(d.handle, spec.handle, spec.caseless), `${spec.name}: handle ${d.handle}`);
        eq(d.outcome, OUTCOME_SENT, `${spec.name}: outcome`);
        if (n.name === "template") {
          eq(d.templateName, spec.templateName, `${spec.name}: templateName`);
          expect(d.payload.includes("Hello") && !d.payload.includes("$(greeting)"),
            `${spec.name}: the rendered payload ${d.payload}`);
        } else {
          expect(samePayload(d.payload, sent.body), `${spec.name}: payload ${d.payload}, sent ${JSON.stringify(sent.body)}`);
          for (const [name, value] of Object.entries(sent.headers ?? {})) {
            if (/^(apns-|x-wns-)/i.test(name))
              expect(d.headers.some(([n2, v2]) => n2.toLowerCase() === name.toLowerCase() && v2 === String(value)),
                `${spec.name}: header ${name}: ${value} in ${JSON.stringify(d.headers)}`);
          }
        }
      }
    });
  }
  await check("deliveries of the test sends are marked test and carry no notification id", async () => {
    const regId = created.get("apple").registration.registrationId;
    const tests = (await deliveriesOf({ registration: regId })).filter((d) => d.test);
    expect(tests.length >= 1, "test-send deliveries of the apple registration");
    expect(tests.every((d) => d.notificationId === undefined), "no notificationId on a test send's delivery");
  });
  await check("deliveries filter by tag and refuse a bad 'since' with a JSON error", async () => {
    const alice = await deliveriesOf({ tag: "user:alice" });
    expect(alice.length >= 1 && alice.every((d) => d.tags.includes("user:alice")), "tag=user:alice");
    const bad = await control("GET", "deliveries?since=yesterday");
    eq(bad.status, 400, "status");
    expect(/since/.test(bad.json?.error?.message ?? ""), `error ${bad.text}`);
  });

  await check("getNotificationOutcomeDetails of the apple tag send", async () => {
    const d = await client.getNotificationOutcomeDetails(sentIds.apple);
    eq(d.notificationId, sentIds.apple, "notificationId");
    eq(d.state, "Completed", "state");
    eq(countsByState(d.apnsOutcomeCounts), { Success: 1 }, "apnsOutcomeCounts");
    expect(d.notificationBody && d.notificationBody.includes('"aps"'), `notificationBody ${d.notificationBody}`);
  });
  await check("getNotificationOutcomeDetails of the fcmv1 and gcm tag sends", async () => {
    const f = await client.getNotificationOutcomeDetails(sentIds.fcmv1);
    eq(countsByState(f.fcmV1OutcomeCounts), { Success: 1 }, "fcmV1OutcomeCounts");
    const g = await client.getNotificationOutcomeDetails(sentIds["firebase legacy (gcm)"]);
    eq(countsByState(g.fcmOutcomeCounts), { Success: 1 }, "fcmOutcomeCounts (the refused one is gone)");
  });
  await check("getNotificationOutcomeDetails of an unknown id is a RestError 404", async () => {
    await expectRestError(404, "details", () => client.getNotificationOutcomeDetails("0123456789abcdef0123456789abcdef-20260101000000-1-1"));
  });

  // --- broadcast -----------------------------------------------------------------------------
  await check("sendBroadcastNotification apple reaches every apple registration", async () => {
    const response = await client.sendBroadcastNotification(notifications[0].make());
    checkSendResponse(response, "broadcast");
    const d = await client.getNotificationOutcomeDetails(response.notificationId);
    eq(countsByState(d.apnsOutcomeCounts), { Success: 1 + pagers.length }, "apnsOutcomeCounts");
  });
  await check("sendBroadcastNotification template reaches every template registration", async () => {
    const response = await client.sendBroadcastNotification(createTemplateNotification({ body: { greeting: "Hi" } }));
    checkSendResponse(response, "broadcast");
    const d = await client.getNotificationOutcomeDetails(response.notificationId);
    const total = [d.apnsOutcomeCounts, d.fcmV1OutcomeCounts, d.wnsOutcomeCounts]
      .map((c) => countsByState(c).Success ?? 0).reduce((a, b) => a + b, 0);
    eq(total, templates.length, "Success counts over the template platforms");
  });
  // SDK 2.1.0 sends 'ServiceBusNotification-Tags: undefined' on a broadcast test send
  // (docs/protocol.md §9.3, rule 10): the hub treats it as the literal tag "undefined".
  await check("sendBroadcastNotification enableTestSend (SDK sends Tags: undefined)", async () => {
    const none = await client.sendBroadcastNotification(notifications[0].make(), { enableTestSend: true });
    checkOutcome(none, [], "outcome with no registration tagged 'undefined'");
    const spec = { name: "apple tagged undefined", platform: "apple", handle: "cd" + APPLE_TOKEN.slice(2), caseless: true };
    const reg = await client.createRegistration(createAppleRegistrationDescription({ deviceToken: spec.handle, tags: ["undefined"] }));
    created.set(spec.name, { spec, registration: reg });
    try {
      const one = await client.sendBroadcastNotification(notifications[0].make(), { enableTestSend: true });
      checkOutcome(one, [spec], "outcome with one registration tagged 'undefined'");
    } finally {
      await client.deleteRegistration(reg.registrationId);
      created.delete(spec.name);
    }
  });

  // --- direct sends --------------------------------------------------------------------------
  await check("sendNotification direct (apple device handle) + telemetry", async () => {
    const response = await client.sendNotification(notifications[0].make(), { deviceHandle: APPLE_TOKEN });
    checkSendResponse(response, "direct send");
    const d = await client.getNotificationOutcomeDetails(response.notificationId);
    eq(countsByState(d.apnsOutcomeCounts), { Success: 1 }, "apnsOutcomeCounts");
  });
  await check("sendNotification direct (browser push channel: Auth, P256DH headers)", async () => {
    const response = await client.sendNotification(createBrowserNotification({ body: { title: "t" } }), { deviceHandle: BROWSER });
    checkSendResponse(response, "direct browser send");
  });
  await check("sendNotification direct batch (multipart) + telemetry", async () => {
    const handles = ["fcm-batch-1", "fcm-batch-2", "fcm-batch-invalid-3"];
    const response = await client.sendNotification(notifications[1].make(), { deviceHandle: handles });
    // SDK bug: it takes path segment 3, which is "$batch" (docs/protocol.md §9.3).
    eq(response.notificationId, "$batch", "notificationId as the SDK derives it");
    const location = new URL(response.location);
    const segments = location.pathname.split("/");
    eq(segments.slice(1, 4), [hubName, "messages", "$batch"], "Location path");
    const id = segments[4];
    expect(id, `no id after $batch in ${response.location}`);
    const d = await client.getNotificationOutcomeDetails(id);
    const counts = countsByState(d.fcmV1OutcomeCounts);
    eq(counts.Success, 2, `Success count in ${JSON.stringify(counts)}`);
    eq(Object.values(counts).reduce((a, b) => a + b, 0), 3, `all counts in ${JSON.stringify(counts)}`);
  });

  // --- scheduled sends -----------------------------------------------------------------------
  await check("scheduleNotification + cancelScheduledNotification (+ second cancel 404)", async () => {
    const when = new Date(Date.now() + 3600 * 1000);
    const response = await client.scheduleNotification(when, notifications[0].make(), { tagExpression: "sports" });
    expect(response.notificationId, `no notificationId (Location ${response.location})`);
    expect(new URL(response.location).pathname.split("/")[2] === "schedulednotifications",
      `Location ${response.location}`);
    await client.cancelScheduledNotification(response.notificationId);
    await expectRestError(404, "second cancel", () => client.cancelScheduledNotification(response.notificationId));
  });
  await check("scheduleBroadcastNotification + cancelScheduledNotification", async () => {
    const when = new Date(Date.now() + 600 * 1000);
    const response = await client.scheduleBroadcastNotification(when, createTemplateNotification({ body: { greeting: "Later" } }));
    expect(response.notificationId, "no notificationId");
    await client.cancelScheduledNotification(response.notificationId);
  });

  // --- registration life cycle: id, createOrUpdate, update with ETag, get, delete ------------
  await check("createRegistrationId + createOrUpdateRegistration (apple) + get", async () => {
    const id = await client.createRegistrationId();
    expect(typeof id === "string" && id.length > 0, `registration id ${JSON.stringify(id)}`);
    const reg = createAppleRegistrationDescription({ deviceToken: "ef" + APPLE_TOKEN.slice(2), tags: ["lifecycle"] });
    reg.registrationId = id;
    const saved = await client.createOrUpdateRegistration(reg);
    eq(saved.registrationId, id, "registrationId of the PUT");
    const got = await client.getRegistration(id);
    eq(got.kind, "Apple", "kind");
    sameSet(got.tags, ["lifecycle"], "tags");
    created.set("lifecycle", { spec: { name: "lifecycle" }, registration: got });
  });
  await check("updateRegistration with the current ETag, then a stale ETag is 412", async () => {
    const current = await client.getRegistration(created.get("lifecycle").registration.registrationId);
    const staleEtag = current.etag;
    const updated = await client.updateRegistration({ ...current, tags: ["lifecycle", "updated"] });
    sameSet(updated.tags, ["lifecycle", "updated"], "tags after update");
    expect(updated.etag && updated.etag !== staleEtag, `ETag ${updated.etag} did not change from ${staleEtag}`);
    await expectRestError(412, "update with a stale ETag", () =>
      client.updateRegistration({ ...current, etag: staleEtag, tags: ["stale"] }));
    await expectRestError(412, "delete with a stale ETag", () =>
      client.deleteRegistration(current.registrationId, { etag: staleEtag }));
    created.get("lifecycle").registration = updated;
  });
  await check("createOrUpdateRegistration replaces a fcmv1 template registration", async () => {
    const existing = created.get("fcmv1 template").registration;
    const replacement = createFcmV1TemplateRegistrationDescription({
      fcmV1RegistrationId: "fcmv1-token-template", tags: ["sports", "replaced"], templateName: "greet-fcm",
      bodyTemplate: '{"message":{"data":{"g":"$(greeting)"}}}' });
    replacement.registrationId = existing.registrationId;
    const saved = await client.createOrUpdateRegistration(replacement);
    eq(saved.registrationId, existing.registrationId, "registrationId");
    eq(saved.kind, "FcmV1Template", "kind");
    eq(saved.bodyTemplate, '{"message":{"data":{"g":"$(greeting)"}}}', "bodyTemplate");
    sameSet(saved.tags, ["sports", "replaced"], "tags");
  });
  await check("deleteRegistration with the current ETag, then getRegistration is 404", async () => {
    const reg = created.get("lifecycle").registration;
    await client.deleteRegistration(reg.registrationId, { etag: reg.etag });
    await expectRestError(404, "getRegistration after delete", () => client.getRegistration(reg.registrationId));
    await expectRestError(404, "deleteRegistration again", () => client.deleteRegistration(reg.registrationId));
    created.delete("lifecycle");
  });
  await check("deleteRegistration (If-Match: *) of every kind created", async () => {
    for (const [name, { registration }] of [...created.entries()]) {
      await client.deleteRegistration(registration.registrationId);
      created.delete(name);
    }
    eq((await collect(client.listRegistrations())).length, 0, "registrations left");
  });

  // --- installations -------------------------------------------------------------------------
  const installationId = "interop-installation-1";
  const instSpec = { name: "installation", platform: "apple", handle: APPLE_INSTALLATION_TOKEN, caseless: true };
  await check("createOrUpdateInstallation (apns, tags, template) + getInstallation", async () => {
    await client.createOrUpdateInstallation(createAppleInstallation({
      installationId, pushChannel: APPLE_INSTALLATION_TOKEN, tags: ["golf"], userId: "alice",
      templates: { greet: { body: '{"aps":{"alert":"$(greeting)"}}', headers: { "apns-priority": "10" }, tags: ["greetings"] } },
    }));
    const inst = await client.getInstallation(installationId);
    eq(inst.installationId, installationId, "installationId");
    eq(inst.platform, "apns", "platform");
    expect(sameHandle(inst.pushChannel, APPLE_INSTALLATION_TOKEN, true), `pushChannel ${inst.pushChannel}`);
    sameSet(inst.tags, ["golf"], "tags");
    eq(inst.templates?.greet?.body, '{"aps":{"alert":"$(greeting)"}}', "template body");
  });
  await check("test send to $InstallationId:{id} reaches the installation", async () => {
    const response = await client.sendNotification(notifications[0].make(),
      { tagExpression: `$InstallationId:{${installationId}}`, enableTestSend: true });
    eq([response.successCount, response.failureCount, response.results.length], [1, 0, 1], "success, failure, results");
    const r = response.results[0];
    eq(r.applicationPlatform, "apple", "ApplicationPlatform");
    expect(sameHandle(r.pnsHandle, APPLE_INSTALLATION_TOKEN, true), `PnsHandle ${r.pnsHandle}`);
    eq(r.outcome, OUTCOME_SENT, "Outcome");
    const tmpl = await client.sendNotification(createTemplateNotification({ body: { greeting: "Hi" } }),
      { tagExpression: `$InstallationId:{${installationId}} && greetings`, enableTestSend: true });
    eq([tmpl.successCount, tmpl.results.length], [1, 1], "the installation's template: success, results");
  });
  await check("updateInstallation (JSON patch add tag, replace userId) + getInstallation", async () => {
    await client.updateInstallation(installationId, [
      { op: "add", path: "/tags", value: "golf2" },
      { op: "replace", path: "/userId", value: "bob" },
    ]);
    const inst = await client.getInstallation(installationId);
    sameSet(inst.tags, ["golf", "golf2"], "tags after patch");
    eq(inst.userId, "bob", "userId after patch");
    const response = await client.sendNotification(notifications[0].make(), { tagExpression: "golf2", enableTestSend: true });
    eq([response.successCount, response.results.length], [1, 1], "a test send to the patched tag: success, results");
  });
  await check("deleteInstallation, then getInstallation is 404 and nothing is reached", async () => {
    await client.deleteInstallation(installationId);
    await expectRestError(404, "getInstallation after delete", () => client.getInstallation(installationId));
    const response = await client.sendNotification(notifications[0].make(),
      { tagExpression: `$InstallationId:{${installationId}}`, enableTestSend: true });
    checkOutcome(response, [], "outcome after delete");
  });
  await check("createOrUpdateInstallation adm + deleteInstallation", async () => {
    await client.createOrUpdateInstallation(createAdmInstallation({ installationId: "interop-adm", pushChannel: "amzn1.adm-inst" }));
    eq((await client.getInstallation("interop-adm")).platform, "adm", "platform");
    await client.deleteInstallation("interop-adm");
  });

  // --- feedback container ---------------------------------------------------------------------
  await check("getFeedbackContainerUrl", async () => {
    const url = await client.getFeedbackContainerUrl();
    expect(/^https:\/\/\S+$/.test(url.trim()), `not an https URL: ${JSON.stringify(url)}`);
  });

  // --- the Listen rule ------------------------------------------------------------------------
  await check("Listen-only connection string: sendNotification is RestError 401", async () => {
    const e = await expectRestError(401, "send", () =>
      listenClient.sendNotification(notifications[0].make(), { tagExpression: "sports" }));
    expect(/claim/i.test(e.message), `message does not name the missing claim: ${e.message}`);
  });
  await check("Listen-only connection string: listRegistrations is RestError 401", async () => {
    await expectRestError(401, "list", () => collect(listenClient.listRegistrations()));
  });

  // --- retries against injected throttling ----------------------------------------------------
  await check("retry: 2 x 429 (Retry-After: 0) then success", async () => {
    await control("DELETE", "faults");
    const hubsBefore = await control("GET", "hubs");
    const armed = await control("POST", "faults", { operation: "send", count: 2, fault: "status=429;retry-after=0" });
    eq(armed.status, 201, `arming the fault (${armed.text})`);
    const response = await client.sendNotification(notifications[0].make(), { tagExpression: "sports" });
    checkSendResponse(response, "send after two 429s");
    const left = await control("GET", "faults");
    eq(left.json, [], "fault rules left (both 429s consumed)");
    const hubsAfter = await control("GET", "hubs");
    const messages = (h) => h.json.find((x) => x.name.toLowerCase() === hubName.toLowerCase()).messages;
    eq(messages(hubsAfter) - messages(hubsBefore), 1, "messages the hub accepted");
  });
  await check("retry: 10 x 429 fails after 4 attempts (1 + 3 retries)", async () => {
    await control("DELETE", "faults");
    await control("POST", "faults", { operation: "send", count: 10, fault: "status=429;retry-after=0" });
    try {
      await expectRestError(429, "send", () => client.sendNotification(notifications[0].make(), { tagExpression: "sports" }));
      const left = await control("GET", "faults");
      eq(left.json?.length, 1, `fault rules left: ${left.text}`);
      eq(10 - left.json[0].count, 4, "requests that hit the fault");
    } finally {
      await control("DELETE", "faults");
    }
  });

  // --- import/export jobs: not emulated, refused cleanly --------------------------------------
  await check("import/export jobs (not emulated): list, get and submit are clean RestError 404s", async () => {
    const e = await expectRestError(404, "listNotificationHubJobs", () => client.listNotificationHubJobs());
    expect(/^operations failed with: /.test(e.message), `the SDK did not parse the <Error> body: ${e.message}`);
    await expectRestError(404, "getNotificationHubJob", () => client.getNotificationHubJob("job-1"));
    await expectRestError(404, "submitNotificationHubJob", () => client.submitNotificationHubJob({
      type: "ExportRegistrations", outputContainerUrl: "https://example.invalid/container?sig=x" }));
  });

  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`FAIL driver: ${e && e.stack ? e.stack : e}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
