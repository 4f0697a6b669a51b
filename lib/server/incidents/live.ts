import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env";
import { INCIDENT_CHANNEL } from "./events";
import { LIVE_EVENTS_PER_READ, readLiveUpdate, type LiveUpdate } from "./live-view";

const END_OF_TIMELINE = BigInt("9223372036854775807");

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

type Hub = {
  listeners: Set<(update: LiveUpdate) => void>;
  cursor: bigint;
  /** Entries already passed on: a read looks back a little, for entries that committed late. */
  sent: Set<string>;
  reading: Promise<void>;
  ready: Promise<void>;
  unsubscribe: () => void;
  dropped: boolean;
};
const hubs = new Map<string, Hub>();
/** Timeline ids come from one sequence and transactions commit out of order: an entry may
 * appear after a later one was read. Each read also looks back this far, and skips what it sent. */
export const LIVE_LOOKBACK_SECONDS = 60;
const SENT_REMEMBERED = 1000;

function remember(sent: Set<string>, id: string) {
  sent.add(id);
  if (sent.size > SENT_REMEMBERED) sent.delete(sent.values().next().value!);
}

/**
 * Calls `onUpdate` with every new timeline entry of the incident and the view it led to. One
 * read per burst of events per app instance serves every adult watching on it: the cost of an
 * event does not grow with the number of watchers. Every commit that touched the timeline sends
 * the view again, even with no entry new to this hub (one that committed late may have changed
 * it). A new subscriber reads what it missed itself, after subscribing, so nothing falls between
 * the two; updates may overlap that read, and the subscriber skips what it already sent.
 */
export async function subscribeToLiveUpdates(incidentId: string, onUpdate: (update: LiveUpdate) => void): Promise<() => void> {
  let hub = hubs.get(incidentId);
  if (!hub) {
    const created: Hub = {
      listeners: new Set(),
      cursor: BigInt(0),
      sent: new Set(),
      reading: Promise.resolve(),
      ready: Promise.resolve(),
      unsubscribe: () => {},
      dropped: false,
    };
    hubs.set(incidentId, created);
    // The hub starts from the timeline's end as the database has it, never from what a browser
    // claims to have seen (a made-up position would silence every watcher of this instance).
    // What is already there (the end, and the last while) counts as passed on: each subscriber
    // reads that itself.
    created.reading = readLiveUpdate({ incidentId, afterEventId: END_OF_TIMELINE, lookbackSeconds: LIVE_LOOKBACK_SECONDS }).then(
      (now) => {
        if (!now) return;
        created.cursor = BigInt(now.lastEventId);
        for (const event of now.events) remember(created.sent, event.id);
      },
      () => undefined,
    );
    const read = () => {
      created.reading = created.reading
        .then(async () => {
          if (created.listeners.size === 0) return;
          const update = await readLiveUpdate({ incidentId, afterEventId: created.cursor, lookbackSeconds: LIVE_LOOKBACK_SECONDS });
          if (!update) return;
          const fresh = update.events.filter((event) => !created.sent.has(event.id));
          for (const event of fresh) remember(created.sent, event.id);
          for (const event of update.events) if (BigInt(event.id) > created.cursor) created.cursor = BigInt(event.id);
          const passedOn = { ...update, events: fresh };
          for (const listener of created.listeners) listener(passedOn);
          // More than one read's worth arrived together: keep reading.
          if (update.events.length >= LIVE_EVENTS_PER_READ) read();
        })
        .catch(() => undefined);
    };
    created.ready = subscribeToIncident(incidentId, read).then(
      (unsubscribe) => {
        created.unsubscribe = unsubscribe;
        if (created.dropped) unsubscribe(); // everyone left while it was being set up
      },
      (error: unknown) => {
        // No LISTEN: forget this hub, so the next watcher tries again instead of joining a dead one.
        if (hubs.get(incidentId) === created) hubs.delete(incidentId);
        throw error;
      },
    );
    hub = created;
  }
  const current = hub;
  current.listeners.add(onUpdate);
  const unsubscribe = () => {
    current.listeners.delete(onUpdate);
    if (current.listeners.size === 0 && !current.dropped) {
      current.dropped = true;
      if (hubs.get(incidentId) === current) hubs.delete(incidentId);
      current.unsubscribe();
    }
  };
  try {
    await current.ready;
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}
