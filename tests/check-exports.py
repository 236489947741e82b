#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-exports.py: samverkan-cli export --format vcard|csv|hsds, read back by
real parsers: vCard through python3-vobject, CSV through Python's csv module,
HSDS validated against Open Referral's published HSDS 3.0 JSON schemas
(tests/data/hsds). Two registers: the built-in sample (Västerbotten) and a
small one from Jämtland with names that need escaping. A route marked
internal never appears in any of the three formats, whatever the options.
Prints TAP. Needs $SAMVERKAN_CLI, $SAMVERKAN_TEST_DATA, $SAMVERKAN_SOURCE_DIR."""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import jsonschema
    import vobject
except ImportError as e:
    print(f"1..0 # SKIP {e.name} is not installed (tools/dev installs python3-vobject and "
          "python3-jsonschema)")
    sys.exit(0)

CLI = os.environ["SAMVERKAN_CLI"]
DATA = os.environ["SAMVERKAN_TEST_DATA"]
SOURCE = os.environ["SAMVERKAN_SOURCE_DIR"]
NS = {"r": "https://samverkan.github.io/ns/register/1"}
HEADINGS = ["Id", "Name", "Name (English)", "Kind", "Municipality", "Phone", "On call",
            "E-mail", "Web", "Address", "Hours", "Target group", "Languages", "Note"]
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

tmp = tempfile.mkdtemp(prefix="samverkan-exports-")
env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8", SAMVERKAN_NOW="2026-12-01T12:00:00+01:00")
results = []


def run(*args, check=True):
    proc = subprocess.run([CLI, *args], capture_output=True, env=env)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}")
    return proc


def test(name):
    def wrap(fn):
        results.append((name, fn))
        return fn
    return wrap


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def digits(number):
    """A phone number as national digits, however it is written."""
    d = re.sub(r"\D", "", number.replace("tel:", ""))
    if number.strip().replace("tel:", "").startswith("+46"):
        d = "0" + d[2:]
    return d


class Register:
    def __init__(self, name, source):
        self.path = os.path.join(tmp, name + ".db")
        run("-r", self.path, "import", source)
        root = ET.parse(source).getroot()
        self.actors = {}
        self.routes = []   # (actor id, kind, visibility, value, label texts)
        for actor in root.iterfind(".//r:actors/r:actor", NS):
            names = {n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text
                     for n in actor.iterfind("r:name", NS)}
            self.actors[actor.get("id")] = dict(names=names, parent=actor.get("parent"),
                                                areas=[a.get("code") for a in actor.iterfind(".//r:area", NS)])
            for route in actor.iterfind("r:route", NS):
                labels = [l.text for l in route.iterfind("r:label", NS)]
                self.routes.append((actor.get("id"), route.get("kind"), route.get("visibility"),
                                    route.find("r:value", NS).text, labels))

    def export(self, fmt, *options, lang="sv"):
        out = os.path.join(tmp, f"out.{fmt}")
        if os.path.exists(out):
            os.unlink(out)
        run("-r", self.path, "export", "--format", fmt, "--lang", lang, *options, out)
        with open(out, "rb") as f:
            return f.read()

    def values(self, visibility):
        return [r for r in self.routes if r[2] == visibility]


sample = Register("sample", os.path.join(SOURCE, "data", "sample-register.xml"))
jamtland = Register("jamtland", os.path.join(DATA, "jamtland-export.xml"))


def is_phone(kind):
    return kind in ("phone", "on-call-phone", "sms")


def route_present(route, numbers, texts):
    """Whether @route's value is among the parsed @numbers (national digits) or @texts."""
    _, kind, _, value, _ = route
    if is_phone(kind):
        return digits(value) in numbers
    return value in texts


# vCard ------------------------------------------------------------------------

