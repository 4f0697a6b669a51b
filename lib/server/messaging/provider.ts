import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { createSimulatorProvider } from "./simulator-provider";
import { createTwilioProvider } from "./twilio-provider";

export type ProviderResult = { sid: string; status: string };

/** Why a provider call failed, which decides whether it may be tried again. */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** retryable: the provider said so (429, 5xx) or nothing reached it; timeout: it may have been sent. */
    readonly kind: "retryable" | "permanent" | "timeout",
    readonly code?: string,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

/** A message as the provider's own record holds it. */
export type RecordedMessage = {
  sid: string;
  direction: string;
  from: string;
  to: string;
  body: string;
  status: string;
  sentAt: Date | null;
  /** Our message's id, when the record keeps it (the simulator's does; Twilio's list does not). */
  messageId?: string;
};

/** Reading the provider's record, to reconcile with it after an outage (Twilio's Messages list). */
export interface ProviderRecord {
  /** Texts received by `to` (or by any of the account's numbers) since `since`. */
  listInbound(options: { to?: string; since: Date }): Promise<RecordedMessage[]>;
  /** Texts sent to `to` since `since`: a message whose send was cut off may be there. */
  listSent(options: { to: string; since: Date }): Promise<RecordedMessage[]>;
  fetchMessage(sid: string): Promise<RecordedMessage | null>;
}

/** Twilio Lookup v2 line types (line_type_intelligence.type). */
export const lineTypes = [
  "mobile",
  "landline",
  "fixedVoip",
  "nonFixedVoip",
  "personal",
  "tollFree",
  "premium",
  "sharedCost",
  "uan",
  "voicemail",
  "pager",
  "unknown",
] as const;
export type LineType = (typeof lineTypes)[number];

/** What the provider knows of a number's line: its type and carrier (Twilio Lookup v2). */
export type LineLookup = { lineType: LineType | null; carrier: string | null };

export interface MessagingProvider {
  readonly name: "twilio" | "simulator";
  /** The numbers it can send from when they form a pool (TWILIO_FROM_NUMBERS); empty: one sender. */
  readonly senderPool: readonly string[];
  /** The numbers texts come in to, for reconciliation. */
  readonly inboundNumbers: readonly string[];
  /** The record the app can read: Twilio's Messages list, or the simulator's database rows. */
  readonly record?: ProviderRecord;
  sendSms(input: { to: string; body: string; statusCallback: string; from?: string | null }): Promise<ProviderResult>;
  startCall(input: { to: string; twimlUrl: string; statusCallback: string; from?: string | null }): Promise<ProviderResult>;
  /** Line type and carrier of a number (Twilio Lookup v2); absent where the provider has none. */
  lookUpNumber?(e164: string): Promise<LineLookup>;
}

/** A line type as the provider wrote it, or "unknown" for anything new. */
export function toLineType(value: unknown): LineType | null {
  if (value === null || value === undefined || value === "") return null;
  return (lineTypes as readonly string[]).includes(String(value)) ? (value as LineType) : "unknown";
}

let provider: MessagingProvider | undefined;

/** Twilio when its credentials are configured, else the local simulator. */
export function getMessagingProvider(): MessagingProvider {
  provider ??= env.TWILIO_ACCOUNT_SID ? createTwilioProvider(env) : createSimulatorProvider();
  return provider;
}

/** Lets tests swap the provider (e.g. the real SDK against a fake server) and restore it. */
export function setMessagingProvider(next: MessagingProvider | undefined) {
  provider = next;
}

/**
 * The token webhooks are signed with: Twilio's auth token, or for the simulator a token derived
 * from the app secret, so that simulated replies pass the very same signature check.
 */
export function webhookAuthToken(): string {
  return env.TWILIO_AUTH_TOKEN ?? createHmac("sha256", env.BETTER_AUTH_SECRET).update("confirma-simulator-webhooks").digest("hex");
}

export function isSimulatorAvailable(): boolean {
  return !env.TWILIO_ACCOUNT_SID && (env.NODE_ENV !== "production" || env.SIMULATOR_ENABLED);
}

/**
 * Twilio's connection overrides: up to 5 retries within its 15-second budget, on a refused or
 * timed-out connection and on 5xx (the 503 the app answers while its database is away). Without
 * them Twilio retries once, on connection failures only. Whatever outlives the budget is found
 * again by reconciliation with the provider's own record (lib/server/messaging/reconcile.ts).
 */
export const CONNECTION_OVERRIDES = "rc=5&rp=ct,rt,5xx";

/** A callback URL the app gives the provider: carries the message's id, and the overrides. */
export function callbackUrl(path: string, messageId: string): string {
  return `${env.PUBLIC_BASE_URL}${path}?m=${messageId}#${CONNECTION_OVERRIDES}`;
}
