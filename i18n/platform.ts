/**
 * Strings of the platform stream: delivery of municipality reports and whether the digest
 * goes by e-mail. Part of the one catalog in i18n/messages.ts; Dutch first.
 */
export const platformNl = {
  "digest.byMail": "Hetzelfde overzicht gaat wekelijks per e-mail rond.",
  "digest.notByMail": "Er is geen e-mailserver ingesteld: dit overzicht gaat niet per e-mail rond en staat alleen hier.",
  "uitdraai.status": "Verzending",
  "uitdraai.status.not_sent": "Niet verstuurd: geen e-mailadres voor uitdraaien",
  "uitdraai.status.queued": "Klaar om te versturen",
  "uitdraai.status.sent": "Verstuurd naar {to} op {date}",
  "uitdraai.status.failed": "Mislukt naar {to}: {reason}",
  "uitdraai.queued": "{queued} van de {n} uitdraaien gaan per e-mail naar de gemeente; de stand hieronder werkt vanzelf bij.",
  // Labels of stored enum values that had none (tests/unit/enum-convention.test.ts).
  "mr.definitief": "definitief",
  "rootCause.five_whys": "5x waarom",
  "rootCause.fishbone": "Visgraat",
};

export const platformEn: Record<keyof typeof platformNl, string> = {
  "digest.byMail": "The same overview goes out weekly by e-mail.",
  "digest.notByMail": "No mail server is configured: this overview is not e-mailed and is shown only here.",
  "uitdraai.status": "Delivery",
  "uitdraai.status.not_sent": "Not sent: no e-mail address for reports",
  "uitdraai.status.queued": "Waiting to be sent",
  "uitdraai.status.sent": "Sent to {to} on {date}",
  "uitdraai.status.failed": "Failed to {to}: {reason}",
  "uitdraai.queued": "{queued} of the {n} reports go to the municipality by e-mail; the state below updates by itself.",
  "mr.definitief": "final",
  "rootCause.five_whys": "5 whys",
  "rootCause.fishbone": "Fishbone",
};
