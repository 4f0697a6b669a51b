import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_HOURS = 72;

/** A fresh invite token: only its hash is stored, the token itself travels in the link. */
export function generateInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
