import { describe, expect, it } from "vitest";
import { normalizeAddress, PEER_ADDRESS_HEADER, resolveClientAddress } from "./client-address";

function headers(values: Record<string, string>) {
  return new Headers(values);
}

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For without trusted proxies: only the TCP peer counts", () => {
    const request = headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" });
    expect(resolveClientAddress(request, 0)).toBe("203.0.113.9");
  });

  it("is 'unknown' without a peer and without trusted proxies, whatever the client wrote", () => {
    expect(resolveClientAddress(headers({ "x-forwarded-for": "198.51.100.1" }), 0)).toBe("unknown");
  });

  it("with one trusted proxy takes the entry that proxy appended, not the client's own", () => {
    // The client wrote 1.1.1.1; the proxy appended the address it saw, 198.51.100.7.
    const request = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.7" });
    expect(resolveClientAddress(request, 1)).toBe("198.51.100.7");
  });

  it("with two trusted proxies skips both", () => {
    const request = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(resolveClientAddress(request, 2)).toBe("198.51.100.7");
  });

  it("takes the leftmost entry when the chain is shorter than the proxies configured", () => {
    expect(resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.5" }), 2)).toBe("203.0.113.5");
  });

  it("rotating the client's own X-Forwarded-For does not change the address", () => {
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((spoofed) =>
        resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": `${spoofed}, 198.51.100.7` }), 1),
      ),
    );
    expect([...seen]).toEqual(["198.51.100.7"]);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["2001:db8:1:2:3:4:5:6", "2001:0db8:0001:0002::/64"],
    ["2001:db8:1:2::99", "2001:0db8:0001:0002::/64"],
    ["[2001:db8::1]", "2001:0db8:0000:0000::/64"],
    ["::1", "0000:0000:0000:0000::/64"],
    ["not an address", null],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});
