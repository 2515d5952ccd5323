/** German texts of taking in a Berichtsheft from another company (spread into de-staff.ts). */
export const deStaffRecordsImport = {
  "records.import.title": "Berichtsheft übernehmen",
  "records.import.heading": "Berichtsheft von {name} übernehmen",
  "records.import.lead":
    "Hat {name} den Betrieb gewechselt? Dann kannst du das Berichtsheft aus dem alten Betrieb hier übernehmen. Freigegebene Wochen bleiben freigegeben und prüfbar.",
  "records.import.how":
    "Die Datei lädt die oder der Auszubildende im alten Betrieb unter „Berichtsheft“ als JSON-Datei herunter. Sie gehört ihr oder ihm und darf jederzeit heruntergeladen werden.",
  "records.import.back": "Zurück zum Berichtsheft",
  "records.import.file": "Datei mit dem Berichtsheft (.json)",
  "records.import.fileHint":
    "Höchstens 5 MB. Übernommen werden nur freigegebene Wochen aus der Zeit vor dieser Ausbildung. Geprüft wird, dass die Datei in sich stimmig ist; ob der alte Betrieb die Wochen wirklich so freigegeben hat, kann Werkbank nicht bestätigen – vergleiche im Zweifel die Prüfsumme der letzten Woche mit dem alten Betrieb.",
  "records.import.submit": "Prüfen und übernehmen",
  "records.import.doneTitle": "Berichtsheft übernommen",
  "records.import.from": "Aus dem Berichtsheft von {name} bei {company}.",
  "records.import.done.one": "1 freigegebene Woche übernommen.",
  "records.import.done.other": "{count} freigegebene Wochen übernommen.",
  "records.import.leftOut.one": "1 Woche war noch nicht freigegeben. Sie wurde nicht übernommen.",
  "records.import.leftOut.other": "{count} Wochen waren noch nicht freigegeben. Sie wurden nicht übernommen.",
  "records.import.already": "Dieses Berichtsheft ist hier schon übernommen. Es wurde nichts geändert.",
  "records.import.week": "KW {week}/{year} (ab {date})",
  "records.import.error.noFile": "Bitte wähle eine Datei aus.",
  "records.import.error.tooLarge": "Die Datei ist größer als 5 MB.",
  "records.import.error.notJson":
    "Das ist keine Berichtsheft-Datei. Nimm die JSON-Datei, die Werkbank beim Herunterladen gemacht hat.",
  "records.import.error.notRecord": "Die Datei ist kein vollständiges Berichtsheft aus Werkbank.",
  "records.import.error.newerVersion":
    "Die Datei kommt aus einer neueren Werkbank-Version. Diese Werkbank kann sie noch nicht lesen.",
  "records.import.error.noApprovedWeeks": "In der Datei ist keine freigegebene Woche. Es gibt nichts zu übernehmen.",
  "records.import.error.chainBroken":
    "Die Woche {week} passt nicht mehr zu ihrer Freigabe: Die Datei wurde verändert. Es wurde nichts übernommen.",
  "records.import.error.leftOutApproval":
    "Die Woche {week} wurde nach der Freigabe wieder geöffnet und nicht neu freigegeben. Ohne sie ist die Prüfung der späteren Wochen nicht möglich. Der alte Betrieb muss sie erst wieder freigeben. Es wurde nichts übernommen.",
  "records.import.error.notBefore":
    "Die Woche {week} liegt nicht vor dem Beginn dieser Ausbildung. Übernommen werden nur Wochen aus der Zeit davor. Es wurde nichts übernommen.",
  "records.import.error.otherPerson":
    "Die Datei ist das Berichtsheft einer anderen Person. Es wurde nichts übernommen.",
  "records.import.error.weekTaken": "Für die Woche {week} gibt es hier schon ein Blatt. Es wurde nichts übernommen.",
};
