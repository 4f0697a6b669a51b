// The worker as production runs it (scripts/worker.ts, its own process) behind a TCP proxy that
// plays a database restart: PostgreSQL goes away across a cron tick (graphile-worker's cron then
// fails with "Connection terminated unexpectedly" outside any job), and comes back. The process
// must still be alive afterwards, and must still run a job that comes due.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { createTestPlan } from "./factories";
import { startTcpProxy } from "./tcp-proxy";

const APP_NUMBER = "+15005550006";
const root = path.resolve(import.meta.dirname, "../..");
let fake: FakeTwilio;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

beforeAll(async () => {
  fake = await startFakeTwilio();
  const url = new URL(env.DATABASE_URL);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
});
afterAll(async () => {
  await fake.close();
  await proxy.close();
  await (await workerUtils()).release();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the worker process through a database outage", () => {
  it("survives the outage across a cron tick and runs a job that comes due afterwards", { timeout: 240_000 }, async () => {
    const proxied = new URL(env.DATABASE_URL);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: proxied.toString(),
        BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET,
        PUBLIC_BASE_URL: env.PUBLIC_BASE_URL,
        TWILIO_ACCOUNT_SID: fake.accountSid,
        TWILIO_AUTH_TOKEN: fake.authToken,
        TWILIO_FROM_NUMBER: APP_NUMBER,
        TWILIO_API_BASE_URL: fake.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 60_000 }).toContain("escalation worker running");
      // Connected and polling: graphile-worker's schema is there and the start-up reconciliation was queued.
      await expect
        .poll(
          async () =>
            (
              await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = 'reconcile:after-start'`
            )[0]!.n,
          { timeout: 60_000 },
        )
        .toBe(0);

      // Down from just before a cron tick (every minute, on the minute) until after it: the runner
      // is still up when its cron fires into the outage.
      let tick = Math.floor(Date.now() / 60_000 + 1) * 60_000;
      if (tick - Date.now() < 2_000) tick += 60_000;
      while (Date.now() < tick - 500) await sleep(Math.min(250, tick - 500 - Date.now()));
      proxy.down();
      while (Date.now() < tick + 5_000) await sleep(500);
      proxy.up();
      expect(child.exitCode).toBeNull();

      // A job that comes due now (the first text of a verification) is run by the same process.
      const plan = await createTestPlan();
      const ana = plan.people[0]!;
      await startIncident({ ...plan.scope, personId: ana.id });
      await expect
        .poll(() => fake.requests.filter((request) => request.params.To === ana.phone).length, { timeout: 90_000, interval: 500 })
        .toBe(1);
      expect(child.exitCode, output).toBeNull();
    } finally {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000).then(() => child.kill("SIGKILL"))]);
    }
  });
});
