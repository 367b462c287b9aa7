/** Strings of the settings section for who receives each municipality's report (issue 16). Dutch first. */
export const recipientsNl = {
  "recipients.title": "Uitdraaien per gemeente: ontvangers",
  "recipients.intro":
    "Naar dit adres gaat de uitdraai van de gemeente bij 'Verstuur naar alle gemeenten'. Zonder e-mailadres wordt de uitdraai voor die gemeente niet verstuurd. Elke wijziging komt in de audittrail.",
  "recipients.caption": "Ontvangers per gemeente ({n})",
  "recipients.municipality": "Gemeente",
  "recipients.email": "E-mailadres",
  "recipients.contact": "Contactpersoon",
  "recipients.emailFor": "E-mailadres voor de uitdraai van {name}",
  "recipients.contactFor": "Contactpersoon bij gemeente {name}",
  "recipients.saveFor": "Ontvanger van {name} opslaan",
  "recipients.saved": "Opgeslagen",
};

export const recipientsEn: Record<keyof typeof recipientsNl, string> = {
  "recipients.title": "Reports per municipality: recipients",
  "recipients.intro":
    "The municipality's report goes to this address when you send to all municipalities. Without an e-mail address, no report is sent to that municipality. Every change is recorded in the audit trail.",
  "recipients.caption": "Recipients per municipality ({n})",
  "recipients.municipality": "Municipality",
  "recipients.email": "E-mail address",
  "recipients.contact": "Contact person",
  "recipients.emailFor": "E-mail address for the report of {name}",
  "recipients.contactFor": "Contact person at the municipality of {name}",
  "recipients.saveFor": "Save recipient of {name}",
  "recipients.saved": "Saved",
};
