import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env";
import { INCIDENT_CHANNEL } from "./events";
import { latestEventId, LIVE_EVENTS_PER_READ, readLiveUpdate, type LiveUpdate } from "./live-view";

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

type Hub = { listeners: Set<(update: LiveUpdate) => void>; cursor: bigint; reading: Promise<void>; unsubscribe: () => void };
const hubs = new Map<string, Hub>();

/**
 * Calls `onUpdate` with every new timeline entry of the incident and the view it led to. One
 * read per burst of events per app instance serves every adult watching on it: the cost of an
 * event does not grow with the number of watchers. A new subscriber reads what it missed itself,
 * after subscribing, so nothing falls between the two; updates may overlap that read, and the
 * subscriber skips what it already sent.
 */
export async function subscribeToLiveUpdates(incidentId: string, onUpdate: (update: LiveUpdate) => void): Promise<() => void> {
  let hub = hubs.get(incidentId);
  if (!hub) {
    const created: Hub = { listeners: new Set(), cursor: BigInt(0), reading: Promise.resolve(), unsubscribe: () => {} };
    hubs.set(incidentId, created);
    // The hub starts from the timeline's end as the database has it, never from what a browser
    // claims to have seen (a made-up position would silence every watcher of this instance).
    created.reading = latestEventId(incidentId).then((latest) => void (created.cursor = latest), () => undefined);
    const read = () => {
      created.reading = created.reading
        .then(async () => {
          if (created.listeners.size === 0) return;
          const update = await readLiveUpdate({ incidentId, afterEventId: created.cursor });
          if (!update || update.events.length === 0) return;
          created.cursor = BigInt(update.events.at(-1)!.id);
          for (const listener of created.listeners) listener(update);
          // More than one read's worth arrived together: keep reading.
          if (update.events.length >= LIVE_EVENTS_PER_READ) read();
        })
        .catch(() => undefined);
    };
    created.unsubscribe = await subscribeToIncident(incidentId, read);
    hub = created;
  }
  hub.listeners.add(onUpdate);
  const current = hub;
  return () => {
    current.listeners.delete(onUpdate);
    if (current.listeners.size === 0 && hubs.get(incidentId) === current) {
      hubs.delete(incidentId);
      current.unsubscribe();
    }
  };
}
