// The webhook intake baseline: a bare node:http server doing the same signature check and the
// same single insert with `pg`, and nothing else. The app's figure is compared with it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import twilio from "twilio";

export async function startBaselineServer(options: { databaseUrl: string; authToken: string; publicBaseUrl: string }) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  await pool.query(
    "CREATE TABLE IF NOT EXISTS bench_baseline_inbound (provider_key text PRIMARY KEY, from_number text, body text, params jsonb, received_at timestamptz DEFAULT now())",
  );
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", async () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const signature = String(request.headers["x-twilio-signature"] ?? "");
      if (!twilio.validateRequest(options.authToken, signature, `${options.publicBaseUrl}${request.url}`, params)) {
        response.writeHead(403).end();
        return;
      }
      try {
        await pool.query(
          "INSERT INTO bench_baseline_inbound (provider_key, from_number, body, params) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
          [params.MessageSid, params.From, params.Body, params],
        );
        response.writeHead(200, { "Content-Type": "text/xml" }).end("<Response/>");
      } catch {
        response.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: async (keys: string[]) =>
      (await pool.query("SELECT count(*)::int AS n FROM bench_baseline_inbound WHERE provider_key = ANY($1)", [keys])).rows[0].n as number,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
