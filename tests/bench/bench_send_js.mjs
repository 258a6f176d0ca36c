// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_send.py's JS SDK driver: N test sends with @azure/notification-hubs 2.1.0, unchanged,
// with at most CONCURRENCY in flight, timed inside node (start-up excluded, as for nhcli and the
// seed). Every send must come back DetailedStateAvailable with successCount >= 1.
// Environment: NH_CONNECTION_STRING, NH_HUB, NH_TAGS, BENCH_N, BENCH_CONCURRENCY
// (NODE_EXTRA_CA_CERTS trusts the emulator). Prints one JSON line {sends, errors, seconds, rate}.
// bench_send.py copies this file next to the node_modules that js_sdk.py installs.

import { NotificationHubsClient, createAppleNotification } from "@azure/notification-hubs";

const n = Number(process.env.BENCH_N);
const concurrency = Number(process.env.BENCH_CONCURRENCY || "1");
const tags = process.env.NH_TAGS;
const client = new NotificationHubsClient(process.env.NH_CONNECTION_STRING, process.env.NH_HUB);
const body = JSON.stringify({ aps: { alert: { title: "bench", body: "test send" } } });

let errors = 0;
let firstError = "";
async function sendOne() {
  try {
    const r = await client.sendNotification(createAppleNotification({ body }),
      { tagExpression: tags, enableTestSend: true });
    if (r.state !== "DetailedStateAvailable" || !(r.successCount >= 1)) {
      errors++;
      firstError ||= `state ${r.state}, successCount ${r.successCount}`;
    }
  } catch (e) {
    errors++;
    firstError ||= String(e && e.message || e);
  }
}

let next = 0;
async function worker() {
  while (next < n) {
    next++;
    await sendOne();
  }
}

// One untimed send opens the connection and loads the SDK's lazy modules.
await sendOne();
errors = 0;
firstError = "";
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ sends: n, errors, firstError, seconds, rate: n / seconds }));
process.exit(errors ? 1 : 0);
