"""Danish words the demo municipality is made of: towns, clubs, shops, people.

Everything here is fictional. Chain stores and national organisations appear under their real
names because coordinators recognise them (a "Netto" in a town is a realistic recruitment
target), but every branch, person and phone number is made up.
"""

from __future__ import annotations

import re

__all__ = [
    "ANIMALS",
    "ASSOCIATION_TYPES",
    "BUSINESS_TYPES",
    "BUSINESS_WORDS",
    "COLOURS",
    "COMMUNITY_ASSOCIATION",
    "FIRST_NAMES",
    "FIXED_TOWNS",
    "INSTITUTION_WORDS",
    "QUARTERS",
    "SCHOOL_WORDS",
    "SURNAMES",
    "AssociationType",
    "BusinessType",
    "slug",
    "town_names",
]

# The first towns are the ones the planted gaps live in (see ``gaps.py``): their order matters.
FIXED_TOWNS = (
    "Fjordlev",  # the main town; the municipality is named after it
    "Egelunde",  # +DIG and the lonely 12-17 year-olds
    "Kirke Hvidinge",  # the town whose youth club bridges school and leisure alone
    "Østermose",  # a village with young people and no leisure life at all
    "Ravnsholt",
    "Bøgeskov Strand",
    "Lyngå",
    "Hørløse",
    "Stenvig",
    "Vester Askov",
    "Tornehøj",
    "Lille Ravnstrup",
)

# Syllables for further towns in the large (region-sized) network.
_TOWN_HEADS = (
    "Ege",
    "Bøge",
    "Aske",
    "Lunde",
    "Hessel",
    "Ravne",
    "Tranes",
    "Hvid",
    "Mose",
    "Lyng",
    "Hel",
    "Fugle",
    "Ulv",
    "Hjorte",
    "Rosen",
    "Skov",
    "Strand",
    "Bakke",
    "Kilde",
    "Elle",
    "Hassel",
    "Tjørne",
    "Sol",
    "Lærke",
)
_TOWN_TAILS = (
    "sø",
    "by",
    "rup",
    "strup",
    "løse",
    "lev",
    "sted",
    "holm",
    "bjerg",
    "inge",
    "ager",
    "skov",
    "højen",
    "bæk",
    "lund",
    "magle",
    "rød",
    "vig",
    "borg",
    "næs",
)


def town_names(count: int) -> list[str]:
    """``count`` distinct town names: the fixed ones first, then made-up compounds."""
    names = list(FIXED_TOWNS[:count])
    seen = set(names)
    # Walk the grid diagonally so neighbouring towns do not all share a first syllable.
    for offset in range(len(_TOWN_TAILS)):
        for i, head in enumerate(_TOWN_HEADS):
            if len(names) >= count:
                return names
            name = f"{head}{_TOWN_TAILS[(i + offset) % len(_TOWN_TAILS)]}"
            if name not in seen:
                seen.add(name)
                names.append(name)
    if len(names) < count:
        raise ValueError(f"only {len(names)} distinct town names can be made, not {count}")
    return names


