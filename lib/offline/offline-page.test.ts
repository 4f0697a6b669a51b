import { describe, expect, it } from "vitest";
import { defaultSteps, onTheLineSteps } from "@/lib/guidance/call-guidance";
import { emergencyNumbers } from "@/lib/guidance/emergency-numbers";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { offlinePage } from "./offline-page";

const escaped = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("the offline page", () => {
  it.each([
    ["es", es],
    ["en", en],
  ] as const)("in %s: every emergency number of both countries and every step, without a script", (locale, messages) => {
    const html = offlinePage(locale);
    for (const entry of [...emergencyNumbers.MX, ...emergencyNumbers.US]) expect(html).toContain(`href="${entry.href}"`);
    for (const { key } of [...defaultSteps, ...onTheLineSteps])
      expect(html).toContain(escaped(messages.guidance.steps[key as keyof typeof messages.guidance.steps]));
    expect(html).toContain(`<h1>${escaped(messages.offline.title)}</h1>`);
    expect(html).toContain(`lang="${locale === "es" ? "es-MX" : "en-US"}"`);
    expect(html).not.toMatch(/<script/i);
  });

  it("links to the other language", () => {
    expect(offlinePage("es")).toContain('href="/offline/en"');
    expect(offlinePage("en")).toContain('href="/offline/es"');
  });
});
