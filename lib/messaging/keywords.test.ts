import { describe, expect, it } from "vitest";
import { carrierKeyword } from "./keywords";

describe("carrierKeyword", () => {
  it.each([
    ["STOP", "stop"],
    [" Alto ", "stop"],
    ["baja.", "stop"],
    ["START", "start"],
    ["inicio", "start"],
    ["HELP", "help"],
    ["¿Ayuda?", "help"],
    ["yes", null],
    ["Sí", null],
    ["stop calling me please", null],
    ["OK", null],
  ])("%j → %s", (body, expected) => {
    expect(carrierKeyword(body)).toBe(expected);
  });
});

describe("carrierKeyword in either language, whatever the punctuation", () => {
  it.each([
    ["¡AYUDA!", "help"],
    ["cancelar.", "stop"],
    ["Alto!!", "stop"],
    ["ayuda por favor", null],
  ])("%j → %s", (body, expected) => {
    expect(carrierKeyword(body)).toBe(expected);
  });
});
