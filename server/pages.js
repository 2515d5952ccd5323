// @ts-check
// The few answers the HTTP server gives before the app is involved. The app's own pages use the
// i18n catalogs; these stay German (the default language) and need no script or style.

/** @param {string} title @param {string} text */
function page(title, text) {
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Werkbank</title></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Zur Startseite</a></p></main></body>
</html>
`;
}

export const pages = {
  badRequest: page(
    "Ungültige Anfrage",
    "Diese Anfrage kann Werkbank nicht lesen. Lade die Seite neu und versuche es noch einmal.",
  ),
  crossSite: page("Abgelehnt", "Anfrage von einer fremden Seite abgelehnt."),
  tooLarge: page(
    "Zu viel auf einmal",
    "Die gesendeten Daten sind zu groß. Kürze den Text oder nimm eine kleinere Datei und versuche es noch einmal.",
  ),
  serverError: page("Fehler", "Etwas ist schiefgelaufen. Versuche es gleich noch einmal."),
};
