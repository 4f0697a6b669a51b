"use client";
// What an adult did on the live-call screen while the phone had no network (decision 012):
// ticks and notes, kept in this phone's localStorage in the order they were made, sent by the
// same server actions when the network returns. Only "set" intents are queued (a step's state,
// the notes' text), so sending one twice, or after a send whose answer was lost, changes nothing.
import { useMemo, useSyncExternalStore } from "react";

export type QueuedIntent = { id: string; familyId: string; incidentId: string } & (
  | { kind: "tick"; step: string; checked: boolean }
  | { kind: "notes"; notes: { callerNumber: string; demands: string; paymentInstructions: string } }
);
export type Intent = QueuedIntent extends infer I ? (I extends QueuedIntent ? Omit<I, "id"> : never) : never;

const storageKey = "confirma.offline-queue";
const changed = "confirma:offline-queue";

function parse(raw: string | null): QueuedIntent[] {
  try {
    const list: unknown = JSON.parse(raw ?? "[]");
    return Array.isArray(list) ? (list as QueuedIntent[]) : [];
  } catch {
    return [];
  }
}

const read = () => parse(snapshot());

function write(list: QueuedIntent[]) {
  if (list.length > 0) localStorage.setItem(storageKey, JSON.stringify(list));
  else localStorage.removeItem(storageKey);
  window.dispatchEvent(new Event(changed));
}

export function enqueue(intent: Intent) {
  write([...read(), { ...intent, id: crypto.randomUUID() } as QueuedIntent]);
}

/** On sign-out: nothing one adult queued is ever sent under another's session. */
export function forgetOfflineQueue() {
  try {
    write([]);
  } catch {
    // storage unavailable: nothing was queued
  }
}

function snapshot(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function subscribe(callback: () => void) {
  window.addEventListener(changed, callback);
  window.addEventListener("storage", callback);
  return () => {
    window.removeEventListener(changed, callback);
    window.removeEventListener("storage", callback);
  };
}

/** What is waiting to be sent for one incident, oldest first (nothing during server rendering). */
export function useQueued(incidentId: string): QueuedIntent[] {
  const raw = useSyncExternalStore(subscribe, snapshot, () => null);
  return useMemo(() => parse(raw).filter((intent) => intent.incidentId === incidentId), [raw, incidentId]);
}

export const hasQueued = () => read().length > 0;

let sending = false;
let retry: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends what is queued, oldest first, one at a time. A send that fails on the network stops
 * the run (the intent stays, and the next one waits behind it); an answer of any kind, even a
 * refusal (the incident has ended meanwhile), removes it.
 */
export async function flush(send: (intent: QueuedIntent) => Promise<unknown>) {
  if (sending || !navigator.onLine) return;
  sending = true;
  clearTimeout(retry);
  try {
    for (let next = read()[0]; next; next = read()[0]) {
      try {
        await send(next);
      } catch {
        retry = setTimeout(() => void flush(send), 15_000);
        return;
      }
      const sent = next.id;
      write(read().filter((intent) => intent.id !== sent));
    }
  } finally {
    sending = false;
  }
}

/** A failed fetch (no network, or the connection dropped) rather than the server's answer. */
export const isNetworkFailure = (error: unknown) => !navigator.onLine || error instanceof TypeError;

/** Asks the service worker to keep a fresh copy of this live page (after a change saved online). */
export function refreshKeptPage() {
  navigator.serviceWorker?.controller?.postMessage({ type: "keep-page", path: location.pathname });
}
