import { headers } from "next/headers";
import { toErrorResponse } from "@/lib/app-error";
import { auth } from "@/lib/auth";
import { exportFamilyData } from "@/lib/server/family/manage-family";

export const dynamic = "force-dynamic";

/** Downloads the family's data as JSON (any member of the family; nobody else). */
export async function GET(_request: Request, { params }: RouteContext<"/family/[familyId]/export">) {
  const { familyId } = await params;
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return Response.json({ error: "unauthenticated" }, { status: 401 });
  try {
    const data = await exportFamilyData({ familyId, userId: session.user.id });
    const day = data.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="confirma-family-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
