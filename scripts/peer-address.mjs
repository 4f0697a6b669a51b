// Preloaded into the Next server by scripts/serve.ts (NODE_OPTIONS=--import). Next does not
// expose the TCP peer's address to the app, and it keeps a client's own X-Forwarded-For as is,
// so this writes the peer into one header the app can trust (lib/client-address.ts), replacing
// any value a client sent under the same name.
import http from "node:http";

const HEADER = "x-confirma-peer";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    request.headers[HEADER] = request.socket?.remoteAddress ?? "";
    const raw = request.rawHeaders;
    for (let index = raw.length - 2; index >= 0; index -= 2) {
      if (raw[index].toLowerCase() === HEADER) raw.splice(index, 2);
    }
    raw.push(HEADER, request.headers[HEADER]);
  }
  return emit.call(this, event, request, ...rest);
};
