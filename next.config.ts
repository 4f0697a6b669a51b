import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_ACTION_BODY_BYTES } from "./lib/action-body";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The launcher (scripts/serve.ts) owns PostgreSQL and migrations; the app only connects.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  experimental: {
    // Bodies of server actions: Next reads them as a stream and stops at this cap. The proxy
    // (proxy.ts, lib/action-body.ts) reads a copy that Next cuts, at a chunk's edge, past this
    // second limit: generous enough that a body over the cap is still seen to be over it.
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
    proxyClientMaxBodySize: MAX_ACTION_BODY_BYTES + 256 * 1024,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(process.env.NODE_ENV === "production"
            ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
            : []),
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
