/**
 * The submit bench's load generator (server-submit.ts): `connections` closed loops on keep-alive
 * node:http connections, each POSTing a complete answer set to the next unused link until time is
 * up. Plain JavaScript, so that it can run as a worker thread without a TypeScript loader: on its
 * own thread it stands for clients on other machines, as pgbench, the baseline, runs as its own
 * process. In the server's event loop its own work (200 connections set up at once, every
 * response read) was counted in the server's latencies.
 */
import { Agent, request } from "node:http";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export const OUT_OF_LINKS = "out of unused links: server-submit.ts made too few for this machine's rate";

/**
 * @param {{ port: number, tokens: string[], connections: number, seconds: number, maxRequests?: number, body: string }} o
 * `tokens` is used from its end; `used` says how many were taken.
 */
export async function drive({ port, tokens, connections, seconds, maxRequests = Number.POSITIVE_INFINITY, body }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  /** @type {number[]} */ const latencies = [];
  /** @type {number[]} */ const warm = [];
  /** @type {string[]} */ const errors = [];
  const end = performance.now() + seconds * 1000;
  let used = 0;
  /** @param {string} token @returns {Promise<{ status: number, text: string }>} */
  const post = (token) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `/api/s/${token}/response`,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: `http://127.0.0.1:${port}` },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d) => {
            text += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const start = performance.now();
  // process.cpuUsage() is the whole process's, every thread: server and driver, as before.
  const cpu = process.cpuUsage();
  const loop = async () => {
    for (let first = true; performance.now() < end && used < maxRequests; first = false) {
      const token = tokens[tokens.length - 1 - used];
      if (!token) {
        // The phase ends here, counted as a failure: throwing left the server's requests in flight.
        if (!errors.includes(OUT_OF_LINKS)) errors.push(OUT_OF_LINKS);
        return;
      }
      used++;
      const t = performance.now();
      try {
        const r = await post(token);
        if (r.status !== 201) errors.push(`${r.status} ${r.text.slice(0, 200)}`);
      } catch (e) {
        errors.push(String(e));
      }
      latencies.push(performance.now() - t);
      if (!first) warm.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - start) / 1000;
  const spent = process.cpuUsage(cpu);
  agent.destroy();
  return {
    used,
    done: latencies.length,
    latencies,
    warm,
    errors,
    seconds: elapsed,
    cpuMs: (spent.user + spent.system) / 1000 / latencies.length,
  };
}

/** `drive` on a worker thread of its own. */
export function driveOnThread(/** @type {Parameters<typeof drive>[0]} */ options) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: options });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`load driver exited with ${code}`)));
  });
}

if (!isMainThread && parentPort) parentPort.postMessage(await drive(workerData));
