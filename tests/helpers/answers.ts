/** A complete, valid answer set for the default questionnaire. */
export const COMPLETE = {
  bek_weten: 4, bek_bereikbaar: 5, bek_triage: 3, rol_taken: 2, rol_eigen: 4, rol_regie: 3,
  co_voorzitter: 5, co_voorbereiding: 4, co_vastlegging: 4, co_afspraken: 3, inf_delen: 4, inf_zorgvuldig: 5,
  mw_eigen: 5, mw_resultaat: 4, sw_partners: 4, sw_kennen: 5, cijfer: 8, aanbeveling: 9,
  goed: "Korte lijnen met de procesregisseur.", beter: "Vervolgafspraken beter bewaken.",
};
