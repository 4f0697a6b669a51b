// The web server `npm start` and `npm run dev` run (scripts/serve.ts spawns it): Next, with the
// provider's webhooks answered in front of it on the same port by the lean intake
// (docs/decisions/017-lean-webhook-intake.md). Everything else is Next's.
import http from "node:http";
import path from "node:path";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
// Next reads NODE_ENV when it loads: `next start` forces production, `next dev` development.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

const { default: next } = await import("next");
const { serveTwilioWebhook } = await import("../lib/server/messaging/webhook-intake.ts");

const app = next({ dev, dir: path.join(import.meta.dirname, ".."), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  if (serveTwilioWebhook(request, response)) return;
  void handle(request, response);
});
server.listen(port, () => console.log(`confirma: web server listening on port ${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
