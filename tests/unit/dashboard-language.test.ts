import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeness } from "../../api/domain/reviews/review.rules.ts";
import { REVIEW_INPUTS, gap, type StoredInput } from "../../api/domain/reviews/review.inputs.ts";
import { messages } from "../../i18n/messages.ts";
import { I18nProvider } from "../../dashboard/src/shared/i18n.tsx";
import { ReviewInputs } from "../../dashboard/src/features/reviews/components/ReviewInputs.tsx";
import { ReviewCompleteness } from "../../dashboard/src/features/reviews/components/ReviewCompleteness.tsx";
import type { ManagementReview } from "../../dashboard/src/features/reviews/api/reviews.ts";
import { ClosingChecklist } from "../../dashboard/src/features/quality/components/ClosingChecklist.tsx";
import type { FindingDetail } from "../../dashboard/src/features/quality/api/quality.ts";
import { closingProblems } from "../../api/domain/quality/closing.ts";
import { evalText, judge } from "../../api/domain/quality/criterion.ts";
import { EvaluationView } from "../../dashboard/src/features/quality/components/EvaluationView.tsx";
import { ContactTable } from "../../dashboard/src/features/survey/components/WaveContacts.tsx";
import type { WaveContact } from "../../dashboard/src/features/survey/api/waves.ts";
import { mailReason } from "../../api/mail/mail-reason.ts";

/**
 * The review screen renders what the API sends (input keys, gap codes with a label ref) through the
 * catalog, so the English dashboard reads English; so does a finding's closing checklist. Rendered to markup with the real components and
 * the real catalog; the provider reads the chosen language where the browser keeps it (localStorage),
 * which Node lacks, so the test gives it a storage holding "en" and puts the global back afterwards.
 */
const had = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
let locale = "en";
beforeAll(() => {
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    value: { getItem: (k: string) => (k === "ks-locale" ? locale : null), setItem: () => {} },
  });
});
afterAll(() => {
  if (had) Object.defineProperty(globalThis, "localStorage", had);
  else delete (globalThis as { localStorage?: unknown }).localStorage;
});

// A concept as the API sends it: inputs by key, two without an assessment, no date and no decision yet.
// Two pre-fills found too little: one gap by code (as the API makes them now), one Dutch sentence (an older review).
const gapsOf: Record<string, StoredInput["data"]> = {
  resources: { gaps: [gap("prefill_unpriced_hours", { hours: 12.5 })] },
  audit_results: { gaps: ["Er waren in deze periode geen interne audits gepland."] },
};
const stored: StoredInput[] = REVIEW_INPUTS.map((s) => ({
  key: s.key,
  data: gapsOf[s.key] ?? (s.prefilled ? { gaps: [] } : null),
  assessment: s.key === "audit_results" || s.key === "risk_actions" ? "" : "Beoordeeld.",
}));
const review = {
  id: "00000000-0000-4000-8000-000000000001",
  status: "concept",
  inputs: stored,
  decisions: [],
  completeness: JSON.parse(JSON.stringify(completeness({ heldOn: null, inputs: stored, decisions: [] }, "2026-03-01"))),
} as unknown as ManagementReview;

