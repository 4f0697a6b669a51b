import { describe, expect, it } from "vitest";
import { checkActionBody, MAX_ACTION_BODY_BYTES } from "./action-body";

/** A server action call as React encodes it: field "0" holds the arguments, "1_…" the form. */
function actionRequest(fields: Record<string, string>, headers: Record<string, string> = { "next-action": "7f00aa" }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request("http://localhost/sign-in", { method: "POST", headers, body: form });
}

describe("checkActionBody", () => {
  it("accepts a well-formed action call (bound id, previous state, the form)", async () => {
    const request = actionRequest({
      "0": JSON.stringify(["f3a0c4e2-0000-7000-8000-000000000000", { status: "idle" }, "$K1"]),
      "1_email": "ana@example.com",
    });
    expect(await checkActionBody(request)).toEqual({ ok: true });
  });

  it.each([
    ["no arguments at all", {}],
    ["arguments that are not JSON", { "0": '["$K1"' }],
    ["arguments that are not a list", { "0": JSON.stringify({ a: 1 }) }],
  ])("refuses %s with 400", async (_label, fields) => {
    expect(await checkActionBody(actionRequest(fields as Record<string, string>))).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses a broken multipart body with 400", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "next-action": "7f00aa", "content-type": "multipart/form-data; boundary=abc" },
      body: '--abc\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--ab',
    });
    expect(await checkActionBody(request)).toMatchObject({ ok: false, status: 400 });
  });

  it("accepts a form with no fields, sent as the argument list alone (signing out)", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" },
      body: '["$K1"]',
    });
    expect(await checkActionBody(request)).toEqual({ ok: true });
  });

  it("accepts an action that uses no argument (Next sends an empty list)", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(await checkActionBody(request)).toEqual({ ok: true });
  });

  it.each([["[1,2"], ['{"a":1}'], [""]])("refuses the plain body %j", async (body) => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "next-action": "7f00aa", "content-type": "text/plain" },
      body,
    });
    expect(await checkActionBody(request)).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses an oversized body with 413, keeping no more than the cap", async () => {
    // Next's copy for the proxy ends at its own limit (next.config.ts); the copy is read to its end.
    const chunk = new Uint8Array(16 * 1024).fill(97);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 3 * MAX_ACTION_BODY_BYTES) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "next-action": "7f00aa", "content-type": "multipart/form-data; boundary=abc" },
      body,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(await checkActionBody(request)).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBe(3 * MAX_ACTION_BODY_BYTES);
  });

  it("lets a form posted without JavaScript through when it parses", async () => {
    expect(await checkActionBody(actionRequest({ $ACTION_ID_7f00aa: "", email: "ana@example.com" }, {}))).toEqual({ ok: true });
  });
});
