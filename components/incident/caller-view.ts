// What the caller check shows, already translated on the server: the client component only
// renders it (no phone or validation library reaches the browser).

export type CallerCheckView = {
  status: "ok";
  /** The identifier as shown (formatted number, masked card). */
  display: string;
  /** "Number", "CLABE", "Card"… */
  kindLabel: string;
  /** The registry hash: the family withdraws its own report with it. */
  hash: string;
  /** Other families' reports, past the threshold: the strongest line on the screen. */
  warning: string | null;
  /** Country, area, line type, carrier, bank, or "not on the shared list". */
  lines: string[];
  reportedByFamily: boolean;
};

export type CallerErrorView = { status: "error"; error: string };

export type CallerResult = CallerCheckView | CallerErrorView;

/** A payment identifier kept on an incident, with its check. */
export type IncidentPaymentView = { id: string; view: CallerCheckView };

/** What the live screen's caller section starts from. */
export type IncidentCallerInitial = {
  hidden: boolean;
  number: string;
  numberView: CallerCheckView | null;
  payments: IncidentPaymentView[];
};