def parse_vcards(data):
    text = data.decode("utf-8")
    cards = list(vobject.readComponents(text))
    numbers, texts = set(), set()
    for card in cards:
        for tel in card.contents.get("tel", []):
            numbers.add(digits(tel.value))
        for prop in ("email", "url"):
            for item in card.contents.get(prop, []):
                texts.add(item.value)
        for adr in card.contents.get("adr", []):
            texts.update(adr.params.get("LABEL", []))
        for note in card.contents.get("note", []):
            texts.add(note.value)
    return cards, numbers, texts


@test("vCard of the sample: a card per actor, its name, its professional numbers, no internal route")
def _():
    cards, numbers, texts = parse_vcards(sample.export("vcard"))
    check(len(cards) == len(sample.actors), f"{len(cards)} cards for {len(sample.actors)} actors")
    names = {c.fn.value for c in cards}
    expected = {a["names"]["sv"] for a in sample.actors.values()}
    check(names == expected, f"names differ: {sorted(names ^ expected)}")
    for card in cards:
        check(card.version.value == "4.0" and card.kind.value == "org", "not a vCard 4.0 of an organisation")
        check(card.uid.value.startswith("urn:uuid:") and UUID.match(card.uid.value[9:]), card.uid.value)
    for route in sample.routes:
        if route[1] in ("phone", "on-call-phone", "email", "web") and route[2] != "internal":
            check(route_present(route, numbers, texts), f"{route[0]}: {route[3]} is missing")
        if route[2] == "internal":
            check(not route_present(route, numbers, texts), f"internal {route[3]} of {route[0]} is out")
    check(len(sample.values("internal")) > 0, "the sample has no internal route to look for")


@test("vCard public: no professional number either")
def _():
    cards, numbers, texts = parse_vcards(sample.export("vcard", "--audience", "public"))
    for route in sample.routes:
        if route[2] != "public" and is_phone(route[1]):
            # the same number may also be public on another route
            public = any(digits(r[3]) == digits(route[3]) for r in sample.values("public") if is_phone(r[1]))
            check(public or not route_present(route, numbers, texts), f"{route[2]} {route[3]} is out")
    police = [c for c in cards if c.fn.value == "Polisen"]
    check(len(police) == 1 and any(digits(t.value) == "11414" for t in police[0].contents["tel"]),
          "Polisen's public 114 14 is missing")


@test("vCard of Jämtland: escaping, units under their organisation, hours in the chosen language")
def _():
    data = jamtland.export("vcard")
    cards, numbers, texts = parse_vcards(data)
    by_name = {c.fn.value: c for c in cards}
    for actor in jamtland.actors.values():
        check(actor["names"]["sv"] in by_name, f"{actor['names']['sv']!r} did not come back whole")
    unit = by_name['Socialjouren "Jämtland", Östersund']
    check(unit.org.value == ["Östersunds kommun, socialförvaltningen", 'Socialjouren "Jämtland", Östersund'],
          f"ORG of a unit: {unit.org.value}")
    check("mån–tors 16:30–08:00" in unit.note.value and "00:00–08:00 nästa dag" in unit.note.value,
          f"NOTE: {unit.note.value}")
    tels = {digits(t.value): t for t in unit.contents["tel"]}
    check(tels.keys() == {"063143210", "0703214567"}, f"numbers: {sorted(tels)}")
    check("cell" in tels["0703214567"].params["TYPE"][0].split(",") or "cell" in tels["0703214567"].params["TYPE"],
          f"a mobile number is not cell: {tels['0703214567'].params}")
    check(all(t.value.startswith("tel:+46") for t in unit.contents["tel"]), "not tel: URIs")
    shelter = by_name["Kvinnojouren Jämtland; Östersund"]
    check("skyddad\\sekretess" in shelter.note.value, f"backslash lost: {shelter.note.value}")
    check([l.value for l in shelter.contents["lang"]] == ["sv", "en", "ar"], "LANG in the order the register has them")
    adr = shelter.adr.value
    check((adr.street, adr.code, adr.city) == ("Box 123", "831 21", "Östersund"), f"ADR: {adr}")
    english = {c.fn.value for c in parse_vcards(jamtland.export("vcard", lang="en"))[0]}
    check("Östersund municipality; social services" in english, f"--lang en: {english}")


