"""The entries of the glossary: every measure, broker role and gap word graphsvc shows, in plain
Danish and English. :mod:`graphsvc.glossary` looks them up; the pages, maps and exports name
each concept with the ``term`` here (a test holds them to it).
"""

from __future__ import annotations

from .model import Entry, Section

__all__ = ["ENTRIES", "SECTIONS"]

SECTIONS: tuple[Section, ...] = (
    Section("actors", "Mål for den enkelte aktør", "Measures of one actor"),
    Section("roles", "Brobyggerroller", "Broker roles"),
    Section("gaps", "Huller og rekruttering", "Gaps and recruitment"),
    Section("network", "Netværket som helhed", "The network as a whole"),
    Section("words", "Ord, vi bruger overalt", "Words used throughout"),
)

_E = Entry

ENTRIES: tuple[Entry, ...] = (
    # --- one actor -------------------------------------------------------------------------
    _E(
        "degree",
        "actors",
        "Antal forbindelser",
        "Number of ties",
        "Hvor mange andre aktører en aktør har en forbindelse til: samarbejde, henvisning eller "
        "finansiering. På kortet kan punkternes størrelse vise det.",
        "How many other actors an actor has a tie to: collaboration, referral or funding. On a "
        "map, the size of the points can show it.",
    ),
    _E(
        "betweenness",
        "actors",
        "Brobygning i hele netværket",
        "Betweenness",
        "Hvor ofte aktøren ligger på den korteste vej mellem to andre aktører, set over hele "
        "netværket. Høj brobygning: aktøren binder dele af netværket sammen, og uden den bliver "
        "vejene længere eller forsvinder.",
        "How often the actor lies on the shortest path between two other actors, over the whole "
        "network. High betweenness: the actor holds parts of the network together; without it "
        "paths get longer or vanish.",
        why_da="Forskere kalder målet »betweenness«. På dansk siger »brobygning«, hvad tallet "
        "måler; »i hele netværket« skiller det fra brobygning mellem to arenaer.",
        why_en="The Danish pages call it »brobygning i hele netværket« (bridging in the whole network).",
    ),
    _E(
        "broker_share",
        "actors",
        "Brobygning mellem to arenaer",
        "Bridging between two arenas",
        "Andelen af de korteste veje fra aktører i den ene arena (fx skole) til aktører i den "
        "anden (fx fritid), som går gennem aktøren. Brobyggersiden rangerer efter dette tal "
        "(kolonnen »Andel af vejene«).",
        "The share of the shortest paths from actors in one arena (for example school) to actors "
        "in another (for example leisure) that run through the actor. The brokers page ranks by "
        "it (the column »Share of paths«).",
    ),
    _E(
        "broker",
        "actors",
        "Brobygger",
        "Broker",
        "En aktør, der forbinder andre, som ikke selv har en forbindelse til hinanden. Fjernes "
        "den, mister de andre deres korteste vej til hinanden.",
        "An actor that connects others who have no tie to each other. Remove it and the others "
        "lose their shortest route to each other.",
    ),
    _E(
        "constraint",
        "actors",
        "Bundethed",
        "Constraint",
        "Hvor meget en aktørs kontakter også kender hinanden (Burt 1992). Høj bundethed: "
        "kontakterne hænger sammen, og aktøren hører mest det samme. Lav: aktøren står ved "
        "strukturelle huller og kan bringe nyt videre.",
        "How much an actor's contacts also know each other (Burt 1992). High: the contacts hang "
        "together and the actor mostly hears the same things. Low: the actor sits at structural "
        "holes and can pass new things on.",
        why_da="Forskere kalder målet »constraint«.",
    ),
    _E(
        "effective_size",
        "actors",
        "Effektiv netværksstørrelse",
        "Effective size",
        "Antallet af kontakter, fratrukket hvor meget de overlapper hinanden (Burt 1992): hvor "
        "mange forskellige dele af netværket aktøren reelt har adgang til.",
        "The number of contacts less how much they overlap (Burt 1992): how many different parts "
        "of the network the actor really reaches.",
    ),
    _E(
        "structural_hole",
        "actors",
        "Strukturelt hul",
        "Structural hole",
        "Et sted, hvor to aktører eller grupper ikke har nogen forbindelse til hinanden. Den, der "
        "står imellem, er brobygger.",
        "A place where two actors or groups have no tie to each other. Whoever stands between "
        "them is a broker.",
    ),
    # --- broker roles ----------------------------------------------------------------------
    _E(
        "brokerage_role",
        "roles",
        "Brobyggerrolle",
        "Broker role",
        "Hvordan en brobygger forbinder to andre, efter hvilken gruppe (sektor eller arena) de "
        "tre hører til (Gould og Fernandez 1989). Der er fem roller; siden viser den, aktøren "
        "oftest har.",
        "How a broker connects two others, by the group (sector or arena) the three belong to "
        "(Gould and Fernandez 1989). There are five roles; the page shows the one the actor has "
        "most often.",
    ),
    _E(
        "role_coordinator",
        "roles",
        "mellemmand i egen gruppe",
        "coordinator",
        "Brobyggeren og de to, den forbinder, hører til samme gruppe.",
        "The broker and the two it connects belong to the same group.",
        why_da="Gould og Fernandez kalder rollen »coordinator«. Vi siger ikke »koordinator«, "
        "fordi det i graphsvc er brugerrollen for den, der leder netværksarbejdet. »Mellemmand "
        "i egen gruppe« siger, hvad aktøren gør, og passer med »mellemmand udefra«.",
        why_en="Not to be mixed up with the user role »coordinator«; the Danish pages call the "
        "broker role »mellemmand i egen gruppe« (go-between within its own group).",
        retired_da=("koordinator",),
    ),
    _E(
        "role_itinerant",
        "roles",
        "mellemmand udefra",
        "itinerant",
        "De to, brobyggeren forbinder, hører til samme gruppe; brobyggeren selv til en anden.",
        "The two the broker connects share a group; the broker belongs to another.",
    ),
    _E(
        "role_representative",
        "roles",
        "repræsentant",
        "representative",
        "Brobyggeren bringer noget fra sin egen gruppe videre til en anden gruppe.",
        "The broker passes something from its own group on to another group.",
    ),
    _E(
        "role_gatekeeper",
        "roles",
        "dørvogter",
        "gatekeeper",
        "Brobyggeren lukker noget fra en anden gruppe ind i sin egen gruppe.",
        "The broker lets something from another group into its own group.",
    ),
    _E(
        "role_liaison",
        "roles",
        "forbindelsesled",
        "liaison",
        "Brobyggeren forbinder to grupper, som den ikke selv hører til.",
        "The broker connects two groups it belongs to neither of.",
    ),
    # --- gaps and recruitment --------------------------------------------------------------
    _E(
        "support_network",
        "gaps",
        "Støttenetværk",
        "Support network",
        "Aktørerne inden for to led af målgruppens unge, plus dem der er med i en indsats for målgruppen.",
        "The actors within two steps of the target group's young people, plus those taking part "
        "in an initiative for the group.",
    ),
    _E(
        "gap",
        "gaps",
        "Hul",
        "Gap",
        "Noget, målgruppens unge mangler omkring sig: et område uden fritidsaktører, en skole "
        "uden vej til fritidslivet, unge uden forbindelse til en arena, eller en sektor, der "
        "mangler.",
        "Something the target group's young people lack around them: an area with no leisure "
        "actor, a school with no route to leisure, young people with no tie to an arena, or a "
        "missing sector.",
    ),
    _E(
        "missing_sector",
        "gaps",
        "Sektor der mangler helt",
        "Missing sector",
        "En sektor, som ingen aktør i støttenetværket hører til.",
        "A sector that no actor in the support network belongs to.",
    ),
    _E(
        "under_represented_sector",
        "gaps",
        "Underrepræsenteret sektor",
        "Under-represented sector",
        "En sektor, der udgør en klart mindre andel af støttenetværket end af alle aktører i kommunen.",
        "A sector that makes up a clearly smaller share of the support network than of all actors "
        "in the municipality.",
    ),
    _E(
        "single_point_of_failure",
        "gaps",
        "Eneste vej",
        "Single point of failure",
        "En aktør, som nogle unge kun når fritidslivet gennem. Forsvinder den, mister de deres vej dertil.",
        "An actor through which some young people reach leisure life and no other way. If it "
        "goes, they lose their route there.",
    ),
    _E(
        "community",
        "gaps",
        "Klynge",
        "Community",
        "En gruppe aktører, der har flere forbindelser indbyrdes end udadtil (Louvain-metoden, "
        "Blondel m.fl. 2008). En klynge med skoleaktører og ingen fritidsaktører er en silo.",
        "A group of actors with more ties among themselves than outwards (the Louvain method, "
        "Blondel et al. 2008). A community with school actors and no leisure actor is a silo.",
    ),
    _E(
        "score",
        "gaps",
        "Point",
        "Score",
        "Summen af pointene for grundene til at rekruttere en partner: den lukker et hul, "
        "tilføjer en sektor, ligger i et område med huller, eller kan let introduceres.",
        "The sum of the points for the reasons to recruit a partner: it closes a gap, adds a "
        "sector, sits in an area with gaps, or is easy to be introduced to.",
    ),
    _E(
        "introduction_path",
        "gaps",
        "Introduktionsvej",
        "Introduction path",
        "Hvem der kan introducere os: kæden fra en nuværende partner til den, vi vil rekruttere.",
        "Who can introduce us: the chain from a current partner to the one we want to recruit.",
    ),
    # --- the network as a whole ------------------------------------------------------------
    _E(
        "density",
        "network",
        "Tæthed",
        "Density",
        "Andelen af alle mulige par af partnere, der har en forbindelse.",
        "The share of all possible pairs of partners that have a tie.",
    ),
    _E(
        "components",
        "network",
        "Dele af netværket",
        "Parts of the network",
        "Dele uden nogen forbindelse til hinanden; færre dele er et mere sammenhængende netværk.",
        "Parts with no tie to each other; fewer parts make a more connected network.",
    ),
    _E(
        "cross_sector_ties",
        "network",
        "Forbindelser på tværs af sektorer",
        "Cross-sector ties",
        "Andelen af forbindelserne, der går mellem to forskellige sektorer.",
        "The share of the ties that run between two different sectors.",
    ),
    _E(
        "ei_index",
        "network",
        "E-I-indeks",
        "E-I index",
        "Forbindelser på tværs af sektorer minus forbindelser inden for samme sektor, delt med "
        "alle forbindelser (Krackhardt og Stern 1988): −1 alt inden for, +1 alt på tværs.",
        "Ties across sectors minus ties within a sector, over all ties (Krackhardt and Stern "
        "1988): −1 all within, +1 all across.",
    ),
    _E(
        "centralisation",
        "network",
        "Centralisering",
        "Centralisation",
        "Hvor meget forbindelserne samles om én partner: 1 alt går gennem én, 0 jævnt fordelt.",
        "How much the ties gather around one partner: 1 all run through one, 0 evenly spread.",
    ),
    _E(
        "reach",
        "network",
        "Rækkevidde",
        "Reach",
        "Andelen af målgruppens unge inden for to led af en partner i en indsats for gruppen.",
        "The share of the target group's young people within two steps of a partner in an "
        "initiative for the group.",
    ),
    _E(
        "reciprocity",
        "network",
        "Gensidighed",
        "Reciprocity",
        "I en partnerundersøgelse: andelen af svarene, hvor den nævnte partner også nævner den, der svarede.",
        "In a partner survey: the share of answers where the partner named also names the one who answered.",
    ),
    _E(
        "response_rate",
        "network",
        "Svarprocent",
        "Response rate",
        "Andelen af de inviterede partnere, der har svaret på partnerundersøgelsen.",
        "The share of the invited partners that have answered the partner survey.",
    ),
    # --- words used throughout -------------------------------------------------------------
    _E(
        "arena",
        "words",
        "Arena",
        "Arena",
        "En del af de unges hverdag: skole, fritid, sundhed, arbejde, familie og lokalsamfund.",
        "A part of young people's everyday life: school, leisure, health, work, family and community.",
    ),
    _E(
        "sector",
        "words",
        "Sektor",
        "Sector",
        "Hvor en aktør hører hjemme: offentlig sektor, civilsamfundet, erhvervslivet, fonde, "
        "videninstitutioner eller borgere.",
        "Where an actor belongs: public sector, civil society, business, philanthropy, knowledge "
        "institutions or citizens.",
    ),
    _E(
        "business",
        "words",
        "Erhvervslivet",
        "Business",
        "Sektoren for virksomheder: butikker, håndværkere, producenter, banker og erhvervsforeninger.",
        "The sector of businesses: shops, trades, manufacturers, banks and business associations.",
        why_da="Vi skriver »erhvervslivet« overalt: på siderne, kortene, rekrutteringslisten og i "
        "Kumu-filer. Filer med det ældre »Erhverv« kan stadig læses ind.",
        retired_da=("erhverv",),
    ),
)
