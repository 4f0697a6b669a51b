// A real app process for the fault suite: does one thing through the app's own code (a webhook as
// the route receives it, or a tap on "verify"), or runs the worker, and may be killed at a fault
// point on the way (CONFIRMA_KILL_AT). Run with: node --conditions=react-server --import tsx.
const [action, payload] = [process.argv[2], JSON.parse(process.argv[3] ?? "{}")];

if (action === "webhook") {
  const { handleTwilioWebhook } = await import("../../lib/server/messaging/webhooks.ts");
  const response = await handleTwilioWebhook(
    new Request(`${process.env.PUBLIC_BASE_URL}${payload.path}`, { method: "POST", headers: payload.headers, body: payload.body }),
  );
  process.stdout.write(`status ${response.status}\n`);
  process.exit(0);
} else if (action === "start-incident") {
  const { startIncident } = await import("../../lib/server/incidents/start-incident.ts");
  const started = await startIncident(payload);
  process.stdout.write(`incident ${started.incident.id}\n`);
  process.exit(0);
} else if (action === "worker") {
  const { superviseIncidentWorker } = await import("../../lib/server/incidents/worker.ts");
  const worker = superviseIncidentWorker({ pollInterval: 100 });
  process.stdout.write("worker running\n");
  process.on("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
}
export {};