@test("vCard lines: CRLF, folded at 75 octets without splitting a character")
def _():
    data = jamtland.export("vcard") + sample.export("vcard")
    check(data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), "not CRLF")
    lines = data.split(b"\r\n")[:-1]
    long = [l for l in lines if len(l) > 75]
    check(not long, f"{len(long)} lines over 75 octets: {long[:1]}")
    for line in lines:
        line.decode("utf-8")   # a cut inside a character raises
    check(any(l.startswith(b" ") for l in lines), "nothing was folded: the test proves nothing")


@test("vCard UIDs stay the same from one export to the next")
def _():
    first = [c.uid.value for c in parse_vcards(jamtland.export("vcard"))[0]]
    second = [c.uid.value for c in parse_vcards(jamtland.export("vcard", "--audience", "public"))[0]]
    check(first == second and len(set(first)) == len(first), "UIDs differ or repeat")


@test("vCard --area 2380: the actors serving Östersund, with the organisation a unit belongs to")
def _():
    cards, _, _ = parse_vcards(jamtland.export("vcard", "--area", "2380"))
    names = sorted(c.fn.value for c in cards)
    check(names == ["Kvinnojouren Jämtland; Östersund", "Östersunds kommun, socialförvaltningen"],
          f"--area 2380: {names}")


def evolution_contacts():
    """Evolution Data Server's vCard parser, the one GNOME Contacts reads through; None without it."""
    try:
        import gi
        gi.require_version("EBookContacts", "1.2")
        from gi.repository import EBookContacts
        return EBookContacts
    except (ImportError, ValueError):
        return None


@test("vCard through Evolution Data Server's parser (GNOME Contacts): names, units, numbers, e-mail, addresses")
def _():
    eds = evolution_contacts()
    if eds is None:
        return "SKIP gir1.2-ebookcontacts-1.2 is not installed (tools/dev installs it)"
    for register in (jamtland, sample):
        data = register.export("vcard").decode("utf-8")
        cards, _, _ = parse_vcards(register.export("vcard"))
        texts = re.findall(r"BEGIN:VCARD\r\n.*?END:VCARD\r\n", data, re.S)
        check(len(texts) == len(cards) == len(register.actors), "cards")
        for text, card in zip(texts, cards):
            contact = eds.Contact.new_from_vcard(text)
            check(contact.get_property("full-name") == card.fn.value,
                  f"{contact.get_property('full-name')!r} != {card.fn.value!r}")
            tels = sorted(a.get_value() for a in contact.get_attributes(eds.ContactField.TEL))
            check(tels == sorted(t.value for t in card.contents.get("tel", [])), f"TEL {tels}")
            mails = sorted(a.get_value() for a in contact.get_attributes(eds.ContactField.EMAIL))
            check(mails == sorted(e.value for e in card.contents.get("email", [])), f"EMAIL {mails}")
            org = card.org.value
            check(contact.get_property("org") == org[0], f"ORG {contact.get_property('org')!r}")
            if len(org) > 1:
                check(contact.get_property("org-unit") == org[1], f"unit {contact.get_property('org-unit')!r}")
        if register is jamtland:
            kommun = next(eds.Contact.new_from_vcard(t) for t in texts if "FN:Östersunds kommun" in t)
            adr = kommun.get_property("address-work")
            check((adr.street, adr.code, adr.locality) == ("Rådhusgatan 42", "831 82", "Östersund"),
                  f"ADR {adr.street!r} {adr.code!r} {adr.locality!r}")
            check(kommun.get_property("note").startswith("Öppettider: mån–fre 08:00–16:30"),
                  kommun.get_property("note"))


# CSV --------------------------------------------------------------------------

