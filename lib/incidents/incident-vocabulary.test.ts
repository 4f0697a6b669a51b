import { describe, expect, it } from "vitest";
import { CheckInVerdict, IncidentEventType, IncidentOutcome, PersonVerification } from "@/lib/generated/prisma/enums";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

// Every word of the domain that the screen shows has its words in both languages: adding a
// value to one of the schema's enums fails here until it is translated.
const shown = {
  event: Object.values(IncidentEventType),
  outcome: Object.values(IncidentOutcome),
  verdict: Object.values(CheckInVerdict),
  personState: Object.values(PersonVerification),
} as const;

describe("the incident vocabulary", () => {
  for (const [messages, locale] of [
    [en, "en"],
    [es, "es"],
  ] as const) {
    for (const [group, values] of Object.entries(shown)) {
      it(`has ${locale} words for every ${group}`, () => {
        const keys = Object.keys((messages.incident as unknown as Record<string, Record<string, string>>)[group] ?? {});
        expect(values.filter((value) => !keys.includes(value))).toEqual([]);
      });
    }
  }
});
