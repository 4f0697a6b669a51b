import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env";
import { INCIDENT_CHANNEL } from "./events";

/**
 * One LISTEN connection per app instance, fanned out to every open stream of that instance.
 * NOTIFY comes from whichever instance (or worker) appended the event, so every adult
 * watching sees the same timeline, whatever instance serves them.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);
let listening: Promise<void> | undefined;

/** A lost LISTEN connection (database restart) is re-opened, and every stream re-reads. */
function relisten() {
  listening = undefined;
  setTimeout(() => {
    if (emitter.listenerCount("reconnect") === 0) return;
    listen().then(
      () => emitter.emit("reconnect"),
      () => relisten(),
    );
  }, 1000).unref?.();
}

function listen(): Promise<void> {
  listening ??= (async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on("notification", (message) => {
      if (message.payload) emitter.emit(message.payload);
    });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      relisten();
    };
    client.on("error", onLost);
    client.on("end", onLost);
    await client.connect();
    await client.query(`LISTEN ${INCIDENT_CHANNEL}`);
  })().catch((error) => {
    listening = undefined;
    throw error;
  });
  return listening;
}

/** Calls `onEvent` whenever the incident's timeline grows; returns the unsubscribe function. */
export async function subscribeToIncident(incidentId: string, onEvent: () => void): Promise<() => void> {
  await listen();
  emitter.on(incidentId, onEvent);
  emitter.on("reconnect", onEvent);
  return () => {
    emitter.off(incidentId, onEvent);
    emitter.off("reconnect", onEvent);
  };
}
