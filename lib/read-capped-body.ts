// Reading a request body without trusting its size. Kept free of "server-only": the proxy
// (proxy.ts) and the webhook intake share it.

/**
 * The whole body, read chunk by chunk and abandoned as soon as it passes `maxBytes` (the rest is
 * never pulled, so a huge or endless chunked body is never held in memory). Null when too large.
 * `overflow: "drain"` reads what is left and drops it instead of cancelling the stream: for a
 * copy that its producer must see consumed to the end (Next's copy of a body for the proxy,
 * which is itself cut at a limit).
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: string | null,
  overflow: "cancel" | "drain" = "cancel",
): Promise<Uint8Array | null> {
  const giveUp = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
    if (overflow === "cancel") return reader.cancel().catch(() => undefined);
    while (!(await reader.read()).done);
  };
  if (declaredLength && Number(declaredLength) > maxBytes) {
    if (body) await giveUp(body.getReader());
    return null;
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await giveUp(reader);
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
