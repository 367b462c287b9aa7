/**
 * The required inputs of a management review (ISO 9001:2015 9.3.2) by their stored key, Dutch first.
 * The server names them by key only: the dashboard shows these titles, an error text names one
 * through a label ref ({ label: "reviewInput.audit_results" }, api/lib/error-text.ts), and the
 * evidence pack prints the Dutch. Their own small table, so that the error texts need not load
 * the whole catalog to name one.
 */
export const reviewsNl = {
  "reviewInput.previous_actions": "Status van acties uit vorige directiebeoordelingen",
  "reviewInput.context_changes": "Wijzigingen in externe en interne onderwerpen",
  "reviewInput.satisfaction": "Klanttevredenheid van ketenpartners",
  "reviewInput.objectives": "Mate waarin kwaliteitsdoelstellingen zijn bereikt",
  "reviewInput.process_performance": "Procesprestaties en conformiteit van de dienstverlening",
  "reviewInput.nonconformities": "Afwijkingen en corrigerende maatregelen",
  "reviewInput.monitoring": "Resultaten van monitoring en meting",
  "reviewInput.audit_results": "Auditresultaten",
  "reviewInput.external_providers": "Prestaties van externe aanbieders (ketenpartners)",
  "reviewInput.resources": "Toereikendheid van middelen",
  "reviewInput.risk_actions": "Doeltreffendheid van maatregelen voor risico's en kansen",
  "reviewInput.improvement_opportunities": "Kansen voor verbetering",
} as const;

export const reviewsEn: Record<keyof typeof reviewsNl, string> = {
  "reviewInput.previous_actions": "Status of actions from previous management reviews",
  "reviewInput.context_changes": "Changes in external and internal issues",
  "reviewInput.satisfaction": "Satisfaction of the chain partners",
  "reviewInput.objectives": "Extent to which quality objectives have been met",
  "reviewInput.process_performance": "Process performance and conformity of services",
  "reviewInput.nonconformities": "Nonconformities and corrective actions",
  "reviewInput.monitoring": "Monitoring and measurement results",
  "reviewInput.audit_results": "Audit results",
  "reviewInput.external_providers": "Performance of external providers (chain partners)",
  "reviewInput.resources": "Adequacy of resources",
  "reviewInput.risk_actions": "Effectiveness of actions taken to address risks and opportunities",
  "reviewInput.improvement_opportunities": "Opportunities for improvement",
};
