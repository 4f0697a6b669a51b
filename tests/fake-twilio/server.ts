// A Twilio-compatible HTTP server on loopback, for driving the real `twilio` SDK in tests.
// It answers the Messages and Calls endpoints, checks Basic auth, records every request, and
// can be told to fail the next requests with a status code or to never answer them.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { resource: "Messages" | "Calls"; accountSid: string; params: Record<string, string>; receivedAt: number };
/** A message in the fake's own record, as Twilio's Messages list returns it. */
export type StoredMessage = {
  sid: string;
  direction: "inbound" | "outbound-api";
  from: string;
  to: string;
  body: string;
  status: string;
  dateSent: Date;
};
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
  /** Forgets the failures and hangs still to come. */
  behaveNormally(): void;
  /** Every number Lookup v2 was asked about, in order. */
  lookups: string[];
  /** Called for every request as it arrives (benchmarks time the arrival). */
  onRequest?: (request: RecordedRequest) => void;
  /** The fake's record of messages: sent through it, or received (see `receive`). */
  messages: StoredMessage[];
  /** A text that reached the account's number (the webhook that told the app may have failed). */
  receive(message: { from: string; to: string; body: string; dateSent?: Date }): StoredMessage;
  close(): Promise<void>;
};

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString("hex")}`;
  const authToken = randomBytes(16).toString("hex");
  const requests: RecordedRequest[] = [];
  const behaviours: Behaviour[] = [];
  const hanging = new Set<http.ServerResponse>();

  const messages: StoredMessage[] = [];
  const lookups: string[] = [];
  const asResource = (message: StoredMessage) => ({
    sid: message.sid,
    account_sid: accountSid,
    direction: message.direction,
    from: message.from,
    to: message.to,
    body: message.body,
    status: message.status,
    date_sent: message.dateSent.toUTCString(),
    date_created: message.dateSent.toUTCString(),
    num_media: "0",
  });

  const server = http.createServer((request, response) => {
    const requestUrl = new URL(request.url ?? "/", "http://fake");
    const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
    // Reading the record: the Messages list (filtered by To and DateSent>) and one message.
    if (request.method === "GET") {
      const json = (status: number, payload: object) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(payload));
      };
      if (request.headers.authorization !== expectedAuth) return json(401, { code: 20003, message: "Authenticate", status: 401 });
      // Lookup v2 (line type intelligence), deterministic: ending in 9 a non-fixed VoIP line, in 8 a landline, else mobile.
      const lookup = /^\/v2\/PhoneNumbers\/([^/]+)$/.exec(requestUrl.pathname);
      if (lookup) {
        const number = decodeURIComponent(lookup[1]!);
        lookups.push(number);
        const behaviour = behaviours.shift();
        if (behaviour?.kind === "hang") return void hanging.add(response);
        if (behaviour?.kind === "status")
          return json(behaviour.status, { code: 20500, message: "Simulated failure", status: behaviour.status });
        if (!/^\+[1-9]\d{6,14}$/.test(number)) return json(200, { phone_number: number, valid: false, line_type_intelligence: null });
        const wanted = (requestUrl.searchParams.get("Fields") ?? "").split(",").includes("line_type_intelligence");
        const last = number.at(-1);
        const line =
          last === "9"
            ? { type: "nonFixedVoip", carrier_name: "Fake VoIP" }
            : last === "8"
              ? { type: "landline", carrier_name: "Fake Telephone Co." }
              : { type: "mobile", carrier_name: "Fake Mobile" };
        return json(200, {
          phone_number: number,
          valid: true,
          calling_country_code: "52",
          country_code: "MX",
          line_type_intelligence: wanted ? { ...line, error_code: null, mobile_country_code: "334", mobile_network_code: "020" } : null,
          url: `${requestUrl.origin}${requestUrl.pathname}`,
        });
      }
      const one = /^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(requestUrl.pathname);
      if (one) {
        const found = messages.find((message) => message.sid === one[1]);
        return found ? json(200, asResource(found)) : json(404, { code: 20404, message: "Not found", status: 404 });
      }
      if (/^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\.json$/.test(requestUrl.pathname)) {
        const to = requestUrl.searchParams.get("To");
        const after = requestUrl.searchParams.get("DateSent>");
        const since = after ? new Date(after.length === 10 ? `${after}T00:00:00Z` : after) : null;
        const listed = messages.filter((message) => (!to || message.to === to) && (!since || message.dateSent >= since)).reverse();
        return json(200, {
          messages: listed.map(asResource),
          end: listed.length,
          first_page_uri: requestUrl.pathname,
          next_page_uri: null,
          page: 0,
          page_size: 1000,
          previous_page_uri: null,
          start: 0,
          uri: requestUrl.pathname,
        });
      }
      return json(404, { code: 20404, message: "Not found", status: 404 });
    }
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/(Messages|Calls)\.json$/.exec(request.url ?? "");
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const reply = (status: number, payload: object) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(payload));
      };
      if (!match || request.method !== "POST") return reply(404, { code: 20404, message: "Not found", status: 404 });
      if (request.headers.authorization !== expectedAuth || match[1] !== accountSid)
        return reply(401, { code: 20003, message: "Authenticate", status: 401 });
      const params = Object.fromEntries(new URLSearchParams(body));
      const resource = match[2] as RecordedRequest["resource"];
      const recorded = { resource, accountSid, params, receivedAt: performance.now() };
      requests.push(recorded);
      fake.onRequest?.(recorded);
      const behaviour = behaviours.shift();
      if (behaviour?.kind === "hang") return void hanging.add(response);
      if (behaviour?.kind === "status")
        return reply(behaviour.status, {
          code: behaviour.status === 429 ? 20429 : 20500,
          message: "Simulated failure",
          status: behaviour.status,
        });
      const sid = `${resource === "Messages" ? "SM" : "CA"}${randomBytes(16).toString("hex")}`;
      if (resource === "Messages")
        messages.push({
          sid,
          direction: "outbound-api",
          from: params.From ?? "",
          to: params.To ?? "",
          body: params.Body ?? "",
          status: "queued",
          dateSent: new Date(),
        });
      reply(201, {
        sid,
        account_sid: accountSid,
        to: params.To,
        from: params.From ?? null,
        body: params.Body ?? null,
        status: "queued",
        date_created: new Date().toUTCString(),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeTwilio = {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    lookups,
    messages,
    receive: ({ from, to, body, dateSent }) => {
      const message: StoredMessage = {
        sid: `SM${randomBytes(16).toString("hex")}`,
        direction: "inbound",
        from,
        to,
        body,
        status: "received",
        dateSent: dateSent ?? new Date(),
      };
      messages.push(message);
      return message;
    },
    failNext: (status, times = 1) => behaviours.push(...Array.from({ length: times }, () => ({ kind: "status" as const, status }))),
    hangNext: (times = 1) => behaviours.push(...Array.from({ length: times }, () => ({ kind: "hang" as const }))),
    behaveNormally: () => void behaviours.splice(0, behaviours.length),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
