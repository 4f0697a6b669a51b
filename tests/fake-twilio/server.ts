// A Twilio-compatible HTTP server on loopback, for driving the real `twilio` SDK in tests.
// It answers the Messages and Calls endpoints, checks Basic auth, records every request, and
// can be told to fail the next requests with a status code or to never answer them.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { resource: "Messages" | "Calls"; accountSid: string; params: Record<string, string>; receivedAt: number };
type Behaviour = { kind: "status"; status: number } | { kind: "hang" };

export type FakeTwilio = {
  url: string;
  accountSid: string;
  authToken: string;
  requests: RecordedRequest[];
  /** The next `times` requests answer `status` (429, 500…) without creating anything. */
  failNext(status: number, times?: number): void;
  /** The next `times` requests are received and never answered (the client times out). */
  hangNext(times?: number): void;
  /** Called for every request as it arrives (benchmarks time the arrival). */
  onRequest?: (request: RecordedRequest) => void;
  close(): Promise<void>;
};

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString("hex")}`;
  const authToken = randomBytes(16).toString("hex");
  const requests: RecordedRequest[] = [];
  const behaviours: Behaviour[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((request, response) => {
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/(Messages|Calls)\.json$/.exec(request.url ?? "");
    const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const reply = (status: number, payload: object) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(payload));
      };
      if (!match || request.method !== "POST") return reply(404, { code: 20404, message: "Not found", status: 404 });
      if (request.headers.authorization !== expectedAuth || match[1] !== accountSid) return reply(401, { code: 20003, message: "Authenticate", status: 401 });
      const params = Object.fromEntries(new URLSearchParams(body));
      const resource = match[2] as RecordedRequest["resource"];
      const recorded = { resource, accountSid, params, receivedAt: performance.now() };
      requests.push(recorded);
      fake.onRequest?.(recorded);
      const behaviour = behaviours.shift();
      if (behaviour?.kind === "hang") return void hanging.add(response);
      if (behaviour?.kind === "status") return reply(behaviour.status, { code: behaviour.status === 429 ? 20429 : 20500, message: "Simulated failure", status: behaviour.status });
      const sid = `${resource === "Messages" ? "SM" : "CA"}${randomBytes(16).toString("hex")}`;
      reply(201, { sid, account_sid: accountSid, to: params.To, from: params.From ?? null, body: params.Body ?? null, status: "queued", date_created: new Date().toUTCString() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeTwilio = {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    failNext: (status, times = 1) => behaviours.push(...Array.from({ length: times }, () => ({ kind: "status" as const, status }))),
    hangNext: (times = 1) => behaviours.push(...Array.from({ length: times }, () => ({ kind: "hang" as const }))),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
