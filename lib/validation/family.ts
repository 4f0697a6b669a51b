import { z } from "zod";
import { locales } from "@/lib/i18n/config";

import { countries } from "@/lib/plan-options";

export { countries, type Country } from "@/lib/plan-options";

export const createFamilySchema = z.object({
  name: z.string({ error: "familyName.required" }).trim().min(1, "familyName.required").max(80, "familyName.tooLong"),
  country: z.enum(countries, { error: "country.invalid" }),
  locale: z.enum(locales, { error: "locale.invalid" }),
});

/** Ids in URLs are UUIDs; anything else is simply not found (never a database error). */
export const uuidSchema = z.uuid();

/** Invite tokens are 32 random bytes in base64url. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type CreateFamilyInput = z.infer<typeof createFamilySchema>;

/** The roles an admin can give: admins change the plan, the words and the adults; members follow. */
export const assignableRoles = ["admin", "member"] as const;
export type AssignableRole = (typeof assignableRoles)[number];

export const roleSchema = z.object({ role: z.enum(assignableRoles, { error: "role.invalid" }) });

export const memberSchema = z.object({ membershipId: z.uuid({ error: "members.notFound" }) });

export const changeRoleSchema = memberSchema.extend(roleSchema.shape);
