#!/usr/bin/env python3
"""An archive-scale benchmark corpus of mixed domains, with planted claims and their
expected passages and verdicts (`gen_corpus.py --scale S|M|L` calls this).

Documents come from eight domains (health, budgets, elections, crime, transport,
climate, education, housing), each with its own measures, reporters and sentence
templates, over a shared pool of places, and a quarter of their sentences are of no
domain, on a Zipf-distributed vocabulary of 60,000 made-up words and names (a real
archive's long tail of rare words and names, which the templates alone lack); 3% are variants of the real documents in
seeds/ (security reporting, with their extraction damage) and 6% are wire reprints of
an earlier document. Sizes are log-normal (median 4 kB, sigma 1.2, 400 B to 2 MB).

Planted claims (the draft to lint) come in seven kinds, each with its expected
verdict and, where there is one, the passage it must be traced to:

| kind | claim | expected |
| --- | --- | --- |
| verbatim | the corpus sentence as it is | supported |
| typo | two words misspelt | supported |
| paraphrase | the other wording of the template, synonyms | supported |
| reformat | the figure written another way: 12.5 percent / 12.5%, $4,370 million / $4.37 billion | supported |
| changed | the figure altered | misquoted |
| decoy | a near-identical sentence (another reporter, place or year, another figure) is also in the corpus | supported, traced to the right one |
| absent | a template the corpus uses, for a place it never reports on | unattributed |

A planted statement (template x place) is reserved: background text never states it,
so the expected passage is the only one (its reprints aside, which count as well).

Same arguments, same bytes: the only randomness is random.Random(seed). Written
streaming, one file at a time, so L (1 GB) needs little memory.
"""

import hashlib
import json
import math
import random
import shutil
from pathlib import Path

SCALES = {"S": 10_000_000, "M": 100_000_000, "L": 1_000_000_000}

PLACES = [
    "Leeds", "Bristol", "Cardiff", "Glasgow", "Belfast", "Lyon", "Marseille", "Toulouse",
    "Hamburg", "Cologne", "Munich", "Leipzig", "Turin", "Naples", "Seville", "Valencia",
    "Porto", "Ghent", "Utrecht", "Aarhus", "Gothenburg", "Tampere", "Krakow", "Brno",
    "Graz", "Basel", "Zagreb", "Cluj", "Varna", "Thessaloniki", "Izmir", "Haifa",
    "Alexandria", "Casablanca", "Accra", "Kumasi", "Lagos", "Ibadan", "Nairobi",
    "Mombasa", "Kampala", "Arusha", "Lusaka", "Durban", "Pune", "Nagpur", "Surat",
    "Lucknow", "Chittagong", "Kandy", "Cebu", "Davao", "Penang", "Surabaya", "Medan",
    "Da Nang", "Busan", "Osaka", "Sapporo", "Brisbane", "Perth", "Auckland", "Calgary",
    "Winnipeg", "Halifax", "Quebec City", "Denver", "Tucson", "Omaha", "Memphis",
    "Cleveland", "Sacramento", "Monterrey", "Puebla", "Medellin", "Cali", "Rosario",
    "Cordoba", "Valparaiso", "Arequipa", "Curitiba", "Recife",
]
PEOPLE = ["Maria Lopez", "John Okafor", "Anna Schmidt", "Ravi Menon", "Chen Wei",
          "Fatima Haddad", "Lars Nilsson", "Grace Mensah", "Tom Walsh", "Yuki Tanaka",
          "Olga Petrova", "Diego Alvarez", "Sara Cohen", "Kwame Boateng", "Nina Rossi"]
