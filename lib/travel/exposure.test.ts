import { describe, expect, it } from "vitest";
import { exposureCheckDue, exposureLevel, exposureNextSteps, type ExposureAnswers } from "./exposure";

const none: ExposureAnswers = { profilesPublic: "no", phoneVisible: "no", tripsPostedLive: "no", placesPublic: "no" };

describe("exposure level", () => {
  it("is low when nothing is exposed", () => {
    expect(exposureLevel(none)).toBe("low");
    expect(exposureNextSteps(none)).toEqual([]);
  });

  it("is medium for one exposure or an unsure answer", () => {
    expect(exposureLevel({ ...none, placesPublic: "yes" })).toBe("medium");
    expect(exposureLevel({ ...none, profilesPublic: "unsure" })).toBe("medium");
  });

  it("is high for a visible mobile number alone, or for two exposures", () => {
    expect(exposureLevel({ ...none, phoneVisible: "yes" })).toBe("high");
    expect(exposureLevel({ ...none, profilesPublic: "yes", tripsPostedLive: "yes" })).toBe("high");
  });

  it("gives a next step for each yes or unsure, the visible number first", () => {
    expect(exposureNextSteps({ profilesPublic: "yes", phoneVisible: "unsure", tripsPostedLive: "no", placesPublic: "yes" })).toEqual([
      { question: "phoneVisible", answer: "unsure" },
      { question: "profilesPublic", answer: "yes" },
      { question: "placesPublic", answer: "yes" },
    ]);
  });

  it("is due again after six months, or when never done", () => {
    const now = new Date("2027-06-01T00:00:00Z");
    expect(exposureCheckDue(null, now)).toBe(true);
    expect(exposureCheckDue(new Date("2027-01-01T00:00:00Z"), now)).toBe(false);
    expect(exposureCheckDue(new Date("2026-11-01T00:00:00Z"), now)).toBe(true);
  });
});
