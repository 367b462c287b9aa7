/**
 * Invitation and reminder e-mails from editable Dutch templates. Placeholders are written
 * {naam}; an unknown placeholder is refused when the template is saved, so a typo never
 * reaches a partner's inbox.
 */
export const MAIL_KINDS = ["invitation", "reminder"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const PLACEHOLDERS = {
  naam: "naam van de contactpersoon (of 'heer/mevrouw' als die ontbreekt)",
  organisatie: "organisatie",
  link: "persoonlijke link naar de vragenlijst",
  sluitdatum: "sluitdatum van de meting",
  contactpersoon: "contactpersoon bij het Zorg- en Veiligheidshuis",
  afmeldlink: "link om geen e-mail meer te ontvangen",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export const DEFAULT_TEMPLATES: Record<MailKind, { subject: string; body: string }> = {
  invitation: {
    subject: "Uw mening over de samenwerking met het Zorg- en Veiligheidshuis",
    body: `Beste {naam},

Het Zorg- en Veiligheidshuis wil graag weten hoe {organisatie} de samenwerking ervaart. Het invullen van de vragenlijst duurt ongeveer 10 minuten; uw antwoorden worden tussentijds bewaard.

Vul de vragenlijst in via uw persoonlijke link:
{link}

De vragenlijst sluit op {sluitdatum}. Vragen? Neem contact op met {contactpersoon}.

Met vriendelijke groet,
Zorg- en Veiligheidshuis

Geen e-mail meer over dit onderzoek ontvangen? {afmeldlink}
`,
  },
  reminder: {
    subject: "Herinnering: uw mening over de samenwerking met het Zorg- en Veiligheidshuis",
    body: `Beste {naam},

Enige tijd geleden vroegen wij {organisatie} om een korte vragenlijst over de samenwerking met het Zorg- en Veiligheidshuis in te vullen. Als u dat nog niet gedaan heeft: het kan nog tot {sluitdatum}.

{link}

Heeft u al een deel ingevuld, dan gaat u verder waar u gebleven was. Vragen? Neem contact op met {contactpersoon}.

Met vriendelijke groet,
Zorg- en Veiligheidshuis

Geen e-mail meer over dit onderzoek ontvangen? {afmeldlink}
`,
  },
};

const TOKEN = /\{([^{}\s]*)\}/g;

/** Placeholders that do not exist, in the order they appear. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]).filter((p) => !(p in PLACEHOLDERS));
}

export function renderTemplate(text: string, values: Record<Placeholder, string>): string {
  return text.replace(TOKEN, (whole, p: string) => (p in values ? values[p as Placeholder] : whole));
}
