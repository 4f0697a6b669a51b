// The worker (graphile-worker on PostgreSQL): escalation timers, the outbox, and the webhooks the
// web server stored and handed over. `npm start` runs it beside the web server; in production run
// one or more with `npm run worker` (any number is safe: each job and each webhook acts once).
import { keepWorkerAlive, superviseIncidentWorker } from "../lib/server/incidents/worker.ts";
import { listenForInbound } from "../lib/server/messaging/inbound-listener.ts";

const worker = superviseIncidentWorker();
// A database restart must not end this process: the runner is restarted instead.
keepWorkerAlive(worker);
const inbound = listenForInbound();
console.log("confirma: escalation worker running");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.all([worker.stop(), inbound.stop()]).then(() => process.exit(0));
  });
}
