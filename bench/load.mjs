// A small closed-loop HTTP load driver (Node's own http module, no dependencies), for
// bench/intake-load.sh. N connections, each sending its next request as soon as the last
// one is answered: first for WARMUP seconds (not counted), then for DURATION seconds.
// Prints one line of JSON: requests, req/s, p50/p99 in ms, answers that were not 2xx, and
// every request sent (warm-up included).
//
//   node bench/load.mjs URL METHOD CONNECTIONS WARMUP DURATION [TOKEN] [BODY_FILE]
import http from 'node:http';
import fs from 'node:fs';

const [url, method, connections, warmup, duration, token, bodyFile] = process.argv.slice(2);
const n = Number(connections);
const body = bodyFile ? fs.readFileSync(bodyFile) : null;
const agent = new http.Agent({ keepAlive: true, maxSockets: n });
const target = new URL(url);
const headers = {};
if (token) headers['Authorization'] = `Bearer ${token}`;
if (body) {
  headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = body.length;
}

function once() {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const request = http.request(
      { agent, method, hostname: target.hostname, port: target.port, path: target.pathname, headers },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, nanos: process.hrtime.bigint() - start }));
      });
    request.on('error', () => resolve({ status: 0, nanos: process.hrtime.bigint() - start }));
    if (body) request.write(body);
    request.end();
  });
}

let sent = 0;

async function run(seconds, record) {
  const end = Date.now() + seconds * 1000;
  const latencies = [];
  const failures = {};
  async function loop() {
    while (Date.now() < end) {
      const { status, nanos } = await once();
      sent++;
      if (!record) continue;
      if (status >= 200 && status < 300) latencies.push(Number(nanos) / 1e6);
      else failures[status] = (failures[status] || 0) + 1;
    }
  }
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: n }, loop));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { latencies, failures, elapsed };
}

await run(Number(warmup), false);
const { latencies, failures, elapsed } = await run(Number(duration), true);
latencies.sort((a, b) => a - b);
const pick = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
console.log(JSON.stringify({
  connections: n,
  requests: latencies.length,
  rps: Math.round((latencies.length / elapsed) * 10) / 10,
  p50: Math.round(pick(0.5) * 10) / 10,
  p99: Math.round(pick(0.99) * 10) / 10,
  failures,
  sent,
}));
agent.destroy();
