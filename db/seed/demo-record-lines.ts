/**
 * What a joinery apprentice writes in the demo's Berichtsheft: short keyword-style lines per
 * training year, from which each week draws a few. The school topics follow the Lernfelder of
 * the KMK framework curriculum for Tischler/-in (LF 1–4 in the first year, LF 5–8 in the second),
 * one Lernfeld per quarter of the training year.
 */
export type TradeLines = {
  /** Betriebliche Tätigkeiten, per training year (the last list serves later years too). */
  company: string[][];
  /** Unterweisungen and in-company lessons, per training year. */
  instruction: string[][];
  /** The Lernfelder of each training year ("LF 1"), each with a few lesson topics. */
  lernfelder: { code: string; topics: string[] }[][];
  /** Subjects taught across trades: Wirtschafts- und Sozialkunde, Deutsch, Fachrechnen. */
  general: string[];
  /** The ÜLU course of each training year: its title and what was done there. */
  ulu: { title: string; lines: string[] }[];
  /** The half-yearly safety instruction (JArbSchG § 29 for minors, good practice for all). */
  safety: string;
  /** The first day in the company. */
  firstDay: string[];
};

export const tischlerLines: TradeLines = {
  company: [
    [
      "Massivholz ablängen und besäumen",
      "Bretter abrichten und auf Dicke hobeln",
      "Schlitz und Zapfen von Hand herstellen (Übungsstück)",
      "Maschinen und Absaugung reinigen, Werkstatt aufräumen",
      "Plattenzuschnitt an der Formatkreissäge unter Aufsicht",
      "Kanten anleimen und bündig fräsen",
      "Oberflächen schleifen, Körnung 120 bis 180",
      "Topfbänder bohren und Türen anschlagen",
      "Mithilfe bei der Küchenmontage beim Kunden in Gardelegen",
      "Holzlager sortieren, Holzfeuchte messen",
      "Dübelverbindungen bohren und verleimen",
      "Material und Werkzeug für die Baustelle laden",
      "Zuschnittliste nach Zeichnung schreiben",
      "Lackierte Teile zwischenschleifen",
      "Fensterbänke einbauen (Baustelle Stendal)",
      "Werkzeugkiste als Übungsstück gebaut",
    ],
    [
      "Korpusteile für Einbauschrank zuschneiden und bekanten",
      "Einbauschrank in der Dachschräge aufmessen (Kunde in Tangermünde)",
      "Schubkästen mit Vollauszug einbauen",
      "Türen und Zargen einbauen (Altbau in Salzwedel)",
      "Fronten einpassen, Beschläge einstellen",
      "Oberflächen beizen und lackieren im Spritzstand",
      "Furnier zusammensetzen und pressen",
      "Eichentisch: Zargen und Beine verleimen",
      "Teile am CNC-Bearbeitungszentrum bohren, Programm mit Gesellen geprüft",
      "Treppenstufen schleifen und ölen",
      "Büromöbel beim Kunden montieren",
      "Schubkasten mit Zinkenverbindung herstellen",
      "Alte Fenster ausbauen, neue einsetzen und Fuge abdichten",
      "Arbeitszeit und Material im Auftragszettel eintragen",
      "Sockelleisten zuschneiden und montieren",
      "Badmöbel nach Maß fertigen (Kunde in Gardelegen)",
    ],
  ],
  instruction: [
    [
      "Unterweisung Formatkreissäge: Spaltkeil, Schiebestock, Schutzhaube",
      "Unterweisung Gefahrstoffe: Lacke, Verdünnung, Sicherheitsdatenblatt",
      "Erste Hilfe: Verbandkasten und Meldeweg im Betrieb",
      "Betriebsunterricht: Holzarten erkennen (Eiche, Buche, Kiefer, Fichte)",
      "Betriebsunterricht: Werkzeichnung lesen, Maße übernehmen",
      "Unterweisung Handoberfräse: Fräsrichtung und Rückschlag",
      "Brandschutz: Feuerlöscher und Fluchtwege",
      "Gehörschutz und Staubmaske richtig benutzen",
    ],
    [
      "Unterweisung Tischfräse: Anschlag, Vorschubapparat, Rückschlag",
      "Betriebsunterricht: Aufmaß und Angebot für einen Kundenauftrag",
      "Betriebsunterricht: Beschläge auswählen nach Katalog",
      "Vorbereitung Gesellenprüfung Teil 1: Arbeitsprobe besprochen",
      "Unterweisung Leiter und Gerüst auf der Baustelle",
      "Betriebsunterricht: Oberflächen im Vergleich (Öl, Wachs, Lack)",
      "Kundengespräch bei der Übergabe begleitet",
    ],
  ],
  lernfelder: [
    [
      // Einfache Produkte aus Holz herstellen
      {
        code: "LF 1",
        topics: ["Aufbau des Holzes, Holzfeuchte", "Schwinden und Quellen", "Handwerkzeuge: Säge, Hobel, Stemmeisen"],
      },
      // Zusammengesetzte Produkte aus Holz und Holzwerkstoffen herstellen
      {
        code: "LF 2",
        topics: ["Holzverbindungen: Schlitz und Zapfen, Dübel", "Leimen und Presszeiten", "Spanplatte, MDF, Sperrholz"],
      },
      // Produkte aus unterschiedlichen Werkstoffen herstellen
      {
        code: "LF 3",
        topics: ["Metalle und Kunststoffe im Möbelbau", "Schrauben und Beschläge", "Glas im Möbelbau"],
      },
      // Kleinmöbel herstellen
      {
        code: "LF 4",
        topics: ["Korpusaufbau eines Kleinmöbels", "Beize, Öl und Lack", "Arbeitsplan und Stückliste"],
      },
    ],
    [
      // Einzelmöbel herstellen
      {
        code: "LF 5",
        topics: ["Rahmen und Füllung", "Furnier und Furnierbilder", "Tischfräse sicher einsetzen"],
      },
      // Systemmöbel herstellen
      {
        code: "LF 6",
        topics: ["Lochreihen im 32-mm-System", "Topfbänder und Auszüge", "CNC-Grundlagen, Koordinaten"],
      },
      // Einbaumöbel herstellen und montieren
      {
        code: "LF 7",
        topics: ["Aufmaß am Bau, Toleranzen", "Befestigung an Wand und Decke", "Feuchte, Wärme und Schall am Bau"],
      },
      // Baukörperabschlüsse herstellen und montieren
      {
        code: "LF 8",
        topics: ["Fensterprofile und Verglasung", "Innentüren und Zargen", "Haustüren und Einbruchschutz"],
      },
    ],
  ],
  general: [
    "Wirtschafts- und Sozialkunde: Ausbildungsvertrag, Rechte und Pflichten",
    "Wirtschafts- und Sozialkunde: Sozialversicherung und Lohnabrechnung",
    "Wirtschafts- und Sozialkunde: Tarifvertrag und Mitbestimmung",
    "Deutsch: Arbeitsbericht schreiben",
    "Fachrechnen: Flächen, Volumen, Verschnitt",
    "Fachrechnen: Materialkosten und Preis",
    "Englisch: Werkzeuge und Maschinen",
  ],
  ulu: [
    {
      title: "ÜLU Maschinenlehrgang im Bildungszentrum der Handwerkskammer",
      lines: [
        "Formatkreissäge einrichten, Längs- und Querschnitte",
        "Abricht- und Dickenhobelmaschine einstellen",
        "Tischfräse: Anschlag und Vorschubapparat",
        "Übungsstück: Rahmen mit Gehrung",
      ],
    },
    {
      title: "ÜLU CNC-Technik im Bildungszentrum der Handwerkskammer",
      lines: [
        "Bearbeitungszentrum: Nullpunkt und Werkzeuge",
        "Programme am Rechner erstellen und simulieren",
        "Übungsstück: Schrankseite mit Lochreihe und Nut",
      ],
    },
  ],
  safety: "Sicherheitsunterweisung (halbjährlich) mit Unterschrift",
  firstDay: ["Begrüßung, Rundgang durch Werkstatt und Lager", "Sicherheitsunterweisung, Schutzausrüstung ausgegeben"],
};