def parse_csv(data):
    check(data.startswith(b"\xef\xbb\xbf"), "no byte order mark")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    numbers, texts = set(), set()
    for row in rows[1:]:
        for heading, cell in zip(rows[0], row):
            for value in cell.split(" / "):
                if heading in ("Phone", "On call"):
                    numbers.add(digits(value))
                elif heading == "Note" and value.startswith("Sms "):
                    numbers.add(digits(value))
                else:
                    texts.add(value)
    return rows, numbers, texts


@test("CSV: the headings, a row per actor, several numbers in one cell, no internal route")
def _():
    data = sample.export("csv")
    rows, numbers, texts = parse_csv(data)
    check(rows[0] == HEADINGS, f"headings: {rows[0]}")
    check(b"\r\n" in data, "rows do not end in CRLF")
    check(len(rows) - 1 == len(sample.actors), f"{len(rows) - 1} rows for {len(sample.actors)} actors")
    check({r[0] for r in rows[1:]} == set(sample.actors), "ids differ")
    check(all(len(r) == len(HEADINGS) for r in rows), "a row with another number of cells")
    for route in sample.routes:
        if route[2] == "internal":
            check(not route_present(route, numbers, texts), f"internal {route[3]} of {route[0]} is out")
        elif route[1] in ("phone", "on-call-phone", "email", "web"):
            check(route_present(route, numbers, texts), f"{route[0]}: {route[3]} is missing")
    bris = next(r for r in rows if r[0] == "bris")
    check(bris[HEADINGS.index("Phone")] == "116 111 / 0771-50 50 50", f"Bris: {bris}")


@test("CSV of Jämtland: quotes, commas and semicolons come back whole; hours and codes as the register has them")
def _():
    rows, numbers, texts = parse_csv(jamtland.export("csv"))
    by_id = {r[0]: dict(zip(HEADINGS, r)) for r in rows[1:]}
    jour = by_id["ostersund-socialjour"]
    check(jour["Name"] == 'Socialjouren "Jämtland", Östersund', jour["Name"])
    check(jour["Name (English)"] == "Social services on call, Jämtland", jour["Name (English)"])
    check(jour["On call"] == "063-14 32 10" and jour["Phone"] == "070-321 45 67", f"{jour}")
    check(jour["Hours"] == "Mo-Th 16:30-08:00; Fr 16:00-24:00; Sa 00:00-24:00; Su,PH 00:00-32:00", jour["Hours"])
    shelter = by_id["kvinnojouren-jamtland"]
    check(shelter["Municipality"] == "Krokom / Åre / Östersund", shelter["Municipality"])
    check(shelter["Kind"] == "shelter" and shelter["Languages"] == "sv / en / ar", f"{shelter}")
    check("Sms 072-512 00 00" in shelter["Note"], shelter["Note"])
    check(shelter["Address"] == "Box 123, 831 21 Östersund", shelter["Address"])
    akut = by_id["region-jamtland-akut"]
    check(akut["Note"].startswith("'=HYPERLINK("), f"a formula is not kept as text: {akut['Note']}")
    check(akut["Phone"] == "063-15 30 00 / 063-15 35 35", f"{akut['Phone']}")
    for route in jamtland.values("internal"):
        check(not route_present(route, numbers, texts), f"internal {route[3]} is out")


@test("CSV → import-table into an empty register → the same actors and numbers (Jämtland: the same CSV again)")
def _():
    for register in (jamtland, sample):
        data = register.export("csv")
        rows, numbers, _ = parse_csv(data)
        source = os.path.join(tmp, "round-trip.csv")
        with open(source, "wb") as f:
            f.write(data)
        target = os.path.join(tmp, f"round-trip-{len(rows)}.db")
        run("init", target)
        out = run("-r", target, "import-table", source).stdout.decode()
        check(f"actors added: {len(register.actors)};" in out and "rows left out: 0" in out, out)
        again = Register.__new__(Register)
        again.path = target
        rows_again, numbers_again, _ = parse_csv(again.export("csv"))
        check([r[:3] for r in rows_again] == [r[:3] for r in rows], "ids and names differ")
        check(numbers_again == numbers and len(numbers) > 3, f"numbers differ: {numbers ^ numbers_again}")
        if register is jamtland:
            # byte for byte; the sample's routes for abroad come back as ordinary routes (their
            # numbers written in national form), which the numbers above compare equal
            diff = [(a, b) for a, b in zip(data.decode().splitlines(), again.export("csv").decode().splitlines())
                    if a != b]
            check(not diff, f"the CSV exported again differs: {diff[:2]}")


