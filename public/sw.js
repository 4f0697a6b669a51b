// Confirma's service worker (decision 012): the live checklist, the call guidance and the
// emergency numbers stay on the phone when the network drops.
//
// Kept: the offline pages and icons (at install), the build's static files (/_next/static,
// hashed and immutable), and the live-call pages of incidents this phone opened (network first,
// the kept copy only when the network fails). Never kept: anything under /api/ (server-sent
// events, Twilio webhooks, auth endpoints), flight data (RSC), POSTs (server actions), and any
// other page. The kept pages are dropped on sign-out and whenever the sign-in page is shown.

const STATIC_CACHE = "confirma-static-v1";
const PAGES_CACHE = "confirma-pages-v1";
const MAX_PAGES = 10;
const MAX_STATIC = 300;
const OFFLINE_PAGES = ["/offline/es", "/offline/en"];
const SHELL = [...OFFLINE_PAGES, "/icon.svg", "/manifest.webmanifest", "/icons/icon-192.png"];
// The live-call page of one incident (not "new", not the report, not the list).
const LIVE_PAGE = /^\/family\/[^/]+\/incidents\/(?!new$)[^/]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("confirma-") && name !== STATIC_CACHE && name !== PAGES_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/sw.js") return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(event));
  } else if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(networkFirst(event));
  }
  // Everything else (flight data, images, the manifest's own refreshes) goes to the network.
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || typeof data !== "object") return;
  if (data.type === "keep-page" && typeof data.path === "string" && LIVE_PAGE.test(data.path)) {
    event.waitUntil(keepPageOnce(data.path));
  } else if (data.type === "forget-pages") {
    event.waitUntil(caches.delete(PAGES_CACHE));
  }
});

// Responses go back to the page at once; keeping a copy happens beside them (waitUntil), so a
// streamed page is never held back until its last byte.
async function cacheFirst(event) {
  const request = event.request;
  const cached = await caches.match(request, { cacheName: STATIC_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") event.waitUntil(putStatic(request, response.clone()));
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") event.waitUntil(putStatic(request, response.clone()));
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: STATIC_CACHE, ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function navigate(event, url) {
  const path = url.pathname;
  const live = LIVE_PAGE.test(path);
  try {
    const response = await fetch(event.request);
    if (path === "/sign-in") await caches.delete(PAGES_CACHE);
    if (live) {
      if (response.ok && response.type === "basic") event.waitUntil(putPage(path, response.clone()));
      // Sent to sign in, or no longer this adult's: the kept copy goes too.
      else if (response.type === "opaqueredirect" || response.status === 404) await (await caches.open(PAGES_CACHE)).delete(path);
      // The server is unreachable behind a proxy: the kept copy is better than an error page.
      else if (response.status >= 500) return (await caches.match(path, { cacheName: PAGES_CACHE, ignoreVary: true })) ?? response;
    }
    return response;
  } catch {
    if (live) {
      const kept = await caches.match(path, { cacheName: PAGES_CACHE, ignoreVary: true });
      if (kept) return kept;
    }
    if (OFFLINE_PAGES.includes(path)) {
      const page = await caches.match(path, { cacheName: STATIC_CACHE });
      if (page) return page;
    }
    return offlineFallback();
  }
}

async function offlineFallback() {
  const language = (self.navigator.language || "").toLowerCase().startsWith("es") ? "es" : "en";
  const page =
    (await caches.match(`/offline/${language}`, { cacheName: STATIC_CACHE })) ??
    (await caches.match(OFFLINE_PAGES[0], { cacheName: STATIC_CACHE }));
  return page ?? Response.error();
}

// Asks for the same page that arrive while it is being fetched end in one more fetch, not many.
const keeping = new Map();
function keepPageOnce(path) {
  const running = keeping.get(path);
  if (running) {
    running.again = true;
    return running.done;
  }
  const entry = { again: false, done: undefined };
  entry.done = (async () => {
    try {
      do {
        entry.again = false;
        await keepPage(path);
      } while (entry.again);
    } finally {
      keeping.delete(path);
    }
  })();
  keeping.set(path, entry);
  return entry.done;
}

/** A live page the phone opened without a navigation (a client-side one): fetch and keep it. */
async function keepPage(path) {
  let response;
  try {
    response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
  } catch {
    return; // offline: the copy kept earlier, if any, stays
  }
  if (!response.ok || response.type !== "basic") {
    await (await caches.open(PAGES_CACHE)).delete(path);
    return;
  }
  await putPage(path, response);
}

/** Keeps a page and, first, every static file it names, so the kept copy can run offline. */
async function putPage(path, response) {
  const html = await response.clone().text();
  await keepStatic(staticUrls(html));
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(path);
  await cache.put(path, response);
  await trim(cache, MAX_PAGES);
}

function staticUrls(text) {
  const urls = new Set();
  for (const match of text.matchAll(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[\w\-.~%/]+/g)) {
    urls.add(match[0].startsWith("/_next/") ? match[0] : `/_next/${match[0]}`);
  }
  return [...urls];
}

async function keepStatic(urls) {
  const cache = await caches.open(STATIC_CACHE);
  await Promise.all(
    urls.map(async (url) => {
      if (await cache.match(url)) return;
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) return;
        if (url.endsWith(".css")) await keepStatic(staticUrls(await response.clone().text()));
        await cache.put(url, response);
      } catch {
        // offline or gone: fetched again on the next visit
      }
    }),
  );
  await trim(cache, MAX_STATIC);
}

async function putStatic(request, response) {
  const cache = await caches.open(STATIC_CACHE);
  await cache.put(request, response);
}

/** Oldest first: drops what is past the limit (never the offline pages). */
async function trim(cache, limit) {
  const keys = await cache.keys();
  const removable = keys.filter((request) => !SHELL.includes(new URL(request.url).pathname));
  const excess = keys.length - limit;
  await Promise.all(removable.slice(0, Math.max(0, excess)).map((request) => cache.delete(request)));
}
