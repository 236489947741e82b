#!/usr/bin/env python3
# check-schema.py XMLLINT SAMVERKAN_CLI SOURCE_ROOT
#
# The schema says what it can of what import refuses: every tests/data/bad-*.xml
# is refused by `xmllint --schema data/register.xsd` and by `samverkan-cli import`
# (exit 2, nothing left behind), except the few whose problem XSD 1.0 cannot
# express, which are listed below with the reason and must then pass xmllint (so
# the list stays true). The sample register and every tests/data/valid-*.xml pass
# both. The schema's area codes are the list in data/areas.tsv.
#
# Copyright 2026 The Samverkan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import os
import re
import subprocess
import sys
import tempfile

# XSD 1.0 cannot make a route's value depend on its kind attribute: a phone
# number's characters and numbering plan are import's to check.
IMPORT_ONLY = {
    'bad-phone.xml': 'a phone number is checked against the numbering plan of its route kind',
}

xmllint, cli, root = sys.argv[1:4]
xsd = os.path.join(root, 'data', 'register.xsd')
failures = []


def schema_accepts(path):
    run = subprocess.run([xmllint, '--noout', '--nonet', '--schema', xsd, path],
                         capture_output=True, text=True)
    return run.returncode == 0, run.stderr


def import_status(path):
    with tempfile.TemporaryDirectory() as tmp:
        register = os.path.join(tmp, 'register.sqlite')
        run = subprocess.run([cli, '--register', register, 'import', path],
                             capture_output=True, text=True,
                             env=dict(os.environ, LANGUAGE='C', LC_ALL='C.UTF-8'))
        left = os.path.exists(register)
        return run.returncode, run.stderr, left


def check_bad(path):
    name = os.path.basename(path)
    accepted, said = schema_accepts(path)
    if name in IMPORT_ONLY:
        if not accepted:
            failures.append(f'{name}: listed as import-only ({IMPORT_ONLY[name]}) '
                            f'but the schema refuses it: {said.strip()}')
    elif accepted:
        failures.append(f'{name}: the schema accepts it')
    status, err, left = import_status(path)
    if status != 2:
        failures.append(f'{name}: import exited {status}, not 2: {err.strip()}')
    elif left:
        failures.append(f'{name}: import left a register behind')
    print(f'{name}: schema {"accepts" if accepted else "refuses"}, import exit {status}')


def check_good(path):
    name = os.path.basename(path)
    accepted, said = schema_accepts(path)
    if not accepted:
        failures.append(f'{name}: the schema refuses it: {said.strip()}')
    status, err, _ = import_status(path)
    if status != 0:
        failures.append(f'{name}: import exited {status}: {err.strip()}')
    print(f'{name}: schema {"accepts" if accepted else "refuses"}, import exit {status}')


def check_areas():
    with open(os.path.join(root, 'data', 'areas.tsv'), encoding='utf-8') as f:
        listed = [row['code'] for row in csv.DictReader(f, delimiter='\t')]
    with open(xsd, encoding='utf-8') as f:
        text = f.read()
    block = re.search(r'<xs:simpleType name="AreaCode">(.*?)</xs:simpleType>', text, re.S).group(1)
    in_schema = re.findall(r'<xs:enumeration value="([^"]+)"/>', block)
    if in_schema != listed:
        failures.append('the schema\'s AreaCode enumeration differs from data/areas.tsv: '
                        f'{sorted(set(in_schema) ^ set(listed))}')


data = os.path.join(root, 'tests', 'data')
bad = sorted(glob.glob(os.path.join(data, 'bad-*.xml')))
if len(bad) < 10:
    failures.append(f'only {len(bad)} bad-*.xml files found in {data}')
for path in bad:
    check_bad(path)
for path in [os.path.join(root, 'data', 'sample-register.xml')] + \
        sorted(glob.glob(os.path.join(data, 'valid-*.xml'))):
    check_good(path)
check_areas()

for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures else 0)