# HSDS -------------------------------------------------------------------------

SCHEMAS = os.path.join(DATA, "hsds")
TABLES = {"organizations": "organization", "services": "service", "locations": "location",
          "addresses": "address", "phones": "phone", "schedules": "schedule",
          "service_areas": "service_area", "languages": "language"}


def validator(name):
    with open(os.path.join(SCHEMAS, name + ".json"), encoding="utf-8") as f:
        schema = json.load(f)
    resolver = jsonschema.RefResolver(base_uri="file://" + SCHEMAS + "/", referrer=schema)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    return cls(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())


def validate_hsds(data):
    doc = json.loads(data)
    check(set(doc) == set(TABLES), f"tables: {sorted(doc)}")
    for plural, table in TABLES.items():
        v = validator(table)
        for record in doc[plural]:
            errors = list(v.iter_errors(record))
            check(not errors, f"{table} {record.get('id')}: {errors[:1]}")
            for key, value in record.items():
                if key == "id" or key.endswith("_id"):
                    check(UUID.match(value), f"{table}.{key} is not a UUID: {value}")
    tabular = {table: doc[plural] for plural, table in TABLES.items()}
    errors = list(validator("tabular").iter_errors(tabular))
    check(not errors, f"tabular: {errors[:1]}")
    ids = {plural: {r["id"] for r in doc[plural]} for plural in TABLES}
    for plural in TABLES:
        check(len(ids[plural]) == len(doc[plural]), f"{plural}: ids repeat")
        for record in doc[plural]:
            for key, target in (("organization_id", "organizations"), ("service_id", "services"),
                                ("location_id", "locations"), ("parent_organization_id", "organizations")):
                if key in record:
                    check(record[key] in ids[target], f"{plural}.{key} names nothing")
    return doc


def hsds_values(doc):
    numbers = {digits(p["number"]) for p in doc["phones"]}
    texts = {l.get("description") for l in doc["locations"]}
    texts |= {o.get(k) for o in doc["organizations"] for k in ("email", "website")}
    texts |= {s.get(k) for s in doc["services"] for k in ("email", "url")}
    return numbers, texts


@test("HSDS of the sample and of Jämtland: valid against the HSDS 3.0 schemas, no internal route")
def _():
    for register in (sample, jamtland):
        doc = validate_hsds(register.export("hsds"))
        check(len(doc["organizations"]) == len(register.actors), "an organization per actor")
        check(len(doc["services"]) == len(register.actors), "a service per actor")
        numbers, texts = hsds_values(doc)
        for route in register.routes:
            if route[2] == "internal":
                check(not route_present(route, numbers, texts), f"internal {route[3]} is out")
            elif is_phone(route[1]):
                check(route_present(route, numbers, texts), f"{route[3]} is missing")
    # the validator itself rejects what it must
    bad = validator("phone")
    check(list(bad.iter_errors({"id": "not-a-uuid"})), "a phone without a number passed the schema")


