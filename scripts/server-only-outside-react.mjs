// Preloaded into the web server (scripts/web-server.ts). The lean webhook intake runs the app's
// own server modules outside Next's bundles, where "server-only" would throw (it is meant for
// React's client/server split, which does not exist in this process). Next's bundles never
// import it at run time, so resolving it to an empty module changes nothing for them.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
      return next(specifier, context);
    }`)}`,
);
