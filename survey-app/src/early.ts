import { loadOpenSurvey, loadProfile, loadSurvey, type Profile } from "./client.ts";
import { localText } from "../../api/domain/survey/local-text.ts";

/** What the page shows a questionnaire from: a personal invitation (/s/) or an open link (/o/). */
export interface Questionnaire {
  definition: Record<string, unknown>;
  data: Record<string, unknown>;
  waveName: string;
  organisation: string | null;
}

const [, area = "s", token = ""] = /^\/(s|o)\/([^/?#]+)/.exec(location.pathname) ?? [];
/** The link's token, and whether it is an open link (/o/) rather than a personal one (/s/). */
export const link = { token, open: area === "o" };

let requests: { questionnaire: Promise<Questionnaire>; profile: Promise<Profile | null> } | undefined;
/** The questionnaire once it has arrived: App's first render (a hydration) must see what boot.ts painted. */
let arrived: Questionnaire | undefined;
export const arrivedQuestionnaire = () => arrived;

/** The questionnaire's introduction (its description), which the loading state shows once the questions are in. */
export const introText = (q: Questionnaire, locale: string) => localText(q.definition.description, locale);

/**
 * Starts the two API requests the page needs, once: boot.ts calls this before the app's scripts
 * are even requested, so the questions arrive while they download instead of after they ran.
 */
export function startLoading() {
  requests ??= {
    questionnaire: link.open
      ? loadOpenSurvey(token).then((p) => ({ definition: p.definition, data: {}, waveName: p.wave.name, organisation: null }))
      : loadSurvey(token).then((p) => ({ definition: p.definition, data: p.data, waveName: p.wave.name, organisation: p.organisation })),
    profile: loadProfile(),
  };
  // A refusal is handled where the page reads it (main.tsx); until then it is no unhandled rejection.
  requests.questionnaire.then(
    (q) => {
      arrived = q;
    },
    () => {},
  );
  return requests;
}
