import { afterEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";
import { clientAddress } from "./credential-policy";

afterEach(() => vi.restoreAllMocks());

describe("a server that never learns the client's address", () => {
  it("says so in one warning line, the first time only", () => {
    const warn = vi.spyOn(console, "warn");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.9" }))).toBe("192.0.2.9");
    expect(warn).not.toHaveBeenCalled();
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain("TRUSTED_PROXY_HOPS");
  });
});