const render = (lang: "nl" | "en", node: ReturnType<typeof createElement>) => {
  locale = lang;
  return renderToStaticMarkup(createElement(I18nProvider, null, node)).replace(/<!-- -->/g, "");
};
const headings = (html: string) => [...html.matchAll(/<h3 id="input-[^"]+">([^<]*)/g)].map((m) => m[1].trim());

describe("the management review screen in the reader's language", () => {
  it("titles every input from the catalog: English in the English dashboard, Dutch in the Dutch", () => {
    const en = headings(render("en", createElement(ReviewInputs, { review, editable: false })));
    expect(en).toEqual(REVIEW_INPUTS.map((s, i) => `${i + 1}. ${messages.en[`reviewInput.${s.key}`]}`));
    expect(en[7]).toBe("8. Audit results");
    const nl = headings(render("nl", createElement(ReviewInputs, { review, editable: false })));
    expect(nl[7]).toBe("8. Auditresultaten");
    expect(nl[0]).toBe("1. Status van acties uit vorige directiebeoordelingen");
  });

  it("says what a pre-fill could not find in English when the API sent it by code", () => {
    const en = render("en", createElement(ReviewInputs, { review, editable: false }));
    expect(en).toContain("12.5 hours were recorded for a role without an hourly rate; the costs are therefore too low.");
    expect(en).not.toContain("zonder uurtarief");
    // An older review stored the Dutch sentence itself: it is shown as it was stored.
    expect(en).toContain("Er waren in deze periode geen interne audits gepland.");
    const nl = render("nl", createElement(ReviewCompleteness, { review }));
    expect(nl).toContain("12,5 uur is geregistreerd voor een functie zonder uurtarief; de kosten zijn daardoor te laag.");
  });

  it("lists what is still missing in English, each input by its English title", () => {
    const html = render("en", createElement(ReviewCompleteness, { review }));
    expect(html).toContain("Assessment missing: Audit results.");
    expect(html).toContain("Assessment missing: Effectiveness of actions taken to address risks and opportunities.");
    expect(html).toContain("The date on which the management review was held is missing.");
    expect(html).toContain("Record at least one decision (9.3.3).");
    expect(html).not.toMatch(/ontbreekt|Leg minstens/);
    expect(render("nl", createElement(ReviewCompleteness, { review }))).toContain("Beoordeling ontbreekt: Auditresultaten.");
  });
});

describe("a finding's closing checklist in the reader's language", () => {
  it("explains each open requirement from its code and params, not the server's Dutch", () => {
    // What getFinding sends for a nonconformity with one open action and nothing else done yet.
    const problems = closingProblems({
      classification: "minor_nc",
      correction: null,
      rootCause: null,
      rootCauseAnalysis: null,
      similarElsewhere: null,
      closedAt: null,
      actions: [{ ownerId: "a", status: "in_uitvoering" }],
      reviews: [],
    });
    const finding = { id: "f", classification: "minor_nc", closedAt: null, closingProblems: problems } as unknown as FindingDetail;
    const checklist = (lang: "nl" | "en") =>
      render(
        lang,
        createElement(QueryClientProvider, { client: new QueryClient() }, createElement(ClosingChecklist, { finding, canWrite: false })),
      );
    const en = checklist("en");
    for (const p of problems) {
      const text = messages.en[`error.${p.code}`].replace("{count}", String(p.params?.count ?? ""));
      expect(en).toContain(text.replace(/'/g, "&#x27;"));
      expect(en).not.toContain(p.message.replace(/'/g, "&#x27;"));
    }
    expect(checklist("nl")).toContain(problems[0].message);
  });
});

describe("an action's automatic evaluation in the reader's language", () => {
  it("gives every caveat in English from its code, and an older stored Dutch caveat as it was stored", () => {
    const criterion = {
      kind: "survey_dimension",
      text: "≥ 3,5",
      dimension: "rolduidelijkheid",
      scale: "5",
      comparator: ">=",
      target: 3.5,
    } as const;
    const small = { label: "KTO 2026", value: 3.6, n: 9, sd: 1.1, ci: { low: 2.75, high: 4.45 } };
    const evaluation = judge(criterion as Parameters<typeof judge>[0], { label: "KTO 2024", value: 3.3, n: 40, sd: 0.8, ci: null }, small);
    const view = (lang: "nl" | "en", caveats = evaluation.caveats) =>
      render(lang, createElement(EvaluationView, { evaluation: { ...evaluation, caveats, actionId: "a", ref: "ACT-1" } }));
    const en = view("en");
    expect(en).toContain("Small numbers (n = 9): the result is uncertain.");
    expect(en).toContain("The target (3.5) lies within the 95% confidence interval (2.75 – 4.45)");
    expect(en).not.toContain("Kleine aantallen");
    expect(view("nl")).toContain("Kleine aantallen (n = 9): het resultaat is onzeker.");
    expect(view("en", ["Kleine aantallen (n = 9): het resultaat is onzeker."])).toContain("Kleine aantallen (n = 9)");
  });
});

describe("an evaluation's explanation, pending reason and period in the reader's language", () => {
  const share = {
    kind: "conference_metric",
    text: "≥ 95 %",
    metric: "directorAssigned",
    comparator: ">=",
    target: 95,
    from: "2026-07-01",
    to: "2026-09-30",
  } as const;
  const period = (from: string, to: string) => evalText("eval_period", { from, to });
  const view = (lang: "nl" | "en", evaluation: ReturnType<typeof judge> | Record<string, unknown>) =>
    render(lang, createElement(EvaluationView, { evaluation: { ...evaluation, actionId: "a", ref: "ACT-1" } as never }));
  // Plain text of the markup, so words split over elements are still found.
  const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

  it("gives the outcome and both periods in English, numbers and days the English way", () => {
    const e = judge(
      share,
      { label: period("2026-04-01", "2026-06-30"), value: 70, n: 60, count: 42, ci: null },
      { label: period("2026-07-01", "2026-09-30"), value: 93.3333, n: 60, count: 56, ci: null },
    );
    const en = text(view("en", e));
    expect(en).toContain("70% (1 April 2026 to 30 June 2026) → 93.3% (1 July 2026 to 30 September 2026); target ≥ 95%: not met.");
    expect(en).toContain("(1 July 2026 to 30 September 2026; n = 60");
    for (const dutch of ["doel", "gehaald", "t/m", "juli", "93,3"]) expect(en).not.toContain(dutch);
    const nl = text(view("nl", e)).replace(/\u00a0/g, " ");
    expect(nl).toContain("70 % (1 april 2026 t/m 30 juni 2026) → 93,3 % (1 juli 2026 t/m 30 september 2026); doel ≥ 95 %: niet gehaald.");
  });

  it("says why it is not measurable yet, and that a manual criterion is the reviewer's, in English", () => {
    const running = judge(share, null, null, evalText("eval_pending_period_running", { to: "2026-09-30" }));
    const en = text(view("en", running));
    expect(en).toContain("The measurement period runs up to and including 30 September 2026.");
    expect(en).not.toContain("meetperiode");
    expect(text(view("nl", running))).toContain("De meetperiode loopt tot en met 30 september 2026.");
    const manual = text(view("en", judge({ kind: "manual", text: "steekproef" }, null, null)));
    expect(manual).toContain("The reviewer judges this criterion, with evidence.");
    expect(manual).not.toContain("beoordeelt");
  });

  it("shows an evaluation stored before the codes with its Dutch sentence and period as they were stored", () => {
    const old = {
      status: "gehaald",
      criterion: "≥ 95 %",
      target: 95,
      baseline: null,
      result: { label: "1 juli 2026 t/m 30 september 2026", value: 96.7, n: 60, count: 58, ci: null },
      change: null,
      caveats: [],
      explanation: "96,7 % (1 juli 2026 t/m 30 september 2026); doel ≥ 95,0 %: gehaald.",
    };
    const en = text(view("en", old));
    expect(en).toContain("96,7 % (1 juli 2026 t/m 30 september 2026); doel ≥ 95,0 %: gehaald.");
    expect(en).toContain("(1 juli 2026 t/m 30 september 2026; n = 60");
  });
});

describe("why an outbox message was not delivered, in the reader's language", () => {
  it("renders the reason from its code and the mail server's own text as it said it", () => {
    const contact = (messages: WaveContact["messages"]): WaveContact =>
      ({
        invitationId: "i1",
        contactId: "c1",
        email: "weiger@fivoor.test",
        name: null,
        organisation: "Fivoor",
        organisationType: "zorg",
        municipalityId: null,
        branchId: null,
        openedAt: null,
        startedAt: null,
        submitted: false,
        messages,
      }) as WaveContact;
    const refused = {
      kind: "invitation",
      round: 0,
      status: "rejected",
      sentAt: null,
      reason: mailReason("mail_smtp_refused"),
      error: "550 Mailbox unavailable",
    };
    const table = (lang: "nl" | "en") =>
      render(
        lang,
        createElement(
          QueryClientProvider,
          { client: new QueryClient() },
          createElement(ContactTable, {
            wave: { id: "w" } as never,
            contacts: [contact([refused])],
            optedOut: new Set<string>(),
            mayResend: false,
          }),
        ),
      );
    const en = table("en");
    expect(en).toContain("permanently refused by the mail server (550 Mailbox unavailable)");
    expect(en).not.toContain("geweigerd");
    expect(table("nl")).toContain("blijvend geweigerd door de mailserver (550 Mailbox unavailable)");
  });
});
