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
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api/s/${path}`, {
    ...init,
    credentials: "omit",
    headers: { "content-type": "application/json", ...init?.headers },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string; details?: { question: string; message: string }[] } }).error;
    throw new SurveyError(res.status, e?.code ?? "error", e?.message ?? res.statusText, e?.details);
  }
  return body as T;
}

export const loadSurvey = (token: string) => call<SurveyPayload>(token);

export const saveProgress = (token: string, data: Record<string, unknown>) =>
  call<{ savedAt: string }>(`${token}/progress`, { method: "PUT", body: JSON.stringify({ data }) });

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
