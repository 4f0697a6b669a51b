// A first look at a server action's body, in the proxy (proxy.ts), before Next decodes it:
// an oversized body is refused as soon as it passes the cap, a malformed one gets a 400 and one
// log line instead of an exception deep inside the framework. Kept free of "server-only".
import { readCappedBody } from "./read-capped-body";

/** Every form of the app is small; the largest (a person with notes) is a few kilobytes. */
export const MAX_ACTION_BODY_BYTES = 128 * 1024;

export type ActionBodyVerdict = { ok: true } | { ok: false; status: 400 | 413; reason: string };

/**
 * Checks a POST to a page. With a `Next-Action` header it is a server action called from the
 * page: React encodes its arguments as a multipart form whose field "0" is the JSON list of
 * arguments (or, with no form fields, as that list alone). Without the header it may be a form
 * posted without JavaScript: it must at least parse.
 */
export async function checkActionBody(request: Request): Promise<ActionBodyVerdict> {
  // Drained, not cancelled: Next hands the proxy a copy of the body that it cuts itself at
  // proxyClientMaxBodySize (next.config.ts), and waits for that copy to be read to its end.
  const bytes = await readCappedBody(request.body, MAX_ACTION_BODY_BYTES, request.headers.get("content-length"), "drain");
  if (bytes === null) return { ok: false, status: 413, reason: "body too large" };
  const contentType = request.headers.get("content-type") ?? "";
  const isAction = request.headers.has("next-action");
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    // A form with no fields (sign out) is sent as the JSON list alone.
    return isAction ? checkArguments(new TextDecoder().decode(bytes)) : { ok: true };
  }
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, reason: "unreadable multipart body" };
  }
  if (!isAction) return { ok: true };
  const root = form.get("0");
  if (typeof root !== "string") return { ok: false, status: 400, reason: "action arguments missing" };
  return checkArguments(root);
}

/**
 * The JSON list of an action's arguments. Next leaves out the arguments an action does not use
 * (signing out sends `[]`), so only the shape is checked here; the actions' own parsing
 * (parseForm) refuses arguments of the wrong type with a form message.
 */
function checkArguments(root: string): ActionBodyVerdict {
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return { ok: false, status: 400, reason: "action arguments are not JSON" };
  }
  if (!Array.isArray(args)) return { ok: false, status: 400, reason: "action arguments are not a list" };
  return { ok: true };
}
