// Random and hostile input against every form schema and webhook parser: each answers with a
// clear error (a message key the catalogue knows) or a valid result, and never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { normalizePhone } from "@/lib/phone";
import { carrierKeyword } from "@/lib/messaging/keywords";
import { smsSegments } from "@/lib/messaging/sms-segments";
import { normalizeSecretWord } from "@/lib/secret-word";
import { deleteAccountSchema, nextPathSchema, signInSchema, signUpSchema } from "./auth";
import { changeRoleSchema, createFamilySchema, memberSchema, roleSchema } from "./family";
import { normalizeCallerNumber, normalizePaymentIdentifier } from "@/lib/caller-identifiers";
import { identifierCheckSchema, incidentCallerSchema, incidentPaymentSchema } from "./callers";
import { callerWordSchema, checklistStepSchema, incidentNotesSchema } from "./incident";
import {
  alertPhoneSchema,
  assignmentSchema,
  checkWordSchema,
  contactSchema,
  deleteFamilySchema,
  escalationDelaysSchema,
  personSchema,
  secretWordsSchema,
} from "./plan";
import { keypressSchema, simulatedReplySchema } from "./simulator";
import { gatherSchema, inboundSmsSchema, statusCallbackSchema, voiceWebhookSchema } from "./twilio-webhooks";
import type { z } from "zod";

const hostileString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ maxLength: 300, unit: "binary" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "'; DROP TABLE family; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "𝕳𝖊𝖑𝖑𝖔",
    "\u202e",
    "a".repeat(5000),
    "NaN",
    "-1",
    "1e309",
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

function lookup(path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en.errors);
}

const formSchemas: Record<string, z.ZodType> = {
  signUpSchema,
  signInSchema,
  createFamilySchema,
  personSchema,
  contactSchema,
  assignmentSchema,
  secretWordsSchema,
  checkWordSchema,
  deleteFamilySchema,
  escalationDelaysSchema,
  alertPhoneSchema,
  incidentNotesSchema,
  callerWordSchema,
  simulatedReplySchema,
  keypressSchema,
  roleSchema,
  memberSchema,
  changeRoleSchema,
  deleteAccountSchema,
  checklistStepSchema,
  identifierCheckSchema,
  incidentCallerSchema,
  incidentPaymentSchema,
};
const webhookSchemas: Record<string, z.ZodType> = { inboundSmsSchema, statusCallbackSchema, voiceWebhookSchema, gatherSchema };

describe("form schemas under hostile input", () => {
  for (const [name, schema] of Object.entries(formSchemas)) {
    it(`${name} answers with translated errors or a valid result`, () => {
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.constantFrom(
              "name",
              "email",
              "password",
              "phone",
              "locale",
              "country",
              "notes",
              "relationship",
              "channel",
              "tier",
              "safeWord",
              "duressWord",
              "word",
              "which",
              "confirmName",
              "callDelaySeconds",
              "tier1DelaySeconds",
              "tier2DelaySeconds",
              "tier3DelaySeconds",
              "callerNumber",
              "demands",
              "paymentInstructions",
              "from",
              "body",
              "messageId",
              "digit",
              "role",
              "membershipId",
              "familyId",
              "step",
              "checked",
              "value",
              "kind",
              "hidden",
            ),
            hostileValue,
          ),
          (input) => {
            const result = schema.safeParse(input);
            if (!result.success)
              for (const issue of result.error.issues) expect(lookup(issue.message), `${name}: ${issue.message}`).toBeTypeOf("string");
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});

describe("webhook parsers under hostile input", () => {
  for (const [name, schema] of Object.entries(webhookSchemas)) {
    it(`${name} never throws`, () => {
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.constantFrom(
              "MessageSid",
              "CallSid",
              "From",
              "To",
              "Body",
              "MessageStatus",
              "CallStatus",
              "Digits",
              "AnsweredBy",
              "ErrorCode",
            ),
            hostileString,
          ),
          (input) => {
            expect(() => schema.safeParse(input)).not.toThrow();
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});

describe("caller identifiers under hostile input", () => {
  it("answer with a translated error or a normalized identifier, and never throw", () => {
    fc.assert(
      fc.property(
        hostileString,
        fc.constantFrom("auto", "clabe", "card", "store_reference", "crypto") as fc.Arbitrary<"auto">,
        (input, kind) => {
          for (const result of [normalizeCallerNumber(input, "MX"), normalizePaymentIdentifier(input, kind)]) {
            if (!result.ok) expect(lookup(result.error), result.error).toBeTypeOf("string");
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("text helpers under hostile input", () => {
  it("never throw", () => {
    fc.assert(
      fc.property(
        hostileString,
        fc.constantFrom("MX", "US") as fc.Arbitrary<"MX" | "US">,
        fc.constantFrom("sms", "voice") as fc.Arbitrary<"sms" | "voice">,
        (text, country, purpose) => {
          const phone = normalizePhone(text, { country, purpose });
          if (!phone.ok) expect(lookup(phone.error)).toBeTypeOf("string");
          expect(smsSegments(text).segments).toBeGreaterThanOrEqual(text ? 1 : 0);
          carrierKeyword(text);
          normalizeSecretWord(text);
          expect(nextPathSchema.parse(text)).toMatch(/^\//);
        },
      ),
      { numRuns: 500 },
    );
  });
});
