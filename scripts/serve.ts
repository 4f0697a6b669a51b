// `npm start` / `npm run dev`: the one command that runs Confirma. It picks the database
// (DATABASE_URL, else an embedded PostgreSQL kept in CONFIRMA_DATA_DIR), applies migrations,
// builds when the build is missing or stale, then runs Next and shuts everything down on Ctrl-C.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { InvalidEnvironmentError, launcherEnvSchema, parseEnvironment, type LauncherEnv } from "../lib/env-schema.ts";
import { openConfiguredDatabase } from "./db/database.ts";
import { DataFolderUnreachableError, isPortFree, PortInUseError } from "./db/embedded-postgres.ts";
import { applyMigrations, projectRoot } from "./db/migrations.ts";
import { dataFolderSecret } from "./data-secrets.ts";
import { loadDotEnv } from "./load-dotenv.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(`confirma: ${message}`);
  process.exit(1);
}

function newestSourceChange(): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "messages", "public"]) {
    if (existsSync(path.join(projectRoot, dir))) visit(path.join(projectRoot, dir));
  }
  for (const file of ["next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json"]) {
    if (existsSync(path.join(projectRoot, file))) newest = Math.max(newest, statSync(path.join(projectRoot, file)).mtimeMs);
  }
  return newest;
}

/** "2 min 5 s", "40 s". */
function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * Builds when the build is missing or older than the code. A first build takes minutes, with
 * long silences from Next: say so up front, pass Next's own lines through as they come, and
 * between them say every 15 seconds that it is still going and for how long.
 */
async function buildIfStale() {
  const buildId = path.join(projectRoot, ".next/BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceChange()) return;
  console.log("confirma: building the app (first start, or the code changed). This usually takes 2–4 minutes; progress follows.");
  const started = Date.now();
  let lastOutput = started;
  const child = spawn(process.execPath, [nextBin, "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    cwd: projectRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const relay = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    let pending = "";
    from.setEncoding("utf8");
    from.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split(/\r?\n|\r/);
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) to.write(`  ${line}\n`);
      lastOutput = Date.now();
    });
    from.on("end", () => {
      if (pending.trim()) to.write(`  ${pending}\n`);
    });
  };
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  const ticker = setInterval(() => {
    if (Date.now() - lastOutput >= 14_000) console.log(`confirma: still building… ${formatElapsed(Date.now() - started)} so far`);
  }, 15_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(ticker);
  if (code !== 0) fail("the build failed; see the output above.");
  console.log(`confirma: built in ${formatElapsed(Date.now() - started)}`);
}

async function main() {
  loadDotEnv(path.join(projectRoot, ".env"));
  let env: LauncherEnv;
  try {
    env = parseEnvironment(launcherEnvSchema, process.env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) fail(error.message);
    throw error;
  }
  env.CONFIRMA_DATA_DIR = path.resolve(projectRoot, env.CONFIRMA_DATA_DIR);
  if (!(await isPortFree(env.PORT, "0.0.0.0"))) {
    fail(`port ${env.PORT} is already in use. Stop the program using it, or choose another port: PORT=3001 npm start`);
  }
  let secret: string, registrySecret: string;
  try {
    // Generated into the data folder when unset outside production, so sessions (and the caller
    // registry's hashes, docs/decisions/015-caller-registry.md) survive restarts without setup.
    secret = dataFolderSecret(env, "BETTER_AUTH_SECRET");
    registrySecret = dataFolderSecret(env, "CALLER_REGISTRY_SECRET");
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`;

  let database;
  try {
    database = await openConfiguredDatabase(env);
  } catch (error) {
    if (error instanceof PortInUseError || error instanceof DataFolderUnreachableError) fail(error.message);
    // Anything else from starting the database is said in one paragraph, not a stack trace.
    fail(error instanceof Error ? error.message : String(error));
  }
  console.log(
    database.embedded
      ? `confirma: embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}, data in ${database.dataDir && !database.dataDir.startsWith(projectRoot) ? database.dataDir : `${path.relative(projectRoot, env.CONFIRMA_DATA_DIR) || "."}/postgres`}`
      : "confirma: using the PostgreSQL server in DATABASE_URL",
  );

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };

  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) console.log(`confirma: applied migrations ${applied.join(", ")}`);
  } catch (error) {
    console.error(`confirma: migrations failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }

  if (mode === "start") await buildIfStale();

  // A local install on the embedded database is a demo: the simulator page is on unless refused.
  // In production (NODE_ENV=production) it stays off unless SIMULATOR_ENABLED says otherwise.
  const simulatorEnabled = process.env.SIMULATOR_ENABLED || (database.embedded && env.NODE_ENV !== "production" ? "true" : "false");
  const childEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: secret,
    CALLER_REGISTRY_SECRET: registrySecret,
    PUBLIC_BASE_URL: publicBaseUrl,
    PORT: String(env.PORT),
    SIMULATOR_ENABLED: simulatorEnabled,
  };
  // The server learns each request's TCP peer (lib/client-address.ts), through NODE_OPTIONS so
  // that any process Next forks learns it too. A worker runs beside it, so the web server hands
  // stored webhooks over to the worker instead of acting on them itself.
  const preloads = ["scripts/peer-address.mjs", "scripts/server-only-outside-react.mjs"].map(
    (file) => `--import ${JSON.stringify(path.join(projectRoot, file))}`,
  );
  const serverEnv = {
    ...childEnv,
    INBOUND_PROCESSING: process.env.INBOUND_PROCESSING || "worker",
    NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", ...preloads].join(" ").trim(),
  };
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/web-server.ts"), mode], {
    stdio: "inherit",
    cwd: projectRoot,
    env: serverEnv,
  });
  // The escalation timers run beside the web server, on the same database; if the worker ever
  // exits on its own, it is started again (after 1 s, doubling to 30 s while it keeps failing).
  const startWorker = () =>
    spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts/worker.ts")], {
      stdio: "inherit",
      cwd: projectRoot,
      env: childEnv,
    });
  let worker = startWorker();
  let workerStartedAt = Date.now();
  let workerBackoffMs = 1000;
  let workerWanted = true;
  console.log(`confirma: serving on ${publicBaseUrl}`);
  if (!process.env.TWILIO_ACCOUNT_SID) {
    console.log(
      simulatorEnabled === "true"
        ? `confirma: no Twilio account configured: messages and calls go to the simulator, ${publicBaseUrl}/simulator`
        : "confirma: no Twilio account configured and the simulator is off: nothing will reach a phone",
    );
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      workerWanted = false;
      if (worker.exitCode === null) worker.kill("SIGTERM");
      if (child.exitCode === null) child.kill("SIGTERM");
      else void shutdown(0);
    });
  }
  child.on("exit", (code) => {
    if (worker.exitCode === null) worker.kill("SIGTERM");
    void shutdown(code ?? 0);
  });
  const onWorkerExit = (code: number | null) => {
    if (stopping || !workerWanted || child.exitCode !== null) return;
    if (Date.now() - workerStartedAt > 60_000) workerBackoffMs = 1000;
    console.error(`confirma: the escalation worker stopped (exit ${code}); starting it again in ${workerBackoffMs / 1000} s.`);
    setTimeout(() => {
      if (stopping || !workerWanted || child.exitCode !== null) return;
      worker = startWorker();
      workerStartedAt = Date.now();
      worker.on("exit", onWorkerExit);
    }, workerBackoffMs);
    workerBackoffMs = Math.min(workerBackoffMs * 2, 30_000);
  };
  worker.on("exit", onWorkerExit);
}

await main();
