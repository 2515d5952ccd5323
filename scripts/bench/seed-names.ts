// Names, towns and a seeded random source for the bench's large data set. All names are invented
// combinations of common first and last names; the same seed gives the same data set every run.

/** mulberry32: small, fast, good enough to shape test data; the same seed gives the same stream. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error("pick from an empty list");
    return list[Math.floor(next() * list.length)] as T;
  };
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof seededRandom>;

export const towns = [
  "Stendal",
  "Salzwedel",
  "Gardelegen",
  "Tangermünde",
  "Osterburg",
  "Havelberg",
  "Klötze",
  "Seehausen",
  "Arendsee",
  "Bismark",
  "Kalbe (Milde)",
  "Arneburg",
  "Tangerhütte",
  "Beetzendorf",
  "Diesdorf",
  "Werben",
] as const;

const firstNames = [
  ...["Lena", "Mia", "Emma", "Hannah", "Sophie", "Lea", "Anna", "Marie", "Laura", "Lisa", "Julia", "Sarah"],
  ...["Leonie", "Johanna", "Clara", "Paula", "Nele", "Emily", "Lina", "Amelie", "Zoe", "Vanessa", "Jana"],
  ...["Jonas", "Leon", "Luca", "Finn", "Paul", "Ben", "Elias", "Noah", "Felix", "Max", "Lukas", "Tim", "Niklas"],
  ...["Jan", "Tom", "Erik", "Moritz", "Jannik", "Kevin", "Dennis", "Marvin", "Justin", "Philipp", "Florian"],
  ...["Tobias", "Robin", "Pascal", "Nico", "Sebastian", "Malte", "Ole", "Hannes", "Till", "Jakob"],
  ...["Emre", "Can", "Yusuf", "Mehmet", "Ali", "Omar", "Ahmad", "Karim", "Elif", "Aylin", "Zeynep", "Leyla"],
  ...["Kacper", "Jakub", "Oskar", "Dawid", "Bartek", "Oleksandr", "Dmytro", "Mykola", "Anastasia", "Daria"],
];

const lastNames = [
  ...["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"],
  ...["Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann"],
  ...["Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier"],
  ...["Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber"],
  ...["Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel"],
  ...["Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann"],
  ...["Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher"],
  ...["Voigt", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voß", "Sauer", "Arnold"],
  ...["Wolff", "Pfeiffer", "Stein", "Ziegler", "Brandt", "Haase", "Dietrich", "Kuhn", "Kühne", "Gebhardt"],
  ...["Yılmaz", "Kaya", "Demir", "Şahin", "Nowak", "Kowalski", "Wiśniewski", "Kowalenko", "Schewtschenko"],
];

const ascii: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ı: "i", ş: "s", ś: "s", ł: "l" };

/** "Jürgen Weiß" → "juergen.weiss": e-mail local parts without umlauts. */
export function emailSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßışśł]/g, (c) => ascii[c] ?? c)
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

/** A person with a unique e-mail address (`n` keeps two Lena Müllers apart). */
export function person(rng: Rng, n: number): { name: string; email: string } {
  const name = `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
  return { name, email: `${emailSlug(name)}.${n}@example.com` };
}

export const lastName = (rng: Rng) => rng.pick(lastNames);

/** How a craft business of each trade is usually called. */
export const companyNames: Record<string, ((owner: string) => string)[]> = {
  tischler: [(o) => `Tischlerei ${o}`, (o) => `Möbelwerkstatt ${o}`, (o) => `${o} Innenausbau GmbH`],
  elektroniker: [(o) => `Elektro ${o} GmbH`, (o) => `Elektroinstallation ${o}`, (o) => `${o} Elektrotechnik`],
  "anlagenmechaniker-shk": [(o) => `${o} Haustechnik`, (o) => `Heizung & Sanitär ${o}`, (o) => `${o} Bad und Wärme`],
  "kfz-mechatroniker": [(o) => `Autohaus ${o}`, (o) => `Kfz-Werkstatt ${o}`, (o) => `${o} Fahrzeugtechnik`],
  maler: [(o) => `Malerbetrieb ${o}`, (o) => `${o} Maler und Lackierer`, (o) => `Farbe & Raum ${o}`],
  maurer: [(o) => `Bauunternehmen ${o}`, (o) => `${o} Hochbau GmbH`, (o) => `Baugeschäft ${o}`],
  zimmerer: [(o) => `Zimmerei ${o}`, (o) => `${o} Holzbau`, (o) => `Zimmerei und Holzbau ${o}`],
  dachdecker: [(o) => `Dachdeckerei ${o}`, (o) => `${o} Bedachungen`, (o) => `Dach & Wand ${o}`],
};