@test("HSDS schedules: weekly rules with byday, opens_at and closes_at")
def _():
    doc = validate_hsds(jamtland.export("hsds"))
    service = {s["name"]: s["id"] for s in doc["services"]}
    jour = [s for s in doc["schedules"] if s["service_id"] == service['Socialjouren "Jämtland", Östersund']]
    rules = sorted((s["byday"], s["opens_at"], s["closes_at"]) for s in jour)
    check(rules == sorted([("MO,TU,WE,TH", "16:30", "08:00"), ("FR", "16:00", "00:00"),
                           ("SA", "00:00", "00:00"), ("SU", "00:00", "08:00")]), f"{rules}")
    check(all(s["freq"] == "WEEKLY" for s in jour), "freq")
    check("sön, helgdagar 00:00–08:00 nästa dag" in jour[0]["description"], jour[0]["description"])
    kommun = [s for s in doc["schedules"] if s["service_id"] == service["Östersunds kommun, socialförvaltningen"]]
    check([(s["byday"], s["opens_at"], s["closes_at"]) for s in kommun] == [("MO,TU,WE,TH,FR", "08:00", "16:30")],
          f"{kommun}")
    areas = {a["name"] for a in doc["service_areas"]}
    check({"Östersund", "Krokom", "Åre", "Jämtlands län"} <= areas, f"{areas}")
    addresses = {a["address_1"]: a for a in doc["addresses"]}
    check(addresses["Rådhusgatan 42"]["postal_code"] == "831 82" and
          addresses["Rådhusgatan 42"]["state_province"] == "Jämtlands län", f"{addresses}")


# The audience, whatever the options ----------------------------------------------

@test("No format carries an internal route, whatever the options; --audience internal is refused")
def _():
    options = [[], ["--audience", "public"], ["--audience", "professional"], ["--area", "23"],
               ["--area", "24"], ["--kind", "social-services"], ["--kind", "police"],
               ["--path", "trafficking-adult"], ["--area", "SE", "--audience", "professional"]]
    checked = 0
    for register in (sample, jamtland):
        secrets = register.values("internal")
        for fmt in ("vcard", "csv", "hsds"):
            for opts in options:
                proc = run("-r", register.path, "export", "--format", fmt, *opts, "-", check=False)
                if proc.returncode == 2 and b"no escalation path" in proc.stderr:
                    continue   # --path of the sample in the Jämtland register
                check(proc.returncode == 0, f"{fmt} {opts}: {proc.stderr.decode()}")
                out = proc.stdout.decode("utf-8")
                flat = re.sub(r"\r\n ", "", out)   # unfolded
                only_digits = re.sub(r"[^\d+]", "", flat)
                for _, kind, _, value, labels in secrets:
                    if is_phone(kind):
                        national = digits(value)
                        check(national not in only_digits and "46" + national[1:] not in only_digits,
                              f"{fmt} {opts}: internal number {value}")
                    else:
                        check(value not in flat, f"{fmt} {opts}: internal {value}")
                    for label in labels:
                        check(label not in flat, f"{fmt} {opts}: internal label {label}")
                checked += 1
            target = os.path.join(tmp, "refused." + fmt)
            proc = run("-r", register.path, "export", "--format", fmt, "--audience", "internal", target,
                       check=False)
            check(proc.returncode == 2 and b"internal" in proc.stderr and not os.path.exists(target),
                  f"{fmt} --audience internal: exit {proc.returncode}, {proc.stderr.decode()}")
    check(checked >= 40, f"only {checked} exports checked")


@test("Professional is the default of every format")
def _():
    for fmt in ("vcard", "csv", "hsds"):
        default = jamtland.export(fmt)
        professional = jamtland.export(fmt, "--audience", "professional")
        public = jamtland.export(fmt, "--audience", "public")
        check(default == professional, f"{fmt}: the default is not professional")
        check(default != public, f"{fmt}: professional and public are the same")
        check("0703214567" in re.sub(r"\D", "", default.decode().replace("+46", "0")),
              f"{fmt}: the professional mobile is missing")


print(f"1..{len(results)}")
failed = 0
for i, (name, fn) in enumerate(results, 1):
    try:
        skipped = fn()
        print(f"ok {i} - {name}" + (f" # {skipped}" if skipped else ""))
    except Exception as e:   # noqa: BLE001 — any failure is a failed test
        failed += 1
        print(f"not ok {i} - {name}")
        for line in str(e).splitlines() or [repr(e)]:
            print(f"# {line}")
sys.exit(1 if failed else 0)