OUTLETS = ["the Herald", "the Evening Post", "Metro Wire", "the Courier", "Daily Ledger",
           "the Observer-Times", "Regional News Service", "the Gazette"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
YEARS = list(range(2015, 2025))

# A domain: its reporters, figure templates (id, kind, main wording, other wording),
# figure-less sentences, title words and synonyms for paraphrase. Slots: {R} reporter,
# {P} place, {Y} year, {F} the figure. No template carries another number.
DOMAINS = {
    "health": {
        "reporters": ["the health ministry", "the regional health authority", "the hospital trust",
                      "the national audit office", "the nurses' union", "the public health agency"],
        "facts": [
            ("h1", "count", "{R} said {F} patients in {P} waited more than a year for surgery in {Y}.",
             "In {Y}, {F} patients in {P} waited over a year for an operation, according to {R}."),
            ("h2", "percent", "Vaccination coverage among children in {P} fell to {F} in {Y}, {R} reported.",
             "{R} reported that childhood vaccination coverage in {P} dropped to {F} in {Y}."),
            ("h3", "money", "{R} allocated {F} to hospitals in {P} for {Y}.",
             "For {Y}, hospitals in {P} were given {F} by {R}."),
            ("h4", "count", "There were {F} emergency admissions in {P} in {Y}, {R} said.",
             "{R} said emergency admissions in {P} reached {F} in {Y}."),
            ("h5", "percent", "{R} found that {F} of nursing posts in {P} were vacant in {Y}.",
             "In {Y}, {F} of nursing posts in {P} stood vacant, {R} found."),
            ("h6", "count", "{R} recorded {F} cases of measles in {P} during {Y}.",
             "During {Y}, {F} measles cases were recorded in {P}, said {R}."),
        ],
        "filler": ["Officials in {P} said the new clinic would open next spring.",
                   "{R} urged residents of {P} to register with a family doctor.",
                   "Staff shortages remain the main concern of hospital managers in {P}.",
                   "The report called for better data on waiting times and outcomes.",
                   "Doctors in {P} warned that winter pressures would come early."],
        "titles": ["Hospital waits", "Health spending", "Vaccination drive", "Clinic staffing"],
        "syn": {"patients": "people", "said": "stated", "fell": "declined", "reported": "said",
                "hospitals": "hospital services", "recorded": "counted", "found": "concluded"},
    },
    "budgets": {
        "reporters": ["the finance department", "the city council", "the treasury",
                      "the budget office", "the mayor's office", "the fiscal council"],
        "facts": [
            ("b1", "money", "{R} approved a budget of {F} for {P} in {Y}.",
             "In {Y}, a {F} budget for {P} was approved by {R}."),
            ("b2", "money", "The deficit of {P} reached {F} in {Y}, {R} said.",
             "{R} said the {P} deficit rose to {F} in {Y}."),
            ("b3", "percent", "{R} raised property taxes in {P} by {F} for {Y}.",
             "For {Y}, property taxes in {P} went up by {F}, {R} decided."),
            ("b4", "money", "{R} set aside {F} for road repairs in {P} in {Y}.",
             "In {Y}, {F} was set aside for repairing roads in {P}, according to {R}."),
            ("b5", "percent", "Debt service took {F} of revenue in {P} in {Y}, {R} estimated.",
             "{R} estimated that debt service consumed {F} of the revenue of {P} in {Y}."),
            ("b6", "count", "{R} cut {F} public sector jobs in {P} in {Y}.",
             "In {Y}, {F} public sector jobs in {P} were cut by {R}."),
        ],
        "filler": ["Councillors in {P} debated the spending plan late into the night.",
                   "{R} said the figures would be revised after the audit.",
                   "Opposition members called the plan unrealistic.",
                   "The spending review is due to be published in the autumn.",
                   "Business groups in {P} welcomed the decision on rates."],
        "titles": ["Budget vote", "Council finances", "Tax rise", "Spending review"],
        "syn": {"approved": "passed", "budget": "spending plan", "said": "stated",
                "raised": "increased", "estimated": "calculated", "cut": "eliminated"},
    },
    "elections": {
        "reporters": ["the electoral commission", "the returning officer", "the election observers",
                      "the interior ministry", "the polling institute", "the national statistics office"],
        "facts": [
            ("e1", "percent", "Turnout in {P} was {F} in the {Y} election, {R} said.",
             "{R} said turnout in {P} reached {F} at the {Y} election."),
            ("e2", "count", "{R} counted {F} votes for the governing party in {P} in {Y}.",
             "In {Y}, the governing party won {F} votes in {P}, {R} counted."),
            ("e3", "count", "{R} registered {F} new voters in {P} ahead of the {Y} vote.",
             "Ahead of the {Y} vote, {F} new voters were registered in {P} by {R}."),
            ("e4", "percent", "The opposition won {F} of the vote in {P} in {Y}, according to {R}.",
             "According to {R}, the opposition took {F} of the vote in {P} in {Y}."),
            ("e5", "count", "{R} rejected {F} postal ballots in {P} in {Y}.",
             "In {Y}, {F} postal ballots in {P} were rejected by {R}."),
            ("e6", "money", "Campaign spending in {P} totalled {F} in {Y}, {R} reported.",
             "{R} reported that campaigns in {P} spent {F} in {Y}."),
        ],
        "filler": ["Queues formed outside polling stations in {P} before dawn.",
                   "{R} said the count had been orderly.",
                   "Both main candidates claimed victory in {P}.",
                   "Observers noted a few problems with the voter rolls.",
                   "The result in {P} will be certified next week."],
        "titles": ["Election night", "Turnout figures", "Vote count", "Campaign finance"],
        "syn": {"votes": "ballots", "said": "stated", "won": "secured", "registered": "enrolled",
                "rejected": "discarded", "reported": "said", "counted": "tallied"},
    },
    "crime": {
        "reporters": ["the police", "the interior ministry", "the prosecutor's office",
                      "the crime survey", "the justice department", "the police federation"],
        "facts": [
            ("c1", "count", "{R} recorded {F} burglaries in {P} in {Y}.",
             "In {Y}, {F} burglaries were recorded in {P}, {R} said."),
            ("c2", "percent", "Violent crime in {P} fell by {F} in {Y}, {R} said.",
             "{R} said violent crime in {P} dropped by {F} in {Y}."),
            ("c3", "count", "{R} made {F} arrests for drug offences in {P} in {Y}.",
             "In {Y}, {F} people were arrested for drug offences in {P} by {R}."),
            ("c4", "count", "{R} reported {F} car thefts in {P} during {Y}.",
             "During {Y}, {F} cars were stolen in {P}, according to {R}."),
            ("c5", "percent", "Only {F} of reported thefts in {P} were solved in {Y}, {R} admitted.",
             "{R} admitted that just {F} of thefts reported in {P} were solved in {Y}."),
            ("c6", "money", "Fraud cost businesses in {P} {F} in {Y}, {R} estimated.",
             "{R} estimated that fraud cost {P} businesses {F} in {Y}."),
        ],
        "filler": ["Residents of {P} have asked for more patrols at night.",
                   "{R} said the new unit would focus on organised gangs.",
                   "The court in {P} has a backlog of several months.",
                   "Community groups blamed the closure of youth centres.",
                   "The chief constable defended the force's record."],
        "titles": ["Crime figures", "Policing", "Burglary rise", "Court backlog"],
        "syn": {"recorded": "logged", "burglaries": "break-ins", "said": "stated", "fell": "declined",
                "arrests": "detentions", "reported": "registered", "estimated": "calculated"},
    },
    "transport": {
        "reporters": ["the transport authority", "the rail operator", "the roads agency",
                      "the airport operator", "the transport ministry", "the passenger watchdog"],
        "facts": [
            ("t1", "count", "{R} said {F} passengers used the metro in {P} in {Y}.",
             "In {Y}, the {P} metro carried {F} passengers, {R} said."),
            ("t2", "percent", "Only {F} of trains in {P} ran on time in {Y}, {R} reported.",
             "{R} reported that just {F} of {P} trains were punctual in {Y}."),
            ("t3", "money", "{R} will spend {F} on a new tram line in {P} from {Y}.",
             "From {Y}, {F} will go on a new tram line in {P}, {R} said."),
            ("t4", "count", "{R} counted {F} road deaths in {P} in {Y}.",
             "In {Y}, {F} people died on the roads of {P}, {R} counted."),
            ("t5", "percent", "Bus fares in {P} rose by {F} in {Y}, {R} announced.",
             "{R} announced that bus fares in {P} went up by {F} in {Y}."),
            ("t6", "count", "The airport in {P} handled {F} flights in {Y}, {R} said.",
             "{R} said {P} airport handled {F} flights in {Y}."),
        ],
        "filler": ["Commuters in {P} faced delays after a signal failure.",
                   "{R} apologised for the disruption.",
                   "The new timetable takes effect in December.",
                   "Cycling groups in {P} want more protected lanes.",
                   "Engineers are inspecting the bridge this week."],
        "titles": ["Rail punctuality", "Metro ridership", "Road safety", "Fares"],
        "syn": {"passengers": "riders", "said": "stated", "reported": "said", "spend": "invest",
                "rose": "increased", "counted": "recorded", "handled": "served"},
    },
    "climate": {
        "reporters": ["the environment agency", "the weather service", "the climate institute",
                      "the energy regulator", "the environment ministry", "the river authority"],
        "facts": [
            ("k1", "percent", "Emissions in {P} fell by {F} in {Y}, {R} said.",
             "{R} said emissions in {P} declined by {F} in {Y}."),
            ("k2", "count", "{R} issued {F} flood warnings for {P} in {Y}.",
             "In {Y}, {F} flood warnings were issued for {P} by {R}."),
            ("k3", "percent", "Renewables supplied {F} of the electricity of {P} in {Y}, {R} reported.",
             "{R} reported that renewable sources produced {F} of electricity in {P} in {Y}."),
            ("k4", "money", "{R} pledged {F} for flood defences in {P} in {Y}.",
             "In {Y}, {F} was pledged for flood defences in {P} by {R}."),
            ("k5", "count", "{R} planted {F} trees in {P} in {Y}.",
             "In {Y}, {F} trees were planted in {P}, {R} said."),
            ("k6", "count", "{R} logged {F} days of extreme heat in {P} in {Y}.",
             "In {Y}, {P} had {F} days of extreme heat, {R} logged."),
        ],
        "filler": ["Farmers around {P} reported a poor harvest after the drought.",
                   "{R} said the trend was consistent with earlier years.",
                   "Campaigners in {P} called the targets too timid.",
                   "The river burst its banks after heavy rain.",
                   "A new monitoring station opened near {P}."],
        "titles": ["Emissions", "Flood warnings", "Renewable power", "Heatwave"],
        "syn": {"fell": "declined", "said": "stated", "issued": "put out", "supplied": "provided",
                "pledged": "promised", "planted": "put in the ground", "reported": "said"},
    },
    "education": {
        "reporters": ["the education ministry", "the schools inspectorate", "the teachers' union",
                      "the university council", "the exam board", "the local education office"],
        "facts": [
            ("d1", "count", "{R} said {F} pupils in {P} were excluded from school in {Y}.",
             "In {Y}, {F} pupils in {P} were excluded from school, {R} said."),
            ("d2", "percent", "The pass rate in {P} rose to {F} in {Y}, {R} reported.",
             "{R} reported that the {P} pass rate climbed to {F} in {Y}."),
            ("d3", "money", "{R} gave schools in {P} {F} for repairs in {Y}.",
             "In {Y}, schools in {P} received {F} for repairs from {R}."),
            ("d4", "count", "{R} counted {F} unfilled teaching posts in {P} in {Y}.",
             "In {Y}, {P} had {F} unfilled teaching posts, {R} counted."),
            ("d5", "percent", "{R} found that {F} of schools in {P} were overcrowded in {Y}.",
             "In {Y}, {F} of {P} schools were overcrowded, {R} found."),
            ("d6", "count", "{R} enrolled {F} students at universities in {P} in {Y}.",
             "In {Y}, universities in {P} enrolled {F} students, {R} said."),
        ],
        "filler": ["Parents in {P} protested against the closure of the village school.",
                   "{R} said the curriculum would be reviewed.",
                   "Teachers in {P} voted to accept the pay offer.",
                   "The inspection found strong leadership but weak maths teaching.",
                   "A new academy will open in {P} in September."],
        "titles": ["School results", "Teacher shortage", "Exclusions", "University places"],
        "syn": {"pupils": "children", "said": "stated", "rose": "increased", "reported": "said",
                "gave": "granted", "counted": "recorded", "found": "concluded"},
    },
    "housing": {
        "reporters": ["the housing ministry", "the land registry", "the homelessness charity",
                      "the planning department", "the tenants' association", "the mortgage lenders' body"],
        "facts": [
            ("u1", "count", "{R} said {F} new homes were completed in {P} in {Y}.",
             "In {Y}, {F} new homes were built in {P}, {R} said."),
            ("u2", "percent", "Average rents in {P} rose by {F} in {Y}, {R} reported.",
             "{R} reported that average rents in {P} went up by {F} in {Y}."),
            ("u3", "count", "{R} counted {F} homeless families in {P} in {Y}.",
             "In {Y}, {P} had {F} homeless families, {R} counted."),
            ("u4", "money", "{R} invested {F} in social housing in {P} in {Y}.",
             "In {Y}, {F} was invested in social housing in {P} by {R}."),
            ("u5", "percent", "House prices in {P} fell by {F} in {Y}, {R} said.",
             "{R} said house prices in {P} dropped by {F} in {Y}."),
            ("u6", "count", "{R} approved {F} planning applications in {P} in {Y}.",
             "In {Y}, {F} planning applications in {P} were approved by {R}."),
        ],
        "filler": ["Tenants in {P} complained of damp and mould.",
                   "{R} said the waiting list had never been longer.",
                   "Developers in {P} blamed rising building costs.",
                   "The council plans to buy back empty homes.",
                   "A new estate on the edge of {P} is half finished."],
        "titles": ["Housing starts", "Rents", "Homelessness", "House prices"],
        "syn": {"completed": "finished", "said": "stated", "rose": "increased", "reported": "said",
                "counted": "recorded", "invested": "spent", "approved": "granted"},
    },
}
CURRENCY = {"health": "£", "budgets": "$", "elections": "$", "crime": "€", "transport": "€",
            "climate": "$", "education": "£", "housing": "$"}
FACTS = {t[0]: (d, t) for d, dom in DOMAINS.items() for t in dom["facts"]}
KINDS = ["verbatim", "typo", "paraphrase", "reformat", "changed", "decoy", "absent"]
EXPECTED = {"changed": "misquoted", "absent": "unattributed"}


# A Zipf-distributed vocabulary of made-up words and names, so that the index sees a
# real corpus's shape (a few words everywhere, a long tail of rare ones) and not only
# the templates' two thousand stems.
SYLLABLES = ["ba", "cor", "dal", "en", "fen", "gor", "hal", "is", "jin", "kel", "lom", "mar",
             "nor", "ol", "pel", "quin", "ros", "sul", "tor", "un", "vel", "wyn", "yar", "zen",
             "bri", "cas", "dov", "el", "fal", "gan", "hor", "ith", "kra", "lun", "mov", "nes"]
WORLDLY = [  # sentences of no domain, on the made-up vocabulary: {W} word, {N} name, {O} body
    "{N}, a spokesperson for {O}, said the {W} scheme in {P} would continue.",
    "Critics of the {W} plan in {P} include {N} of {O}.",
    "The {W} and {W} projects were discussed at a meeting in {P}.",
    "{N} told reporters that the {W} review had been delayed again.",
    "Residents near the {W} site in {P} have complained for months.",
    "{O} has not commented on the {W} affair.",
    "A {W} inquiry led by {N} is expected to report in the spring.",
    "The {W} of {P} remains a matter of dispute between {O} and {O}.",
]
INSTITUTIONS = ["Institute", "Foundation", "Council", "Trust", "Society", "Centre", "Group"]


def make_lexicon(rng, n):
    words, seen = [], set()
    while len(words) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 2, 3, 3, 4])))
        if w not in seen:
            seen.add(w)
            words.append(w)
    cum, t = [], 0.0
    for r in range(1, n + 1):
        t += 1.0 / r ** 1.05
        cum.append(t)
    return words, cum