_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def slug(text: str) -> str:
    """An id-safe ASCII form of a Danish name: ``"Kirke Hvidinge"`` → ``"kirke-hvidinge"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_ASCII)).strip("-")


# Parts of a town, for the second tennis club or hall in the same town ("Fjordlev Øst").
QUARTERS = ("Nord", "Syd", "Øst", "Vest", "Midt", "Strand", "Bakke", "Vænge")

# --- young people's pseudonyms: colour + animal + number, never a real-looking name ----------

COLOURS = (
    "Blå",
    "Grøn",
    "Rød",
    "Gul",
    "Sort",
    "Hvid",
    "Grå",
    "Lilla",
    "Orange",
    "Brun",
    "Sølv",
    "Guld",
    "Turkis",
    "Rosa",
)
# Common-gender nouns only, so the colour never needs a neuter -t.
ANIMALS = (
    "Ræv",
    "Odder",
    "Ugle",
    "Hare",
    "Ørn",
    "Los",
    "Bæver",
    "Grævling",
    "Mår",
    "Hjort",
    "Spætte",
    "Falk",
    "Måge",
    "Sæl",
    "Delfin",
    "Svane",
    "Krage",
    "Frø",
    "Ulv",
    "Bjørn",
    "Mus",
    "Mejse",
    "Glente",
    "Skildpadde",
)

# --- adult contact persons ---------------------------------------------------------------------

FIRST_NAMES = (
    "Mette",
    "Anne",
    "Lone",
    "Susanne",
    "Camilla",
    "Maria",
    "Louise",
    "Sofie",
    "Ida",
    "Hanne",
    "Karen",
    "Pia",
    "Lene",
    "Tina",
    "Rikke",
    "Helle",
    "Charlotte",
    "Marianne",
    "Birgitte",
    "Kirsten",
    "Signe",
    "Line",
    "Lars",
    "Søren",
    "Jens",
    "Peter",
    "Michael",
    "Henrik",
    "Thomas",
    "Martin",
    "Jesper",
    "Anders",
    "Morten",
    "Rasmus",
    "Mads",
    "Jakob",
    "Niels",
    "Frederik",
    "Kasper",
    "Christian",
    "Bo",
    "Torben",
    "Ole",
    "Jonas",
    "Ali",
    "Fatima",
    "Ahmed",
    "Zeynep",
)
SURNAMES = (
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Lauridsen",
    "Holm",
    "Østergaard",
    "Kjær",
    "Dahl",
    "Bech",
    "Lund",
    "Skov",
    "Frederiksen",
    "Vestergaard",
    "Nørgaard",
    "Yilmaz",
    "Hussain",
)

# --- institutions ------------------------------------------------------------------------------

SCHOOL_WORDS = (
    "Søndre Skole",
    "Nørre Skole",
    "Østre Skole",
    "Vestre Skole",
    "Bakkeskolen",
    "Skovskolen",
    "Engskolen",
    "Fjordskolen",
    "Møllevangskolen",
    "Kildeskolen",
    "Lindeskolen",
    "Toftegårdsskolen",
    "Rosenvængets Skole",
    "Højvangskolen",
)
INSTITUTION_WORDS = (
    "Regnbuen",
    "Mælkebøtten",
    "Solsikken",
    "Troldehøjen",
    "Myretuen",
    "Spiren",
    "Kastanjen",
    "Bikuben",
    "Humlebien",
    "Skovtrolden",
    "Stjernen",
    "Ellehuset",
    "Lærkereden",
    "Egely",
    "Birkely",
    "Solgården",
    "Engly",
    "Æblehaven",
    "Kernehuset",
    "Fuglereden",
    "Tusindfryd",
    "Hyldebo",
    "Pilehuset",
    "Rønnebo",
    "Vibereden",
    "Bøgely",
    "Havely",
    "Græshoppen",
    "Mariehønen",
    "Rosenly",
    "Skovly",
    "Strandly",
    "Kildevang",
)

# --- associations ------------------------------------------------------------------------------


class AssociationType:
    """A kind of association: its category, name patterns ({town}) and arenas."""

    __slots__ = ("arenas", "category", "patterns", "sport")

    def __init__(
        self,
        category: str,
        patterns: tuple[str, ...],
        *,
        arenas: tuple[str, ...] = ("leisure",),
        sport: bool = False,
    ) -> None:
        self.category = category
        self.patterns = patterns
        self.arenas = arenas
        self.sport = sport


_A = AssociationType
# The first ones exist in nearly every Danish town of some size; the rest are drawn at random.
ASSOCIATION_TYPES = (
    _A("Fodboldklub", ("{town} Boldklub", "{town} Fodboldklub", "FC {town}"), sport=True),
    _A("Gymnastikforening", ("{town} Gymnastikforening", "{town} Gymnastik og Idræt"), sport=True),
    _A("Håndboldklub", ("{town} Håndboldklub", "{town} HK"), sport=True),
    _A(
        "Spejdergruppe",
        (
            "KFUM-Spejderne {town}",
            "Det Danske Spejderkorps, {town} Gruppe",
            "FDF {town}",
            "De grønne pigespejdere {town}",
        ),
    ),
    _A(
        "Kirkelig ungdomsforening",
        ("KFUM & KFUK {town}", "{town} Kirkes Ungdomsklub"),
        arenas=("leisure", "community"),
    ),
    _A("Badmintonklub", ("{town} Badmintonklub",), sport=True),
    _A("Idrætsforening", ("{town} Idrætsforening", "{town} IF"), sport=True),
    _A("Svømmeklub", ("{town} Svømmeklub",), sport=True),
    _A("Tennisklub", ("{town} Tennisklub",), sport=True),
    _A("Rideklub", ("{town} Rideklub", "{town} Rideforening"), sport=True),
    _A("Klatreklub", ("Klatreklubben {town}",), sport=True),
    _A("Cykelklub", ("{town} Cykelklub", "{town} MTB"), sport=True),
    _A("Løbeklub", ("{town} Løbeklub", "{town} Motion"), sport=True),
    _A("Kampsportsklub", ("{town} Karateklub", "{town} Taekwondo", "{town} Bokseklub"), sport=True),
    _A("Bordtennisklub", ("{town} Bordtennisklub",), sport=True),
    _A("Volleyballklub", ("{town} Volley",), sport=True),
    _A("Basketballklub", ("{town} Basket",), sport=True),
    _A("Sejlklub", ("{town} Sejlklub", "{town} Kajakklub", "{town} Roklub"), sport=True),
    _A("Skytteforening", ("{town} Skytteforening",), sport=True),
    _A("E-sportsforening", ("{town} E-sport", "Gamerforeningen {town}")),
    _A("Skakklub", ("{town} Skakklub",)),
    _A("Danseforening", ("{town} Danseforening", "Streetdance {town}")),
    _A("Musikforening", ("{town} Musikforening", "{town} Ungdomsorkester", "Spillestedet {town}")),
    _A("Teaterforening", ("{town} Ungdomsteater", "{town} Amatørscene")),
    _A("Kor", ("{town} Ungdomskor", "{town} Kirkekor")),
    _A("Rollespilsforening", ("{town} Rollespil",)),
    _A("Ungdomsforening", ("{town} Ungdomsforening",), arenas=("leisure", "community")),
    _A("Lektiecafé", ("Lektiecaféen {town}",), arenas=("leisure", "school")),
    _A("Jagt- og naturforening", ("{town} Jagtforening", "{town} Naturfællesskab")),
    _A("Kunstforening", ("{town} Kunstforening",)),
)
# A village's own association is about the village, not about leisure.
COMMUNITY_ASSOCIATION = _A(
    "Borgerforening",
    ("{town} Borgerforening", "{town} Beboerforening", "Landsbylauget {town}"),
    arenas=("community",),
)

# --- businesses --------------------------------------------------------------------------------


class BusinessType:
    """A kind of business: category, name patterns, arenas, how common it is, and how many
    young people it employs relative to others (student jobs are mostly in shops and cafés)."""

    __slots__ = ("arenas", "category", "jobs", "patterns", "sponsor", "weight")

    def __init__(
        self,
        category: str,
        patterns: tuple[str, ...],
        *,
        weight: float,
        jobs: float,
        arenas: tuple[str, ...] = ("work",),
        sponsor: bool = False,
    ) -> None:
        self.category = category
        self.patterns = patterns
        self.weight = weight
        self.jobs = jobs
        self.arenas = arenas
        self.sponsor = sponsor


_B = BusinessType
# Patterns use {town}, {surname}, {first} and {word}.
BUSINESS_TYPES = (
    _B(
        "Supermarked",
        (
            "Netto {town}",
            "Rema 1000 {town}",
            "SuperBrugsen {town}",
            "Dagli'Brugsen {town}",
            "Lidl {town}",
            "Spar {town}",
            "Løvbjerg {town}",
            "Meny {town}",
        ),
        weight=5,
        jobs=6,
        sponsor=True,
    ),
    _B(
        "Håndværker",
        (
            "{surname}s Tømrerforretning",
            "{town} VVS",
            "{surname} El-service",
            "Murerfirma {surname} & Søn",
            "{town} Malerforretning",
            "{surname} Byg ApS",
        ),
        weight=18,
        jobs=1,
    ),
    _B(
        "Produktionsvirksomhed",
        (
            "{town} Maskinfabrik A/S",
            "{town} Stål",
            "{town} Plast ApS",
            "{surname} Metal",
            "{town} Træindustri",
            "{town} Emballage A/S",
            "{surname} & Co. Fødevarer",
        ),
        weight=8,
        jobs=1.5,
    ),
    _B(
        "Landbrug",
        ("{word}gården v/ {first} {surname}", "{surname}s Planteskole", "{town} Gartneri"),
        weight=10,
        jobs=0.8,
    ),
    _B(
        "Café og restaurant",
        (
            "Café {word}",
            "{town} Pizza",
            "Restaurant {word}",
            "{town} Grill",
            "{town} Kro",
            "Bageriet i {town}",
        ),
        weight=9,
        jobs=4,
    ),
    _B("Pengeinstitut", ("{town} Sparekasse", "Andelskassen {town}"), weight=1, jobs=0.3, sponsor=True),
    _B("Frisør", ("Frisør {first}", "Salon {word}"), weight=5, jobs=0.5),
    _B("Autoværksted", ("{surname} Auto", "{town} Autoservice", "{town} Dækcenter"), weight=6, jobs=0.8),
    _B(
        "Detailhandel",
        ("{town} Blomster", "{town} Boghandel", "{word} Tøj", "{town} Byggemarked", "{town} Cykler"),
        weight=10,
        jobs=2,
    ),
    _B("Tankstation", ("Circle K {town}", "Q8 {town}", "OK Plus {town}"), weight=2, jobs=3),
    _B(
        "Rådgivning og IT",
        ("{surname} Revision", "{word} IT ApS", "{town} Advokatkontor", "{surname} Ejendomsmægler"),
        weight=10,
        jobs=0.3,
    ),
    _B("Transport", ("{town} Vognmandsforretning", "{surname} Transport ApS"), weight=4, jobs=0.5),
    _B("Rengøring", ("{surname} Rengøring", "{town} Vinduespolering"), weight=3, jobs=0.8),
    # Businesses that are part of young people's leisure life, not only their work life.
    _B(
        "Fitnesscenter",
        ("{town} Fitness", "Fitnesshuset {town}"),
        weight=1,
        jobs=1.5,
        arenas=("work", "leisure"),
        sponsor=True,
    ),
    _B("Bowlingcenter", ("{town} Bowling",), weight=0.4, jobs=2, arenas=("work", "leisure")),
    _B("Biograf", ("{town} Bio",), weight=0.3, jobs=2, arenas=("work", "leisure")),
)
BUSINESS_WORDS = (
    "Kastanje",
    "Bakke",
    "Sol",
    "Hav",
    "Engly",
    "Fyrtårn",
    "Lærke",
    "Birke",
    "Mølle",
    "Kilde",
    "Havne",
    "Skov",
    "Nord",
    "Ege",
    "Linde",
    "Rosen",
)
