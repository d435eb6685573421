#!/usr/bin/env python3
"""Extract the sample bounce texts from PHPMailer-BMH's phpmailer-bmh_rules.php.

For every /* ... */ comment block that is directly followed by an `if` or
`elseif` rule, take the lines after each `sample:` / `sample 1:` / `sample1:`
label up to the next label or the end of the comment, and pair them with the
first `$result['rule_cat'] = '...'` / `$result['rule_no'] = '...'` found in the
code after the comment (before the next comment block).
"""
import json
import re
import sys
from collections import Counter

SRC = sys.argv[1] if len(sys.argv) > 1 else '/tmp/bmh/rules.php'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/work/main/tests/data/bmh/samples.jsonl'

text = open(SRC, encoding='utf-8', newline='').read()


def line_of(pos):
    return text.count('\n', 0, pos) + 1


dsn_start = text.index('function bmhDSNRules(')
body_start = text.index('function bmhBodyRules(')

comments = [(m.start(), m.end()) for m in re.compile(r'/\*.*?\*/', re.S).finditer(text)]

SAMPLE_RE = re.compile(r'^\s*sample\s*\d*\s*:(.*)$', re.I)
RULE_RE = re.compile(r'\brule:\s*(.*?)\s*$', re.I)
CAT_RE = re.compile(r"\$result\['rule_cat'\]\s*=\s*'([^']*)'")
NO_RE = re.compile(r"\$result\['rule_no'\]\s*=\s*'([^']*)'")

records = []
notes = []  # (kind, line, detail)

for idx, (cs, ce) in enumerate(comments):
    if cs < body_start:
        continue
    # code after the comment, up to the next comment
    nxt = comments[idx + 1][0] if idx + 1 < len(comments) else len(text)
    code = text[ce:nxt]
    if not re.match(r'\s*(?:else\s*)?(?:if|elseif)\s*\(', code):
        continue
    inner = text[cs + 2:ce - 2]
    inner_start = cs + 2
    # split the comment body into physical lines with their offsets
    lines = []
    off = inner_start
    for raw in inner.split('\n'):
        lines.append((off, raw))
        off += len(raw) + 1

    def strip_marker(raw):
        m = re.match(r'^\s*\* ?', raw)
        if m:
            return raw[m.end():], True
        return raw.lstrip(), False

    comment_category = None
    for _, raw in lines:
        c, _ = strip_marker(raw)
        rm = RULE_RE.search(c)
        if rm and comment_category is None:
            comment_category = rm.group(1)

    cat = CAT_RE.search(code)
    no = NO_RE.search(code)
    rule_cat = cat.group(1) if cat else None
    rule_no = no.group(1) if no else None
    func = 'dsn' if cs > dsn_start else 'body'

    # collect samples
    samples = []  # list of (label_line, same_line_rest, [(offset, content, starred)])
    cur = None
    for o, raw in lines:
        c, starred = strip_marker(raw)
        sm = SAMPLE_RE.match(c)
        if sm:
            cur = (line_of(o), sm.group(1).strip(), [])
            samples.append(cur)
            continue
        if cur is not None:
            cur[2].append((o, c, starred))

    if not samples:
        notes.append(('no_sample_label', line_of(cs), func, rule_no, rule_cat, inner.strip()))
        continue

    for label_line, rest, body in samples:
        # drop trailing whitespace, then remove the common indentation of the
        # starred lines (relative indentation is kept)
        content = [(o, c.rstrip(), s) for o, c, s in body]
        nonempty = [c for _, c, s in content if c.strip() and s]
        indent = min((len(c) - len(c.lstrip(' ')) for c in nonempty), default=0)
        out_lines = []
        first_off = None
        for o, c, s in content:
            if s:
                c = c[indent:] if c[:indent].strip() == '' else c.lstrip(' ')
            if c.strip() and first_off is None:
                first_off = o
            out_lines.append(c)
        sample_text = '\n'.join(out_lines).strip()
        if rest:
            notes.append(('text_on_label_line', label_line, func, rule_no, rule_cat, rest))
        if not sample_text:
            notes.append(('empty_sample', label_line, func, rule_no, rule_cat, ''))
            continue
        records.append({
            'function': func,
            'rule_no': rule_no,
            'rule_cat': rule_cat,
            'comment_category': comment_category,
            'text': sample_text,
            'source_line': line_of(first_off),
        })

with open(OUT, 'w', encoding='utf-8', newline='\n') as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')

print('records:', len(records))
print('per function:', dict(Counter(r['function'] for r in records)))
print('per rule_cat:', dict(sorted(Counter(r['rule_cat'] for r in records).items())))
print('per (function, rule_cat):', dict(sorted(Counter((r['function'], r['rule_cat']) for r in records).items())))
print('distinct rules with samples:', len({(r['function'], r['rule_no'], r['rule_cat']) for r in records}))
for n in notes:
    print('NOTE', n)
# duplicates
texts = Counter(r['text'] for r in records)
for t, c in texts.items():
    if c > 1:
        print('DUP', c, [(r['function'], r['rule_no'], r['rule_cat'], r['source_line']) for r in records if r['text'] == t], repr(t[:70]))
# category mismatches
for r in records:
    if r['comment_category'] != r['rule_cat']:
        print('CATDIFF', r['function'], r['rule_no'], r['rule_cat'], repr(r['comment_category']), r['source_line'])
# rule numbers reused
nos = Counter((r['rule_no']) for r in records)
seen = {}
for r in records:
    seen.setdefault(r['rule_no'], set()).add((r['function'], r['rule_cat']))
for k, v in seen.items():
    if len(v) > 1:
        print('RULENO_REUSED', k, v)
