// The escalation timers' worker (graphile-worker on PostgreSQL). `npm start` runs it beside
// Next; in production run one or more with `npm run worker` (any number is safe: each job runs once).
import { startIncidentWorker } from "../lib/server/incidents/worker.ts";

const runner = await startIncidentWorker();
console.log("confirma: escalation worker running");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void runner.stop().then(() => process.exit(0));
  });
}
await runner.promise;
