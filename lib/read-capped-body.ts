// Reading a request body without trusting its size. Kept free of "server-only": the proxy
// (proxy.ts) and the webhook intake share it.

/**
 * The whole body, read chunk by chunk and abandoned as soon as it passes `maxBytes` (the rest is
 * never pulled, so a huge or endless chunked body is never held in memory). Null when too large.
 */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, declaredLength?: string | null): Promise<Uint8Array | null> {
  if (declaredLength && Number(declaredLength) > maxBytes) {
    await body?.cancel().catch(() => undefined);
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
      await reader.cancel().catch(() => undefined);
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
