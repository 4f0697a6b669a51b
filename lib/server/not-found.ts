import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/app-error";

/** In a page: a family or invite the caller may not see renders the 404 page. */
export function notFoundOnMissing(error: unknown): never {
  if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
  throw error;
}
