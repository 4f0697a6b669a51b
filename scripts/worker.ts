// The escalation timers' worker (graphile-worker on PostgreSQL). `npm start` runs it beside
// Next; in production run one or more with `npm run worker` (any number is safe: each job runs once).
import { keepWorkerAlive, superviseIncidentWorker } from "../lib/server/incidents/worker.ts";

const worker = superviseIncidentWorker();
// A database restart must not end this process: the runner is restarted instead.
keepWorkerAlive(worker);
console.log("confirma: escalation worker running");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void worker.stop().then(() => process.exit(0));
  });
}
