import "server-only";
import { db } from "@/lib/db";

/** The families the user belongs to, oldest membership first. */
export async function listUserFamilies(options: { userId: string }) {
  return db.membership.findMany({
    where: { userId: options.userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, family: { select: { id: true, name: true } } },
  });
}
