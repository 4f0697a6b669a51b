import "server-only";
import twilio from "twilio";
import { env } from "@/lib/env";
import { readCappedBody } from "@/lib/read-capped-body";
import { CONNECTION_OVERRIDES, webhookAuthToken } from "./provider";
import { handleGather, handleStatusCallback, handleVoice } from "./receive-call-events";
import { receiveInboundSms } from "./receive-sms";

export const MAX_WEBHOOK_BYTES = 64 * 1024;

const endpoints = {
  "/api/twilio/sms": receiveInboundSms,
  "/api/twilio/status": handleStatusCallback,
  "/api/twilio/voice": handleVoice,
  "/api/twilio/voice/gather": handleGather,
} as const;

export type WebhookInput = { params: Record<string, string>; messageId: string | null };

const emptyTwiml = () => new Response('<?xml version="1.0" encoding="UTF-8"?><Response/>', { headers: { "Content-Type": "text/xml" } });

/** The body as text, abandoned as soon as it passes the cap (lib/read-capped-body.ts). Null when too large. */
async function readLimitedBody(request: Request): Promise<string | null> {
  const bytes = await readCappedBody(request.body, MAX_WEBHOOK_BYTES, request.headers.get("content-length"));
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

export function isTwilioWebhookPath(pathname: string): boolean {
  return Object.hasOwn(endpoints, pathname);
}

/** A webhook as it arrived, whatever the server in front: Next's route or the lean intake (lib/server/messaging/webhook-intake.ts). */
export type ArrivedWebhook = { pathname: string; search: string; contentType: string | null; signature: string | null; text: string };

/** Through Next's route handler (app/api/twilio/*), when the lean intake is not in front. */
export async function handleTwilioWebhook(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!isTwilioWebhookPath(url.pathname)) return new Response("Not found", { status: 404 });
  const text = await readLimitedBody(request);
  if (text === null) return new Response("Payload too large", { status: 413 });
  return acceptTwilioWebhook({
    pathname: url.pathname,
    search: url.search,
    contentType: request.headers.get("content-type"),
    signature: request.headers.get("x-twilio-signature"),
    text,
  });
}

/**
 * Every provider webhook enters here, its body already read under MAX_WEBHOOK_BYTES: form
 * parsing, signature check against PUBLIC_BASE_URL + path (never the request's own Host), then
 * the endpoint's handler. Forged or unsigned requests get 403 and change nothing.
 */
export async function acceptTwilioWebhook(arrived: ArrivedWebhook): Promise<Response> {
  const handler = endpoints[arrived.pathname as keyof typeof endpoints];
  if (!handler) return new Response("Not found", { status: 404 });
  if (!(arrived.contentType ?? "").startsWith("application/x-www-form-urlencoded")) {
    return new Response("Expected a form body", { status: 415 });
  }
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(arrived.text)) params[key] = value;

  const signature = arrived.signature;
  const signedUrl = `${env.PUBLIC_BASE_URL}${arrived.pathname}${arrived.search}`;
  // The fragment never reaches us; whether the provider signed the URL with the connection
  // overrides the app set or without them, both are the app's own URL.
  const signedAsSet = (candidate: string) => twilio.validateRequest(webhookAuthToken(), signature!, candidate, params);
  if (!signature || !(signedAsSet(signedUrl) || signedAsSet(`${signedUrl}#${CONNECTION_OVERRIDES}`))) {
    return new Response("Forbidden", { status: 403 });
  }

  // Names starting with "_" are the app's own notes on a stored row (`_m`, `_sentAt`); the
  // provider never sends them, so none may come in from outside.
  for (const key of Object.keys(params)) if (key.startsWith("_")) delete params[key];
  try {
    const result = await handler({ params, messageId: new URLSearchParams(arrived.search).get("m") });
    return result ?? emptyTwiml();
  } catch (error) {
    // The database (or the provider) is unreachable: 503 asks Twilio to try again later, and
    // nothing was acknowledged, so nothing is lost.
    // Only the kind of failure is logged: a driver's message can quote the data it was given.
    const kind = error instanceof Error ? `${error.name}${"code" in error ? ` ${String(error.code)}` : ""}` : "unknown";
    console.error(`Webhook ${arrived.pathname} could not be processed (${kind}); asking the provider to retry`);
    return new Response("Service unavailable", { status: 503, headers: { "Retry-After": "5" } });
  }
}