def cap(s):
    return s[0].upper() + s[1:] if s else s


# ---------------------------------------------------------------- figures

def commas(n):
    return f"{n:,}"


def new_value(rng, kind):
    """A figure's value: a count, a percentage (one decimal) or an amount in millions."""
    if kind == "count":
        return rng.choice([rng.randint(12, 990), rng.randint(1_000, 99_000),
                           rng.randint(100, 9_000) * 1_000 + rng.choice([0, 0, rng.randint(1, 999)])])
    if kind == "percent":
        return round(rng.uniform(1.0, 95.0), 1)
    return rng.choice([rng.randint(12, 980), rng.randint(1_010, 9_990) // 10 * 10])   # millions


def fmt(kind, v, dom, style=0):
    """The figure as text; style 0 is how the corpus writes it, 1 another way of
    writing the same value (for `reformat`)."""
    if kind == "count":
        if v >= 1_000_000 and v % 10_000 == 0:
            return commas(v) if style == 0 else f"{v / 1e6:g} million"
        return commas(v)
    if kind == "percent":
        return f"{v:g} percent" if style == 0 else f"{v:g}%"
    c = CURRENCY[dom]
    if v >= 1_000:                   # $4,370 million <-> $4.37 billion
        return f"{c}{commas(v)} million" if style == 0 else f"{c}{v / 1000:g} billion"
    return f"{c}{v}m" if style == 0 else f"{c}{v} million"


def can_reformat(kind, v):
    return kind != "count" or (v >= 1_000_000 and v % 10_000 == 0)


def changed_value(rng, kind, v):
    while True:
        if kind == "percent":
            w = round(v + rng.choice([-1, 1]) * rng.uniform(1.5, 9.0), 1)
        else:
            w = round(v * rng.choice([0.6, 0.75, 1.3, 1.5, 2.0]))
            if kind == "count" and v >= 1_000_000:
                w = w // 10_000 * 10_000
        if w != v and w > 0:
            return w


# ---------------------------------------------------------------- sentences

def fact(dom, tmpl, form, R, P, Y, F):
    text = tmpl[2 + form]
    return cap(text.format(R=R, P=P, Y=Y, F=F))


def typos(rng, s, keep):
    """Two words misspelt (a letter swapped, dropped or doubled), never inside `keep`."""
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w not in keep]
    for i in rng.sample(idx, min(2, len(idx))):
        w = words[i]
        k = rng.randrange(1, len(w) - 2)
        op = rng.randrange(3)
        words[i] = (w[:k] + w[k + 1] + w[k] + w[k + 2:] if op == 0 else
                    w[:k] + w[k + 1:] if op == 1 else w[:k] + w[k] + w[k:])
    return " ".join(words)


def synonyms(s, syn):
    for a, b in syn.items():
        s = s.replace(f" {a} ", f" {b} ")
    return s


class Writer:
    """Background text: random statements, except the reserved (template, place) pairs."""

    def __init__(self, rng, reserved):
        self.rng = rng
        self.reserved = reserved
        self.words, self.cum = make_lexicon(rng, 60_000)

    def word(self):
        return self.rng.choices(self.words, cum_weights=self.cum)[0]

    def name(self):
        return f"{cap(self.word())} {cap(self.word())}"

    def worldly(self):
        rng = self.rng
        s = rng.choice(WORLDLY)
        while "{W}" in s or "{N}" in s or "{O}" in s:
            s = (s.replace("{W}", self.word(), 1).replace("{N}", self.name(), 1)
                 .replace("{O}", f"the {cap(self.word())} {rng.choice(INSTITUTIONS)}", 1))
        return cap(s.replace("{P}", rng.choice(PLACES)))

    def sentence(self, dom):
        rng, d = self.rng, DOMAINS[dom]
        r = rng.random()
        if r < 0.25:
            return self.worldly()
        if r < 0.45:
            return cap(rng.choice(d["filler"]).format(R=rng.choice(d["reporters"]), P=rng.choice(PLACES)))
        t = rng.choice(d["facts"])
        while True:
            place = rng.choice(PLACES)
            if (t[0], place) not in self.reserved:
                break
        v = new_value(rng, t[1])
        return fact(dom, t, rng.randrange(2), rng.choice(d["reporters"]), place,
                    rng.choice(YEARS), fmt(t[1], v, dom))

    def document(self, dom, size, planted):
        """(title, paragraphs) of about `size` bytes; `planted` sentences go in at random."""
        rng = self.rng
        title = f"{rng.choice(DOMAINS[dom]['titles'])} in {rng.choice(PLACES)}: " \
                f"{rng.choice(MONTHS)} {rng.choice(YEARS)} update"
        pars, n = [], len(title)
        byline = f"By {rng.choice(PEOPLE) if rng.random() < 0.3 else self.name()}, {rng.choice(OUTLETS)}"
        pars.append(byline)
        while n < size:
            par = [self.sentence(dom) for _ in range(rng.randint(2, 6))]
            text = " ".join(par)
            pars.append(text)
            n += len(text) + 2
        for s in planted:
            at = rng.randrange(1, len(pars) + 1)
            pars.insert(at, s if rng.random() < 0.5 or at == len(pars) else f"{s} {self.sentence(dom)}")
        return title, pars


# ---------------------------------------------------------------- the plan

def plan_claims(rng, n_claims):
    """The planted claims: kind, statement, the corpus sentence(s) and the claim text."""
    ids = list(FACTS)
    used = set()
    claims = []
    for k in range(n_claims):
        kind = KINDS[k % len(KINDS)]
        while True:
            tid = rng.choice(ids)
            dom, t = FACTS[tid]
            v = new_value(rng, t[1])
            if kind == "reformat" and not can_reformat(t[1], v):
                continue
            place = rng.choice(PLACES)
            if (tid, place) not in used:
                break
        used.add((tid, place))
        d = DOMAINS[dom]
        reporter, year = rng.choice(d["reporters"]), rng.choice(YEARS)
        form = rng.randrange(2)
        sent = fact(dom, t, form, reporter, place, year, fmt(t[1], v, dom))
        c = {"id": f"c{k + 1:03d}", "kind": kind, "domain": dom, "template": tid,
             "place": place, "expected": EXPECTED.get(kind, "supported"), "plant": [sent],
             "passage": sent}
        fig = fmt(t[1], v, dom)
        if kind == "verbatim":
            text = sent
        elif kind == "typo":
            text = typos(rng, sent, {place} | set(place.split()) | set(fig.split()))
        elif kind == "paraphrase":
            text = synonyms(fact(dom, t, 1 - form, reporter, place, year, fig), d["syn"])
        elif kind == "reformat":
            fig = fmt(t[1], v, dom, style=1)
            text = fact(dom, t, form, reporter, place, year, fig)
        elif kind == "changed":
            fig = fmt(t[1], changed_value(rng, t[1], v), dom)
            text = fact(dom, t, form, reporter, place, year, fig)
        elif kind == "decoy":
            # the same words about another reporter, place or year, with another figure
            slot = rng.choice(["reporter", "place", "year"])
            r2, p2, y2 = reporter, place, year
            if slot == "reporter":
                r2 = rng.choice([r for r in d["reporters"] if r != reporter])
            elif slot == "place":
                p2 = rng.choice([p for p in PLACES if p != place and (tid, p) not in used])
                used.add((tid, p2))
            else:
                y2 = rng.choice([y for y in YEARS if y != year])
            decoy = fact(dom, t, form, r2, p2, y2, fmt(t[1], changed_value(rng, t[1], v), dom))
            c["plant"].append(decoy)
            c["decoy"] = {"slot": slot, "sentence": decoy}
            text = synonyms(fact(dom, t, 1 - form, reporter, place, year, fig), d["syn"])
        else:                                  # absent: nothing planted
            c["plant"], c["passage"] = [], None
            text = fact(dom, t, rng.randrange(2), reporter, place, year, fig)
        c["text"], c["figure"] = text, fig
        claims.append(c)
    return claims, used


# ---------------------------------------------------------------- main

def generate(scale, out, seed, n_claims, seeds_dir):
    import gen_corpus as gc                   # the seed variants (security reporting)

    target = SCALES[scale]
    rng = random.Random(f"{seed}:{scale}")
    claims, reserved = plan_claims(rng, n_claims)
    writer = Writer(rng, reserved)
    seeds = [gc.Seed(p) for p in sorted(seeds_dir.glob("*.txt"))]
    corpus = out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)

    mu, sigma = math.log(4_000), 1.2
    mean = math.exp(mu + sigma * sigma / 2)
    est_docs = max(50, int(target / mean))
    # where each planted sentence goes: a document index (a decoy in another document)
    slots = {}
    for c in claims:
        for s in c["plant"]:
            slots.setdefault(rng.randrange(int(est_docs * 0.9)), []).append((c["id"], s))
    width = len(str(est_docs * 2))
    domains = list(DOMAINS)
    recent = []                                # (rel, text, planted ids) to reprint
    where = {}                                 # planted sentence -> files carrying it
    total, docs, sizes, md_docs = 0, 0, [], 0

    def write(folder, title, pars, md, planted):
        nonlocal total, docs, md_docs
        body = "\n\n".join(pars)
        text = (f"# {title}\n\n{body}\n" if md else f"{title}\n\n{body}\n")
        h = hashlib.sha1(text.encode()).hexdigest()[:12]
        rel = f"corpus/{folder}/{docs:0{width}d}_{h}.{'md' if md else 'txt'}"
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        b = len(text.encode())
        total += b
        docs += 1
        md_docs += md
        sizes.append(b)
        for s in planted:
            where.setdefault(s, []).append(rel)
        recent.append((title, pars, planted))
        del recent[:-40]

    by_id = {c["id"]: c for c in claims}
    while total < target:
        items = slots.pop(docs, [])
        planted = [s for _, s in items]
        size = min(2_000_000, max(400, int(rng.lognormvariate(mu, sigma))))
        r = rng.random()
        md = rng.random() < 0.2
        if r < 0.06 and recent and not planted:           # a wire reprint of a recent story
            title, pars, carried = rng.choice(recent)
            pars = [f"Republished from {rng.choice(OUTLETS)}"] + pars + \
                   [f"Copyright {rng.choice(YEARS)} {rng.choice(OUTLETS)}. All rights reserved."]
            write("wire", title, pars, md, carried)
        elif r < 0.09 and not planted:                     # security reporting (seed variants)
            kind = rng.choices([k for k, _ in gc.KINDS], [w for _, w in gc.KINDS])[0]
            if kind == "report":
                kind = "brief"
            title, pars = gc.make_doc(rng, kind, seeds)
            write("security", title, pars, md, [])
        else:
            dom = by_id[items[0][0]]["domain"] if items else rng.choice(domains)
            title, pars = writer.document(dom, size, planted)
            write(dom, title, pars, md, planted)
    # planted sentences whose document index was never reached (a small corpus)
    for _, items in sorted(slots.items()):
        planted = [s for _, s in items]
        title, pars = writer.document(FACTS[claims[0]["template"]][0], 2_000, planted)
        write("late", title, pars, False, planted)

    lines = ["# Planted claims", ""]
    for c in claims:
        c["line"] = len(lines) + 1
        c["column"] = c["text"].index(c["figure"]) + 1
        c["files"] = where.get(c["passage"], []) if c["passage"] else []
        if c.get("decoy"):
            c["decoy"]["files"] = where.get(c["decoy"]["sentence"], [])
        lines += [c["text"], ""]
    (out / "draft.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "claims.toml").write_text('[corpus]\npaths = ["corpus"]\n', encoding="utf-8")
    with open(out / "claims.jsonl", "w", encoding="utf-8") as f:
        for c in claims:
            f.write(json.dumps({"id": c["id"], "text": c["text"]}, ensure_ascii=False) + "\n")
    sizes.sort()
    manifest = {"scale": scale, "seed": seed, "docs": docs, "bytes": total, "md_docs": md_docs,
                "median_doc_bytes": sizes[len(sizes) // 2], "largest_doc_bytes": sizes[-1],
                "claims": len(claims), "claim_list": claims}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    print(f"archive {scale}: {docs} documents, {total / 1e6:.1f} MB (median {sizes[len(sizes) // 2] / 1e3:.1f} kB, "
          f"largest {sizes[-1] / 1e3:.0f} kB), {md_docs} .md; {len(claims)} planted claims -> {out}")
