#!/usr/bin/env python3
"""The peer of `paychase serve` for the wrk benchmark: Flask + Jinja2 serving the dashboard
(owed and overdue per paymaster, the aged debt as an inline SVG bar chart, the 50 most overdue
claims as today's actions) and the claims table (200 rows, most overdue first) from the same
files, claims.csv and Outbox/deliveries.jsonl (every line's SHA-256 link checked).

Like PayChase's status cache, what it reads is kept until a file's inode, size or change time
changes; each request renders its page from that through Jinja2 (its templates compiled once).

usage: web_peer.py FOLDER PORT AS_OF(YYYY-MM-DD)"""
import csv
import datetime
import hashlib
import json
import os
import sys
import threading

from flask import Flask, render_template

BUCKETS = [("not yet due", -10**9, 0), ("1–30 days", 1, 30), ("31–60 days", 31, 60), ("61–90 days", 61, 90),
           ("91–180 days", 91, 180), ("over 180 days", 181, 10**9)]
PAYMASTERS = {"QOF": "NHS North East London ICB (primary care payments)", "DES": "NHS North East London ICB (primary care payments)",
              "LES": "NHS North East London ICB (primary care payments)", "PH": "London Borough of Tower Hamlets"}

LAYOUT = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · PayChase</title><style>body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2125}
main{max-width:70rem;margin:0 auto;padding:1rem 2rem}table{border-collapse:collapse;width:100%;background:#fff}
th,td{padding:.4rem .5rem;border-bottom:1px solid #e1e4e8;text-align:left}.num{text-align:right}nav{background:#005eb8;padding:.6rem 1rem}
nav a{color:#fff;margin-right:1rem}</style></head><body><nav id="nav"><a id="nav-dashboard" href="/">Dashboard</a>
<a id="nav-claims" href="/claims">Claims</a><a id="nav-import" href="/import">Import</a><a id="nav-queue" href="/queue">Queue</a>
<a id="nav-record" href="/record">Record</a></nav><main>{% block main %}{% endblock %}</main></body></html>"""

DASHBOARD = """{% extends "layout" %}{% block main %}<h1>{{ practice }}</h1>
<p>As of {{ as_of }}: <strong id="owed">{{ owed }}</strong> owed, <strong id="overdue">{{ overdue }}</strong> overdue.</p>
<h2>Owed per paymaster</h2><table id="totals"><thead><tr><th>Paymaster</th><th class="num">Claims</th><th class="num">Owed</th><th class="num">Overdue</th></tr></thead>
<tbody>{% for t in totals %}<tr><td>{{ t.name }}</td><td class="num">{{ t.claims }}</td><td class="num">{{ t.owed }}</td><td class="num">{{ t.overdue }}</td></tr>{% endfor %}</tbody></table>
<h2>Aged debt</h2><figure id="aged-debt"><svg id="aged-debt-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {{ 40 + 36 * buckets|length }}" role="img" aria-label="Aged debt">
{% for b in buckets %}<text x="0" y="{{ 30 + 36 * loop.index0 }}">{{ b.label }}</text><rect x="160" y="{{ 14 + 36 * loop.index0 }}" width="{{ b.width }}" height="24" fill="#005eb8"/><text x="{{ 166 + b.width }}" y="{{ 30 + 36 * loop.index0 }}">{{ b.owed }} ({{ b.claims }})</text>
{% endfor %}</svg></figure>
<h2>Today's actions</h2><table id="todays-actions"><thead><tr><th>Claim</th><th>Paymaster</th><th class="num">Owed</th><th class="num">Days overdue</th><th>Next step</th></tr></thead>
<tbody>{% for c in actions %}<tr><td><a href="/claims/{{ c.id }}">{{ c.id }}</a></td><td>{{ c.paymaster }}</td><td class="num">{{ c.owed }}</td><td class="num">{{ c.days }}</td><td>{{ c.next }}</td></tr>{% endfor %}</tbody></table>
{% if more %}<p id="more-actions">And {{ more }} more: <a href="/claims?next=send&amp;sort=overdue&amp;order=desc">the claims table</a> lists them all.</p>{% endif %}{% endblock %}"""

CLAIMS = """{% extends "layout" %}{% block main %}<h1>Claims</h1><p id="claims-count">{{ count }} claims, {{ owed }} owed.</p>
<table id="claims"><thead><tr><th>Claim</th><th>Service</th><th>Paymaster</th><th class="num">Owed</th><th class="num">Due</th><th class="num">Days overdue</th><th>Next step</th></tr></thead>
<tbody>{% for c in rows %}<tr id="claim-{{ c.id }}"><td><a href="/claims/{{ c.id }}">{{ c.id }}</a></td><td>{{ c.service }}</td><td>{{ c.paymaster }}</td><td class="num">{{ c.owed }}</td><td class="num">{{ c.due }}{% if c.assumed %} (assumed){% endif %}</td><td class="num">{{ c.days }}</td><td>{{ c.next }}</td></tr>{% endfor %}</tbody></table>
<p id="claims-pages">1–{{ rows|length }} of {{ count }} <a id="page-next" href="/claims?page=2">Next</a></p>{% endblock %}"""


def money(pence):
    return f"£{pence // 100:,}.{pence % 100:02d}"


def parse_pence(text):
    text = (text or "").replace("£", "").replace(",", "").strip()
    if not text:
        return 0
    pounds, _, fraction = text.partition(".")
    return int(pounds) * 100 + int((fraction + "00")[:2])


def parse_date(text):
    text = (text or "").strip()
    if not text:
        return None
    if text[4:5] == "-":
        return datetime.date.fromisoformat(text)
    day, month, year = text.split("/")
    return datetime.date(int(year), int(month), int(day))


def read_record(path):
    """Every entry, checking each line's hash chain as PayChase's --verify does."""
    entries, previous = [], "0" * 64
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            text = line.decode().rstrip("\n")
            entry = json.loads(text)
            own = entry.get("entry", "")
            if entry.get("previous") != previous or hashlib.sha256(text.replace(f'"entry":"{own}"', '"entry":""').encode()).hexdigest() != own:
                raise SystemExit(f"deliveries.jsonl:{number}: the chain is broken")
            previous = own
            entries.append(entry)
    return entries


def status(folder, as_of):
    paid, chased = {}, {}
    for entry in read_record(os.path.join(folder, "Outbox", "deliveries.jsonl")):
        if entry.get("outcome") == "payment":
            paid[entry["claim_id"]] = paid.get(entry["claim_id"], 0) + int((entry.get("payment") or {}).get("pence", 0))
        elif entry.get("outcome") == "accepted":
            chased[entry["claim_id"]] = chased.get(entry["claim_id"], 0) + 1
    claims = []
    with open(os.path.join(folder, "claims.csv"), newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            owed = parse_pence(row["amount"]) - parse_pence(row.get("paid")) - paid.get(row["claim_id"], 0)
            due = parse_date(row.get("due_on"))
            assumed = due is None
            if due is None:
                due = parse_date(row["submitted_on"]) + datetime.timedelta(days=30)
            days = (as_of - due).days
            attempts = chased.get(row["claim_id"], 0)
            step = "none" if owed <= 0 else ("wait" if days <= 0 else ("chase" if attempts == 0 else "appeal"))
            claims.append({"id": row["claim_id"], "service": row["service"], "paymaster": PAYMASTERS.get(row["category"], row["category"]),
                           "pence": max(owed, 0), "due": due.strftime("%-d %b %Y"), "assumed": assumed, "days": max(days, 0) if owed > 0 else 0,
                           "raw_days": days, "next": step})
    for claim in claims:
        claim["owed"] = money(claim["pence"])
    by_overdue = sorted((c for c in claims if c["pence"] > 0), key=lambda c: -c["raw_days"])
    totals = {}
    for claim in claims:
        t = totals.setdefault(claim["paymaster"], {"name": claim["paymaster"], "claims": 0, "owed_p": 0, "overdue_p": 0})
        t["claims"] += 1
        t["owed_p"] += claim["pence"]
        t["overdue_p"] += claim["pence"] if claim["raw_days"] > 0 else 0
    buckets = []
    for label, low, high in BUCKETS:
        inside = [c for c in claims if c["pence"] > 0 and low <= c["raw_days"] <= high]
        buckets.append({"label": label, "claims": len(inside), "pence": sum(c["pence"] for c in inside)})
    top = max([b["pence"] for b in buckets] + [1])
    for b in buckets:
        b["width"] = round(400 * b["pence"] / top)
        b["owed"] = money(b["pence"])
    actions = [c for c in by_overdue if c["next"] not in ("wait", "none")]
    return {"claims": claims, "by_overdue": by_overdue, "actions": actions, "buckets": buckets,
            "totals": [dict(t, owed=money(t["owed_p"]), overdue=money(t["overdue_p"])) for t in totals.values()],
            "owed": money(sum(c["pence"] for c in claims)), "overdue": money(sum(c["pence"] for c in claims if c["raw_days"] > 0))}


def main():
    folder, port, as_of = sys.argv[1], int(sys.argv[2]), datetime.date.fromisoformat(sys.argv[3])
    app = Flask(__name__)
    from jinja2 import DictLoader
    # Loaded by name, so Jinja2 compiles each template once and keeps it (render_template_string
    # would compile it again on every request).
    app.jinja_loader = DictLoader({"layout": LAYOUT, "dashboard": DASHBOARD, "claims": CLAIMS})
    lock, cache = threading.Lock(), {}
    files = [os.path.join(folder, "paychase.yaml"), os.path.join(folder, "claims.csv"), os.path.join(folder, "Outbox", "deliveries.jsonl")]

    def current():
        stamp = []
        for path in files:
            info = os.stat(path)
            stamp.append((info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
        with lock:
            if cache.get("stamp") != stamp:
                cache["report"], cache["stamp"] = status(folder, as_of), stamp
            return cache["report"]

    @app.route("/")
    def dashboard():
        report = current()
        return render_template("dashboard", title="Dashboard", practice="Riverside Medical Centre", as_of=as_of.strftime("%-d %B %Y"),
                                      owed=report["owed"], overdue=report["overdue"], totals=report["totals"], buckets=report["buckets"],
                                      actions=report["actions"][:50], more=max(0, len(report["actions"]) - 50))

    @app.route("/claims")
    def claims():
        report = current()
        return render_template("claims", title="Claims", count=len(report["claims"]), owed=report["owed"], rows=report["by_overdue"][:200])

    current()
    app.run(host="127.0.0.1", port=port, threaded=True)


if __name__ == "__main__":
    main()
