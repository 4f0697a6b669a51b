import { describe, expect, it } from "vitest";
import { smsSegments } from "./sms-segments";

describe("smsSegments", () => {
  it("counts GSM-7 texts in 160, then 153-character segments", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts extended characters twice", () => {
    expect(smsSegments("€").units).toBe(2);
  });

  it("switches to UCS-2 for á, í, ó, ú and emoji", () => {
    expect(smsSegments("Responde sí").encoding).toBe("UCS-2");
    expect(smsSegments("café ñandú").encoding).toBe("UCS-2");
    expect(smsSegments("café ñandu").encoding).toBe("GSM-7");
    expect(smsSegments("á".repeat(70)).segments).toBe(1);
    expect(smsSegments("á".repeat(71)).segments).toBe(2);
    expect(smsSegments("👍").units).toBe(2);
  });
});
