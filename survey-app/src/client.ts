/** The survey API as the partner's browser sees it. */
export interface SurveyPayload {
  wave: { name: string; closesAt: string; anonymous: boolean };
  organisation: string;
  definition: Record<string, unknown>;
  data: Record<string, unknown>;
}

export class SurveyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { question: string; message: string }[],
  ) {
    super(message);
  }
  /** Seconds, from a 429's Retry-After. */
  retryAfter?: number;
}

/** The ZVH's public profile (GET /api/profile): shown around the questionnaire. */
export interface Profile {
  name: string;
  logo: string | null;
  contact: { name: string; email: string; phone: string };
  privacy: { nl: string; en: string };
}

/** An open link's questionnaire: no organisation and no saved answers, every response fresh. */
export interface OpenSurveyPayload {
  wave: { name: string; closesAt: string; anonymous: boolean };
  definition: Record<string, unknown>;
}

async function call<T>(path: string, init?: RequestInit, area = "s"): Promise<T> {
  const res = await fetch(`/api/${area}/${path}`, {
    ...init,
    credentials: "omit",
    headers: {
      "content-type": "application/json",
      // The server words its refusals in the language the partner chose on the page.
      "accept-language": document.documentElement.lang === "en" ? "en" : "nl",
      ...init?.headers,
    },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string; details?: { question: string; message: string }[] } }).error;
    const error = new SurveyError(res.status, e?.code ?? "error", e?.message ?? res.statusText, e?.details);
    error.retryAfter = Number(res.headers.get("retry-after")) || undefined;
    throw error;
  }
  return body as T;
}

export const loadSurvey = (token: string) => call<SurveyPayload>(token);

/** `keepalive`: sent even when the page is going away (a reload, a closed tab), as long as it is small. */
export const saveProgress = (token: string, data: Record<string, unknown>, keepalive = false) =>
  call<{ savedAt: string }>(`${token}/progress`, { method: "PUT", body: JSON.stringify({ data }), keepalive });

/** One idempotency key per link, kept across reloads, so a retry can never create a second response. */
export function idempotencyKey(token: string) {
  const name = `ks-submit-${token}`;
  let key = localStorage.getItem(name);
  if (!key) {
    key = crypto.randomUUID();
    localStorage.setItem(name, key);
  }
  return key;
}

export async function submit(token: string, data: Record<string, unknown>, attempts = 3) {
  for (let i = 1; ; i++) {
    try {
      return await call<{ receipt: string }>(`${token}/response`, {
        method: "POST",
        body: JSON.stringify({ data }),
        headers: { "Idempotency-Key": idempotencyKey(token) },
      });
    } catch (e) {
      const transient = !(e instanceof SurveyError) || e.status >= 500;
      if (!transient || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 500 * 2 ** i));
    }
  }
}

/** The profile is decoration: without it the page still works, under a generic name. */
export async function loadProfile(): Promise<Profile | null> {
  try {
    const res = await fetch("/api/profile", { credentials: "omit" });
    return res.ok ? ((await res.json()) as Profile) : null;
  } catch {
    return null;
  }
}

export const loadOpenSurvey = (token: string) => call<OpenSurveyPayload>(token, undefined, "o");

/** One attempt only: an open link has no idempotency key, so a blind retry could count an answer twice. */
export const submitOpen = (token: string, data: Record<string, unknown>) =>
  call<{ submittedAt: string }>(`${token}/response`, { method: "POST", body: JSON.stringify({ data }) }, "o");
