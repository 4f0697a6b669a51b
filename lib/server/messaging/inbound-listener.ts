import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { actOnNewInbound, INBOUND_CHANNEL } from "./inbound";

/** A wake-up may be lost (the web server's NOTIFY failed): the worker also looks this often. */
const FALLBACK_LOOK_MS = 1000;

/**
 * The worker's half of the webhook hand-over: LISTENs for the web server's wake-ups and acts on
 * what was stored, one pass at a time (a wake-up during a pass brings one more pass). It looks on
 * every (re)connection, since nothing was heard while disconnected, and every second anyway.
 * A lost connection (a database restart) is retried every second until `stop`.
 */
export function listenForInbound(options: { fallbackLookMs?: number } = {}): { listening: Promise<void>; stop(): Promise<void> } {
  let stopped = false;
  let markListening = () => {};
  const listening = new Promise<void>((resolve) => (markListening = resolve));
  let client: pg.Client | null = null;
  let acting: Promise<void> | null = null;
  let actAgain = false;

  const act = () => {
    if (stopped) return;
    if (acting) {
      actAgain = true;
      return;
    }
    acting = actOnNewInbound()
      .then(() => undefined)
      .catch((error: unknown) =>
        console.warn(
          `worker: acting on new webhooks failed (${error instanceof Error ? error.name : typeof error}); the sweeper will retry`,
        ),
      )
      .finally(() => {
        acting = null;
        if (actAgain) {
          actAgain = false;
          act();
        }
      });
  };

  const stayConnected = async () => {
    while (!stopped) {
      const current = new pg.Client({ connectionString: env.DATABASE_URL });
      const ended = new Promise<void>((resolve) => {
        current.once("end", resolve);
        current.on("error", () => void current.end().catch(() => undefined));
      });
      current.on("notification", act);
      try {
        await current.connect();
        await current.query(`LISTEN ${INBOUND_CHANNEL}`);
        client = current;
        markListening();
        act();
        await ended;
      } catch {
        await current.end().catch(() => undefined);
      }
      client = null;
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };

  void stayConnected();
  const fallback = setInterval(act, options.fallbackLookMs ?? FALLBACK_LOOK_MS);
  return {
    listening,
    async stop() {
      stopped = true;
      clearInterval(fallback);
      await client?.end().catch(() => undefined);
      await acting;
    },
  };
}
