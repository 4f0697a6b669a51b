// What the authorities advise during a virtual-kidnapping call, as data. The wording lives
// in messages/<locale>.json under "guidance"; each step keeps its sources here, next to it.
// The plan card uses it now; the live-call checklist will use the same steps.

export type GuidanceItem = { key: string; sources: string[] };

const sources = {
  segob: "SEGOB, “No pagues extorsión telefónica” (gob.mx/segob)",
  sspc: "SSPC advice on telephone extortion, December 2025",
  conase: "CONASE on the hotel (isolation) scheme, August 2023 (razon.com.mx)",
  consejo: "Consejo Ciudadano para la Seguridad y Justicia, December 2025 (cibertec.mx)",
  fbi2017: "FBI virtual-kidnapping campaign, 2017",
  fbiElPaso: "FBI El Paso, 2022",
  ic3Dec2024: "FBI/IC3 public service announcement, December 2024 (family code word)",
  ic3Dec2025: "FBI/IC3 public service announcement, 5 December 2025 (altered proof-of-life photos)",
  ftc2023: "FTC consumer alert on voice cloning, March 2023",
  merida2012: "US Consulate Mérida consular warning, 2012",
} as const;

/** The default: Mexico's authorities advise hanging up and verifying. */
export const defaultSteps: GuidanceItem[] = [
  { key: "hangUp", sources: [sources.segob, sources.sspc, sources.consejo] },
  { key: "dontIsolate", sources: [sources.segob, sources.conase] },
  { key: "locate", sources: [sources.segob, sources.fbi2017] },
  { key: "report", sources: [sources.segob, sources.sspc, sources.fbi2017] },
];

/** If you stay on the line (FBI guidance). */
export const onTheLineSteps: GuidanceItem[] = [
  { key: "noNames", sources: [sources.fbi2017] },
  { key: "askProof", sources: [sources.fbi2017, sources.ic3Dec2025] },
  { key: "askSafeWord", sources: [sources.ic3Dec2024, sources.ftc2023, sources.consejo] },
  { key: "buyTime", sources: [sources.fbi2017] },
  { key: "writeDown", sources: [sources.fbi2017] },
  { key: "dontPay", sources: [sources.fbi2017, sources.segob] },
];

export const warningSigns: GuidanceItem[] = [
  { key: "staysOnLine", sources: [sources.fbi2017, sources.fbiElPaso] },
  { key: "notTheirPhone", sources: [sources.fbi2017, sources.merida2012] },
  { key: "wireTransfer", sources: [sources.fbi2017, sources.fbiElPaso] },
  { key: "cryingVoice", sources: [sources.fbi2017, sources.ftc2023] },
  { key: "silenceExpected", sources: [sources.conase] },
];
