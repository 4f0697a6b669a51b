import { toErrorResponse } from "@/lib/app-error";
import { resolveClientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { authenticatePartner, feedCsv, feedQuerySchema, readPartnerFeed } from "@/lib/server/callers/partners";

export const dynamic = "force-dynamic";

/**
 * The partner feed (docs/decisions/015-caller-registry.md): identifiers reported by enough
 * families, for authorities and partner organizations. `Authorization: Bearer <token>` (created
 * with `npm run partners -- create-token <organization>`); `since`/`after` for incremental
 * polling; `format=csv` for a spreadsheet.
 */
export async function GET(request: Request) {
  try {
    const partner = await authenticatePartner({
      authorization: request.headers.get("authorization"),
      clientAddress: resolveClientAddress(request.headers, env.TRUSTED_PROXY_HOPS),
    });
    const parsed = feedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      return Response.json(
        { error: "invalid_input", message: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") },
        { status: 400 },
      );
    const feed = await readPartnerFeed(parsed.data);
    const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Partner": encodeURIComponent(partner.organization) };
    if (parsed.data.format === "csv") {
      if (feed.next)
        headers.Link = `<?format=csv&since=${encodeURIComponent(feed.next.since)}&after=${feed.next.after}&limit=${parsed.data.limit}>; rel="next"`;
      return new Response(feedCsv(feed.entries), {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": 'attachment; filename="confirma-identifiers.csv"',
        },
      });
    }
    return Response.json({ entries: feed.entries, next: feed.next }, { headers });
  } catch (error) {
    return toErrorResponse(error);
  }
}
